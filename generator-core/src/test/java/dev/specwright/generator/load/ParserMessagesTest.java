package dev.specwright.generator.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.SpecProblem;
import io.swagger.v3.parser.util.DeserializationUtils;
import org.junit.jupiter.api.Test;

/**
 * swagger-parser's message shapes, as seen on the real-spec corpus (each test names a spec where it was seen), become
 * problems located by a JSON pointer that exists in the spec.
 */
class ParserMessagesTest {

    private static final String HEAD = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";

    /** The problem for a message about {@code yaml}; its pointer must resolve in the document. */
    private static SpecProblem problem(String yaml, String message) {
        SpecTree tree = new SpecTree(DeserializationUtils.deserializeIntoTree(yaml, "api.yaml"));
        SpecProblem p = ParserMessages.toProblem("api.yaml", message, tree);
        assertThat(tree.at(p.pointer()).isMissingNode()).as("%s exists in the spec", p.pointer()).isFalse();
        return p;
    }

    private static final String SORTED_LIST = HEAD + """
            paths:
              /classifications:
                parameters:
                  - {name: id, in: query, schema: {type: string, allOf: {a: 1}}}
                get:
                  parameters:
                    - {name: page, in: query, schema: {type: integer}}
                    - {name: sort, in: query, schema: {type: array, items: {type: string}, default: name}}
                    - $ref: '#/components/parameters/Limit'
                  responses: {'200': {description: ok}}
            components:
              parameters:
                Limit: {name: limit, in: query, schema: {type: integer, allOf: {a: 1}}}
                trait_end_date: {name: end_date, in: query, schema: {type: string, format: date, default: ''}}
            """;

    @Test
    void aParameterIsLocatedByItsIndexAndItsSchemaIsSchema() { // art19.com, bkk.hu, telnyx.com, ticketmaster.com
        SpecProblem p = problem(SORTED_LIST,
                "attribute paths.'/classifications'(get).parameters.[sort].schemas.default is not of type `array`");
        assertThat(p.pointer()).isEqualTo("/paths/~1classifications/get/parameters/1/schema/default");
        assertThat(p.rule()).isEqualTo("`default` must be an array; here it is a string.");
        assertThat(ParserMessages.tolerance("attribute paths.'/classifications'(get).parameters.[sort].schemas.default is not of type "
                + "`array`")).isPresent();
    }

    @Test
    void aParameterFromARefIsLocatedAtItsComponent() {
        SpecProblem p = problem(SORTED_LIST, "attribute paths.'/classifications'(get).parameters.[limit].schemas.allOf is not of type `array`");
        assertThat(p.pointer()).isEqualTo("/components/parameters/Limit/schema/allOf");
        assertThat(p.rule()).isEqualTo("`allOf` must be an array; here it is an object.");
    }

    @Test
    void aPathLevelParameterIsLocatedInThePathItem() {
        SpecProblem p = problem(SORTED_LIST, "attribute paths.'/classifications'.[id].schemas.allOf is not of type `array`");
        assertThat(p.pointer()).isEqualTo("/paths/~1classifications/parameters/0/schema/allOf");
    }

    @Test
    void aComponentParameterIsItsOwnPlace() { // sendgrid.com, soundcloud.com, oxforddictionaries.com
        SpecProblem p = problem(SORTED_LIST,
                "attribute components.parameters.trait_end_date.[end_date].schemas.default=`` is not of type `date`");
        assertThat(p.pointer()).isEqualTo("/components/parameters/trait_end_date/schema/default");
        assertThat(p.rule()).isEqualTo("`default` is an empty string, which is not a date.");
        assertThat(p.fix()).isEqualTo("give a date like 2024-01-31, or remove the default.");
    }

    @Test
    void aDefaultOfTheWrongFormatIsNamedWithItsValueNotInThePointer() { // sinao.app, biapi.pro, weber-gesamtausgabe.de
        String spec = HEAD + """
                paths: {}
                components:
                  schemas:
                    AccountLog:
                      properties:
                        id: {type: integer, default: 0}
                        timestamp: {type: string, format: date-time, default: '<function datetime.now at 0x7f5740ee1950>'}
                        since: {type: string, format: date-time, default: now}
                """;
        SpecProblem p = problem(spec, "attribute components.schemas.AccountLog.default=`now` is not of type `date-time`");
        assertThat(p.pointer()).isEqualTo("/components/schemas/AccountLog/properties/since/default");
        assertThat(p.rule()).isEqualTo("`default` is `now`, which is not a date-time.");
        assertThat(p.fix()).isEqualTo("give a date-time like 2024-01-31T12:00:00Z, or remove the default.");

        SpecProblem dotted = problem(spec,
                "attribute components.schemas.AccountLog.default=`<function datetime.now at 0x7f5740ee1950>` is not of type `date-time`");
        assertThat(dotted.pointer()).isEqualTo("/components/schemas/AccountLog/properties/timestamp/default");
        assertThat(dotted.rule()).isEqualTo("`default` is `<function datetime.now at 0x7f5740ee1950>`, which is not a date-time.");
    }

    @Test
    void anEnumValueOfTheWrongFormatIsLocatedAtTheValueAndNotTolerated() { // sendgrid.com
        String spec = HEAD + """
                paths:
                  /singlesends/{id}/schedule:
                    put:
                      requestBody:
                        content:
                          application/json:
                            schema:
                              properties:
                                send_at: {type: string, format: date-time, enum: [now]}
                      responses: {'200': {description: ok}}
                """;
        String message = "attribute paths.'/singlesends/{id}/schedule'(put).requestBody.content.'application/json'.schema.enum=`now` "
                + "is not of type `date-time`";
        SpecProblem p = problem(spec, message);
        assertThat(p.pointer()).isEqualTo("/paths/~1singlesends~1{id}~1schedule/put/requestBody/content/application~1json/schema/properties"
                + "/send_at/enum/0");
        assertThat(p.rule()).isEqualTo("`enum` lists `now`, which is not a date-time (the schema's format).");
        assertThat(ParserMessages.tolerance(message)).isEmpty();
    }

    @Test
    void aQueryInThePathTemplateIsLocatedAtThePath() { // clicksend.com, icons8.com, medium.com, staging-ecotaco.com
        String spec = HEAD + """
                paths:
                  /uploads?convert={convert}:
                    post: {responses: {'200': {description: ok}}}
                  /rides?page={page}&per_page={per_page}:
                    get: {responses: {'200': {description: ok}}}
                """;
        SpecProblem p = problem(spec, "paths.'/uploads?convert={convert}'. Declared path parameter convert needs to be defined as a path "
                + "parameter in path or operation level");
        assertThat(p.pointer()).isEqualTo("/paths/~1uploads?convert={convert}");
        assertThat(p.rule()).isEqualTo("the path `/uploads?convert={convert}` contains a query string; a path template holds only the path.");
        assertThat(p.fix()).isEqualTo("make the path `/uploads` and declare `convert` as a parameter with `in: query`.");
        SpecProblem two = problem(spec, "paths.'/rides?page={page}&per_page={per_page}'. Declared path parameter per_page needs to be "
                + "defined as a path parameter in path or operation level");
        assertThat(two.fix()).isEqualTo("make the path `/rides` and declare `page`, `per_page` as parameters with `in: query`.");
    }

    @Test
    void anUndeclaredPathParameterIsLocatedAtThePath() {
        String spec = HEAD + "paths:\n  /pets/{id}:\n    get: {responses: {'200': {description: ok}}}\n";
        SpecProblem p = problem(spec, "paths.'/pets/{id}'. Declared path parameter id needs to be defined as a path parameter in path or "
                + "operation level");
        assertThat(p.pointer()).isEqualTo("/paths/~1pets~1{id}");
        assertThat(p.rule()).contains("`{id}`").contains("path parameter `id`");
    }

    @Test
    void aRefToTheWrongKindOfComponentIsLocatedAtTheRef() { // rev.ai, rumble.run, swaggerhub.com
        String spec = HEAD + """
                paths:
                  /jobs/{id}/captions:
                    get:
                      responses:
                        '200':
                          description: ok
                          content:
                            application/x-subrip:
                              schema: {properties: {caption: {$ref: '#/components/responses/CaptionSrt'}}}
                        '400': {$ref: '#/components/schemas/BadRequest'}
                components:
                  schemas: {BadRequest: {type: object}}
                  responses: {CaptionSrt: {description: srt}}
                """;
        SpecProblem p = problem(spec, "paths.'/jobs/{id}/captions'(get).responses.200.content.'application/x-subrip'.schema.$ref target "
                + "#/components/responses/CaptionSrt is not of expected type Schema");
        assertThat(p.pointer()).isEqualTo("/paths/~1jobs~1{id}~1captions/get/responses/200/content/application~1x-subrip/schema"
                + "/properties/caption/$ref");
        assertThat(p.rule()).isEqualTo("a schema is needed here, but the $ref points to #/components/responses/CaptionSrt, which is a response.");

        SpecProblem response = problem(spec, "paths.'/jobs/{id}/captions'(get).responses.400.$ref target #/components/schemas/BadRequest "
                + "is not of expected type Response");
        assertThat(response.pointer()).isEqualTo("/paths/~1jobs~1{id}~1captions/get/responses/400/$ref");
        assertThat(response.fix()).isEqualTo("point the $ref at a response (under #/components/responses), or write one in place.");
    }

    @Test
    void aDanglingRefIsLocatedAtTheNestedRef() {
        String spec = HEAD + """
                paths:
                  /pets:
                    get:
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {type: object, properties: {owner: {$ref: '#/components/schemas/Missing'}}}
                """;
        SpecProblem p = problem(spec, "attribute paths.'/pets'(get).responses.200.content.'application/json'.schema."
                + "#/components/schemas/Missing is missing");
        assertThat(p.pointer()).isEqualTo("/paths/~1pets/get/responses/200/content/application~1json/schema/properties/owner/$ref");
    }

    @Test
    void aMissingAttributeIsLocatedAtTheObjectThatLacksIt() {
        String spec = HEAD + "paths:\n  /pets:\n    get: {operationId: listPets}\n";
        SpecProblem p = problem(spec, "attribute paths.'/pets'(get).responses is missing");
        assertThat(p.pointer()).isEqualTo("/paths/~1pets/get");
        assertThat(p.rule()).isEqualTo("`responses` is required here but missing.");
    }

    @Test
    void anArrayWithoutItemsIsLocatedAtTheNestedSchema() {
        String spec = HEAD + "paths: {}\ncomponents:\n  schemas:\n    Pet: {properties: {tags: {type: array}, name: {type: string}}}\n";
        SpecProblem p = problem(spec, "attribute components.schemas.Pet.items is missing");
        assertThat(p.pointer()).isEqualTo("/components/schemas/Pet/properties/tags");
    }

    @Test
    void anAllOfThatIsNotAListIsLocated() { // dnd5eapi.co
        String spec = HEAD + """
                paths:
                  /api/monsters/{index}:
                    get:
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Monster', allOf: {'3': {properties: {}}}}
                components: {schemas: {Monster: {type: object}}}
                """;
        SpecProblem p = problem(spec, "attribute paths.'/api/monsters/{index}'(get).responses.200.content.'application/json'.schema.allOf "
                + "is not of type `array`");
        assertThat(p.pointer()).isEqualTo("/paths/~1api~1monsters~1{index}/get/responses/200/content/application~1json/schema/allOf");
        assertThat(p.fix()).isEqualTo("write it as a list of schemas: `allOf: [{...}, {...}]`.");
    }

    @Test
    void unexpectedKeysAreLocatedWhereTheyAreNotAllowed() { // googleapis.com/cloudbuild, opensuse.org
        String spec = HEAD + """
                source: {url: {}}
                paths:
                  /published?view=ymp:
                    get:
                      responses:
                        '200':
                          description: ok
                          content:
                            application/xml; charset=utf-8:
                              schema:
                                properties:
                                  name: {type: string, example: a}
                                  xmlns: {type: string, xml: {attribute: true, example: 'http://opensuse.org'}}
                """;
        assertThat(problem(spec, "attribute source is unexpected").pointer()).isEqualTo("/source");
        SpecProblem p = problem(spec, "attribute paths.'/published?view=ymp'(get).responses.200.content.'application/xml; charset=utf-8'"
                + ".schema.example is unexpected");
        assertThat(p.pointer()).isEqualTo("/paths/~1published?view=ymp/get/responses/200/content/application~1xml; charset=utf-8/schema"
                + "/properties/xmlns/xml/example");
        assertThat(p.rule()).isEqualTo("`example` is not a field OpenAPI allows here.");
    }

    @Test
    void anEncodingForNoPropertyIsLocatedAtTheEntry() { // gov.bc.ca/jobposting
        String spec = HEAD + """
                paths:
                  /jobs:
                    post:
                      requestBody:
                        content:
                          application/json:
                            encoding: {color: {style: form}, city: {styel: form}}
                            schema: {properties: {city: {type: string}}}
                      responses: {'200': {description: ok}}
                """;
        String at = "attribute paths.'/jobs'(post).requestBody.content.'application/json'.encoding.";
        SpecProblem p = problem(spec, at + "color is unexpected");
        assertThat(p.pointer()).isEqualTo("/paths/~1jobs/post/requestBody/content/application~1json/encoding/color");
        assertThat(p.rule()).isEqualTo("`encoding` has an entry for `color`, but the schema it encodes has no such property.");
        SpecProblem typo = problem(spec, at + "styel is unexpected");
        assertThat(typo.pointer()).isEqualTo("/paths/~1jobs/post/requestBody/content/application~1json/encoding/city/styel");
        assertThat(typo.rule()).isEqualTo("`styel` is not a field OpenAPI allows here.");
    }

    @Test
    void aFileThatCannotBeLoadedIsLocatedAtTheReference() { // digitalocean.com
        String spec = HEAD + """
                paths: {}
                components:
                  schemas:
                    Record:
                      oneOf: [{$ref: '#/components/schemas/A'}]
                      discriminator: {propertyName: type, mapping: {A: 'models/types.yml#/a'}}
                    A: {type: object}
                """;
        SpecProblem p = problem(spec, "Unable to load RELATIVE ref: models/types.yml path: /specs");
        assertThat(p.pointer()).isEqualTo("/components/schemas/Record/discriminator/mapping/A");
        assertThat(p.rule()).isEqualTo("the reference `models/types.yml` cannot be loaded (looked for it relative to /specs).");
    }

    @Test
    void aValueOutsideTheAllowedOnesIsNamed() {
        String spec = HEAD + "paths:\n  /pets:\n    get:\n      parameters:\n        - {name: id, in: body}\n      responses: {}\n";
        SpecProblem p = problem(spec, "attribute paths.'/pets'(get).parameters.[id].in is not of type `string`");
        assertThat(p.pointer()).isEqualTo("/paths/~1pets/get/parameters/0/in");
        assertThat(p.rule()).isEqualTo("`in` is `body`, which OpenAPI does not allow here.");
        assertThat(p.fix()).isEqualTo("use query, header, path or cookie.");
    }

    @Test
    void listsCheckedEntryByEntryPointAtTheEntry() {
        String spec = HEAD + "paths: {}\ncomponents:\n  schemas:\n    Pet: {required: [name, {a: 1}], properties: {name: {type: string}}}\n";
        SpecProblem p = problem(spec, "attribute components.schemas.Pet.required is not of type `string`");
        assertThat(p.pointer()).isEqualTo("/components/schemas/Pet/required/1");
        assertThat(p.rule()).isEqualTo("every entry of `required` must be a string; this one is an object.");
    }

    @Test
    void aPlaceThatDoesNotExistFallsBackToTheNearestAncestor() {
        SpecTree tree = new SpecTree(DeserializationUtils.deserializeIntoTree(HEAD + "paths:\n  /a.b:\n    get: {}\n", "api.yaml"));
        assertThat(tree.locate("paths.'/a.b'(get).responses.200")).isEqualTo("/paths/~1a.b/get");
        assertThat(tree.locate("paths.'/nope'")).isEqualTo("/paths");
        assertThat(tree.locate("info.title")).isEqualTo("/info/title");
        SpecTree dotted = new SpecTree(DeserializationUtils.deserializeIntoTree(HEAD + "components: {schemas: {a.b: {type: object}}}\n", "x"));
        assertThat(dotted.locate("components.schemas.a.b")).isEqualTo("/components/schemas/a.b");
    }

    @Test
    void aRepeatedMessageOfTheResolverIsTheSameMessage() { // codat.io/assess
        assertThat(ParserMessages.normalized("attribute .components.schemas.ExcelStatus.examples is not of type `array` "
                + "(#/components/schemas/ExcelStatus)")).isEqualTo("attribute components.schemas.ExcelStatus.examples is not of type `array`");
    }

    @Test
    void defectsTheGeneratorCopesWithDoNotStopIt() {
        assertThat(ParserMessages.tolerance("attribute paths.'/x'(post).operationId is repeated")).isPresent();
        assertThat(ParserMessages.tolerance("paths.'/v2/actions'(get).parameters. There are duplicate parameter values.")).isPresent();
        assertThat(ParserMessages.tolerance("paths.'/v2/actions'(get).parameters. There are duplicate parameter values")).isPresent();
        assertThat(ParserMessages.tolerance(".components.schemas.Push.$ref target #/components/parameters/companyId/schema is not "
                + "of expected type Schema (#/components/schemas/Push)")).isPresent();
        // wrong-typed defaults and examples of schemas, parameters, headers and media types: crediwatch.com, gsmtasks.com, codat.io
        assertThat(ParserMessages.tolerance("attribute components.schemas.GetStatus.default is not of type `string`")).isPresent();
        assertThat(ParserMessages.tolerance("attribute .components.schemas.ExcelStatus.examples is not of type `array` "
                + "(#/components/schemas/ExcelStatus)")).isPresent();
        assertThat(ParserMessages.tolerance("attribute paths.'/jobs'(post).requestBody.content.'application/json'.schema.default is not "
                + "of type `integer`")).isPresent();
        assertThat(ParserMessages.tolerance("attribute paths.'/a'(get).parameters.[at].schemas.default=`now` is not of type "
                + "`date-time`")).isPresent();
        assertThat(ParserMessages.tolerance("attribute components.headers.X-Rate.default is not of type `integer`")).isPresent();
        // contact and license URLs (calorieninjas.com, zeit.co, intellifi.nl), a request body without media types (just-eat.co.uk)
        assertThat(ParserMessages.tolerance("info.contact.www.calorieninjas.com")).isPresent();
        assertThat(ParserMessages.tolerance("info.license../LICENSE")).isPresent();
        assertThat(ParserMessages.tolerance("attribute paths.'/c/{t}'(post).requestBody.content with no media type is unsupported")).isPresent();
    }

    @Test
    void defectsThatChangeTheClientStillStopIt() {
        assertThat(ParserMessages.tolerance("paths.'/x'(get).responses.200.content.'application/json'.schema.$ref target "
                + "#/components/responses/StatusMessage is not of expected type Schema")).isEmpty();
        // `default` here is the default response, not a value
        assertThat(ParserMessages.tolerance("attribute paths.'/x'(get).responses.default is not of type `object`")).isEmpty();
        // a parameter whose content names no media type has no type at all
        assertThat(ParserMessages.tolerance("attribute paths.'/x'(get).parameters.[q].content with no media type is unsupported")).isEmpty();
        SpecProblem p = problem(HEAD + "paths:\n  /x:\n    get:\n      parameters: [{name: q, in: query, content: {}}]\n",
                "attribute paths.'/x'(get).parameters.[q].content with no media type is unsupported");
        assertThat(p.pointer()).isEqualTo("/paths/~1x/get/parameters/0/content");
    }

    @Test
    void aToleratedDefectIsAWarningThatSaysWhatTheClientDoesInstead() { // codat.io: a schema inside a parameter component
        String yaml = HEAD + """
                paths: {}
                components:
                  parameters:
                    companyId: {name: companyId, in: path, required: true, schema: {type: string, format: uuid}}
                  schemas:
                    Push:
                      type: object
                      properties:
                        companyId: {$ref: '#/components/parameters/companyId/schema'}
                """;
        String message = ".components.schemas.Push.$ref target #/components/parameters/companyId/schema is not of expected type Schema "
                + "(#/components/schemas/Push)";
        SpecTree tree = new SpecTree(DeserializationUtils.deserializeIntoTree(yaml, "api.yaml"));

        SpecProblem w = ParserMessages.toWarning("api.yaml", message, tree, ParserMessages.tolerance(message).orElseThrow());

        assertThat(w.pointer()).isEqualTo("/components/schemas/Push/properties/companyId/$ref");
        assertThat(w.rule()).isEqualTo("the $ref points to #/components/parameters/companyId/schema, a schema inside another component: "
                + "valid OpenAPI, but swagger-parser does not resolve it.");
        assertThat(w.fix()).isEqualTo("move the schema to #/components/schemas and point both places at it. "
                + "Until then: the value is typed as a JSON tree (JsonNode).");
    }

    @Test
    void aContactOrLicenseUrlIsLocatedAtTheUrl() { // calorieninjas.com, zeit.co
        SpecProblem p = problem("openapi: 3.0.3\ninfo: {title: T, version: '1', license: {name: MIT, url: ./LICENSE}}\npaths: {}\n",
                "info.license../LICENSE");
        assertThat(p.pointer()).isEqualTo("/info/license/url");
        assertThat(p.rule()).isEqualTo("the license `url` is `./LICENSE`, which java.net.URL cannot read (relative, or an unknown scheme).");
    }

    @Test
    void aDuplicateParameterIsLocatedAtItsSecondEntry() { // codat.io/sync-for-commerce: refs into another operation's list
        String yaml = HEAD + """
                paths:
                  /a:
                    get:
                      parameters: [{name: page, in: query, schema: {type: integer}}, {name: size, in: query}]
                      responses: {'200': {description: ok}}
                  /b:
                    get:
                      parameters: [{$ref: '#/paths/~1a/get/parameters/0'}, {name: q, in: query}, {name: page, in: query}]
                      responses: {'200': {description: ok}}
                """;
        SpecProblem p = problem(yaml, "paths.'/b'(get).parameters. There are duplicate parameter values.");
        assertThat(p.pointer()).isEqualTo("/paths/~1b/get/parameters/2");
        assertThat(p.rule()).isEqualTo("the query parameter `page` is listed twice; a parameter is identified by its name and location.");
    }

    @Test
    void aDuplicatePathLevelParameterIsLocatedInThePathItemsList() { // the parser names the path item itself
        String yaml = HEAD + """
                paths:
                  /a:
                    parameters: [{name: id, in: header}, {name: id, in: query}, {name: id, in: header}]
                    get: {responses: {'200': {description: ok}}}
                """;
        SpecProblem p = problem(yaml, "paths.'/a'. There are duplicate parameter values");
        assertThat(p.pointer()).isEqualTo("/paths/~1a/parameters/2");
        assertThat(p.rule()).startsWith("the header parameter `id` is listed twice");
    }

    @Test
    void aRepeatedOperationIdIsLocatedAtTheOperationId() {
        String yaml = HEAD + """
                paths:
                  /a: {get: {operationId: list, responses: {'200': {description: ok}}}}
                  /b: {get: {operationId: list, responses: {'200': {description: ok}}}}
                """;
        SpecProblem p = problem(yaml, "attribute paths.'/b'(get).operationId is repeated");
        assertThat(p.pointer()).isEqualTo("/paths/~1b/get/operationId");
        assertThat(p.rule()).isEqualTo("the operationId `list` is also used by another operation; each operationId must be unique.");
    }

    private static final String CALLBACKS = HEAD.replace("3.0.3", "3.1.0") + """
            paths: {}
            components:
              callbacks:
                onStart:
                  '{$request.body#/start}':
                    post: {responses: {'200': {description: ok}}}
                    get: {}
                onEvent:
                  '{$request.body#/url}':
                    post: {requestBody: {content: {application/json: {schema: {type: object}}}}}
            """;

    @Test
    void aCallbackOperationIsFoundThoughTheParserDropsTheCallbacksNameAndExpression() {
        SpecProblem p = problem(CALLBACKS, "attribute components.callbacks(post).responses is missing");
        assertThat(p.pointer()).isEqualTo("/components/callbacks/onEvent/{$request.body#~1url}/post");
        SpecTree tree = new SpecTree(DeserializationUtils.deserializeIntoTree(CALLBACKS, "api.yaml"));
        assertThat(tree.candidates("components.callbacks(post)")).containsExactly(
                "/components/callbacks/onStart/{$request.body#~1start}/post", "/components/callbacks/onEvent/{$request.body#~1url}/post");
        assertThat(tree.locate("components.callbacks(get)")).isEqualTo("/components/callbacks/onStart/{$request.body#~1start}/get");
        assertThat(tree.locate("components.callbacks(put)")).isEqualTo("/components/callbacks");
    }

    @Test
    void whatTheParserSaysOfValidInputOrTwiceIsNotPassedOn() {
        String missing = "attribute paths.'/pets'(get).parameters.[kind].schemas.#/components/schemas/Missing is missing";
        String again = "Could not find /components/schemas/Missing in contents of #/components/schemas/Missing";
        String alone = "Could not find /components/responses/Gone in contents of #/components/responses/Gone";
        String prefix = "Could not find /components/schemas/Miss in contents of #/components/schemas/Miss";
        assertThat(ParserMessages.relevant(java.util.List.of("attribute info.license.identifier is missing", missing, again, alone,
                prefix))).containsExactly(missing, alone, prefix);
    }

    @Test
    void theResolversCouldNotFindIsLocatedAtTheRef() {
        String spec = HEAD + """
                paths:
                  /pets:
                    get:
                      responses: {'200': {$ref: '#/components/responses/Gone'}}
                """;
        SpecProblem p = problem(spec, "Could not find /components/responses/Gone in contents of #/components/responses/Gone");
        assertThat(p.pointer()).isEqualTo("/paths/~1pets/get/responses/200/$ref");
        assertThat(p.rule()).isEqualTo("the $ref \"#/components/responses/Gone\" points to nothing in this document.");
        assertThat(p.fix()).isEqualTo("define components/responses/Gone, or correct the reference.");
    }
}
