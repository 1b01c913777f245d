package dev.specwright.generator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every message lands where the defect is: the file, the exact JSON pointer (one that exists in the file), the line
 * where the reader knows it, the rule and the fix. And a valid 3.1 spec gets no message at all, whatever swagger-parser
 * says of it.
 */
class MessagesLocatedTest {

    @TempDir
    Path tmp;

    private static final String HEAD_30 = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";
    private static final String HEAD_31 = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n";

    private Path write(String yaml) throws Exception {
        return Files.writeString(tmp.resolve("api.yaml"), yaml);
    }

    /** The problems of a spec that must be refused. */
    private List<SpecProblem> refused(String yaml) throws Exception {
        Path spec = write(yaml);
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(spec));
        assertThat(e).as("the spec must be refused").isNotNull();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(spec.toString()));
        return e.problems();
    }

    /** A spec that must load with neither a problem nor a warning. */
    private OpenAPI clean(String yaml) throws Exception {
        Path spec = write(yaml);
        List<SpecProblem> warnings = new ArrayList<>();
        OpenAPI api = new SpecLoader().load(spec, warnings::add);
        assertThat(warnings).as("a valid spec gets no warning").isEmpty();
        return api;
    }

    // --- duplicate keys

    @Test
    void aDuplicateYamlKeyIsLocatedAtTheSecondKeyWithItsLine() throws Exception {
        List<SpecProblem> problems = refused(HEAD_30 + """
                paths:
                  /pets:
                    get:
                      responses:
                        '200': {description: ok}
                  /users:
                    get:
                      responses:
                        '200': {description: ok}
                        '200': {description: again}
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1users/get/responses/200");
            assertThat(p.rule()).isEqualTo("the key `200` appears twice in this object (line 12, and before it line 11); "
                    + "a key may appear once.");
            assertThat(p.fix()).isEqualTo("remove one of them, or merge what they hold.");
        });
    }

    @Test
    void keysThatOnlyJsonSeesAsTheSameAreDuplicatesToo() throws Exception {
        // `200` is an integer to YAML and `'200'` a string, but JSON names both "200": one would silently replace the other
        List<SpecProblem> problems = refused(HEAD_30 + """
                paths:
                  /users:
                    get:
                      responses:
                        200: {description: ok}
                        '200': {description: again}
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1users/get/responses/200");
            assertThat(p.rule()).contains("line 8, and before it line 7");
        });
    }

    @Test
    void aSpecOnOneLineGetsNoLineNumber() throws Exception {
        // minified JSON, as much of the corpus is: "(line 1)" on every message would say nothing
        Path spec = Files.writeString(tmp.resolve("min.json"), "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"T\","
                + " \"version\": \"1\"}, \"paths\": {\"/a?b={b}\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}");
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class,
                () -> new dev.specwright.generator.Generator().model(dev.specwright.generator.GeneratorOptions
                        .builder(spec, tmp.resolve("out")).build()));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1a?b={b}");
            assertThat(p.rule()).contains("contains a query string").doesNotContain("(line ");
        });
    }

    @Test
    void aDuplicateJsonKeyIsLocatedAtTheSecondKeyWithItsLine() throws Exception {
        Path spec = Files.writeString(tmp.resolve("api.json"), """
                {"openapi": "3.0.3", "info": {"title": "T", "version": "1"},
                 "paths": {
                   "/users": {"get": {"responses": {"200": {"description": "ok"}}}},
                   "/users": {"post": {"responses": {"201": {"description": "ok"}}}}
                 }}
                """);
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(spec));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(spec.toString());
            assertThat(p.pointer()).isEqualTo("/paths/~1users");
            assertThat(p.rule()).isEqualTo("the key `/users` appears twice in this object (line 4); a key may appear once.");
        });
    }

    @Test
    void aDuplicateKeyInAReferencedYamlFileIsLocatedInThatFile() throws Exception {
        Files.writeString(tmp.resolve("schemas.yaml"), """
                Pet:
                  type: object
                  properties:
                    name: {type: string}
                    tag: {type: string}
                    name: {type: integer}
                """);
        Path spec = write(HEAD_30 + """
                paths:
                  /pets:
                    get:
                      responses:
                        '200':
                          description: ok
                          content: {application/json: {schema: {$ref: 'schemas.yaml#/Pet'}}}
                """);
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(spec));
        assertThat(e).as("the spec must be refused").isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("schemas.yaml").isNotEqualTo(spec.toString());
            assertThat(p.pointer()).isEqualTo("/Pet/properties/name");
            assertThat(p.rule()).startsWith("the key `name` appears twice in this object (line 6, and before it line 4); ")
                    .contains("reached by the $ref at ", "#/paths/~1pets/get/responses/200/content/application~1json/schema");
        });
    }

    @Test
    void mergedKeysMayBeOverriddenWithoutADuplicate() throws Exception {
        OpenAPI api = clean(HEAD_30 + """
                paths:
                  /pets:
                    get:
                      responses:
                        '200': &ok {description: ok}
                        '201':
                          <<: *ok
                          description: created
                """);
        assertThat(api.getPaths().get("/pets").getGet().getResponses().get("201").getDescription()).isEqualTo("created");
    }

    // --- keys that are not strings

    @Test
    void aNullKeyIsLocatedAtItsObjectWithItsLine() throws Exception {
        List<SpecProblem> problems = refused(HEAD_30 + """
                paths:
                  /pets:
                    get:
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema:
                                type: object
                                properties:
                                  null: {type: string}
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1pets/get/responses/200/content/application~1json/schema/properties");
            assertThat(p.rule()).isEqualTo("a key must be a string; `null` here (line 14) is YAML's null, which JSON cannot "
                    + "hold as a key.");
            assertThat(p.fix()).isEqualTo("quote it: `'null':`.");
        });
    }

    @Test
    void aTildeKeyAndAnEmptyKeyAreNullKeysToo() throws Exception {
        List<SpecProblem> tilde = refused(HEAD_30 + "paths:\n  /pets:\n    get:\n      responses:\n        ~: {description: ok}\n");
        assertThat(tilde).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1pets/get/responses");
            assertThat(p.rule()).isEqualTo("a key must be a string; `~` here (line 7) is YAML's null, which JSON cannot hold as a key.");
            assertThat(p.fix()).isEqualTo("quote it: `'~':`.");
        });
        List<SpecProblem> empty = refused(HEAD_30 + "paths:\n  /pets:\n    get:\n      responses:\n        ?\n        : {description: ok}\n");
        assertThat(empty).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1pets/get/responses");
            assertThat(p.rule()).isEqualTo("a key must be a string; the empty key here (line 7) is YAML's null, which JSON cannot "
                    + "hold as a key.");
            assertThat(p.fix()).isEqualTo("give the key its name.");
        });
    }

    @Test
    void aKeyThatYamlReadsAsAnotherValueIsLocated() throws Exception {
        // YAML 1.1 (swagger-parser's YAML) reads `on` as true and `010` as 8: the property would be named "true"
        List<SpecProblem> problems = refused(HEAD_30 + """
                paths: {}
                components:
                  schemas:
                    Switch:
                      type: object
                      properties:
                        on: {type: boolean}
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/components/schemas/Switch/properties");
            assertThat(p.rule()).isEqualTo("a key must be a string; `on` here (line 9) is the boolean true to YAML, so JSON "
                    + "would name it `true`.");
            assertThat(p.fix()).isEqualTo("quote it: `'on':`.");
        });
    }

    @Test
    void numbersAndBooleansThatReadAsWrittenAreKeysAsWritten() throws Exception {
        OpenAPI api = clean(HEAD_30 + """
                paths:
                  /pets:
                    get:
                      responses:
                        200: {description: ok}
                components:
                  schemas:
                    Flags:
                      type: object
                      properties:
                        1: {type: string}
                        true: {type: string}
                """);
        assertThat(api.getPaths().get("/pets").getGet().getResponses()).containsKey("200");
        Schema<?> flags = api.getComponents().getSchemas().get("Flags");
        assertThat(flags.getProperties().keySet()).containsExactly("1", "true");
    }

    // --- dangling references

    private static final String DANGLING_PARAMETER = """
            paths:
              /pets:
                get:
                  parameters:
                    - name: kind
                      in: query
                      schema: {$ref: '#/components/schemas/Missing'}
                  responses:
                    '200': {description: ok}
            components:
              schemas:
                Pet: {type: string}
            """;

    @Test
    void aDanglingRefInAParameterSchemaIsLocatedIn30And31Alike() throws Exception {
        List<SpecProblem> v30 = refused(HEAD_30 + DANGLING_PARAMETER);
        List<SpecProblem> v31 = refused(HEAD_31 + DANGLING_PARAMETER);
        for (List<SpecProblem> problems : List.of(v30, v31)) {
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo("/paths/~1pets/get/parameters/0/schema/$ref");
                assertThat(p.rule()).isEqualTo("the $ref \"#/components/schemas/Missing\" points to nothing in this document (line 9).");
            });
        }
    }

    @Test
    void aDanglingResponseRefIn31IsLocated() throws Exception {
        List<SpecProblem> problems = refused(HEAD_31 + """
                paths:
                  /pets:
                    get:
                      responses:
                        '200': {$ref: '#/components/responses/Missing'}
                components:
                  schemas:
                    Pet: {type: string}
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1pets/get/responses/200/$ref");
            assertThat(p.rule()).isEqualTo("the $ref \"#/components/responses/Missing\" points to nothing in this document (line 7).");
        });
    }

    @Test
    void aRefOfTheWrongKindThatPointsToNothingSaysItPointsToNothing() throws Exception {
        for (String head : List.of(HEAD_30, HEAD_31)) {
            List<SpecProblem> problems = refused(head + """
                    paths:
                      /pets:
                        get:
                          responses:
                            '200': {$ref: '#/components/schemas/Missing'}
                    components:
                      schemas:
                        Pet: {type: string}
                    """);
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo("/paths/~1pets/get/responses/200/$ref");
                assertThat(p.rule()).isEqualTo("the $ref \"#/components/schemas/Missing\" points to nothing in this document (line 7).");
            });
        }
    }

    @Test
    void theParserMessageOfAWrongKindRefToNothingSaysItPointsToNothing() {
        // the message swagger-parser gives for it (LocalRefs reports the ref first, but the message must not lie either)
        SpecTree tree = new SpecTree(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());
        SpecProblem p = ParserMessages.toProblem("api.yaml",
                "paths.'/pets'(get).responses.200.$ref target #/components/schemas/Missing is not of expected type Response", tree);
        assertThat(p.rule()).isEqualTo("a response is needed here, but the $ref points to #/components/schemas/Missing, "
                + "which points to nothing.");
        assertThat(p.fix()).isEqualTo("point the $ref at a response (under #/components/responses), or write one in place.");
    }

    private static final String DANGLING_EVERYWHERE = """
            paths:
              /pets:
                get:
                  parameters:
                    - $ref: '#/components/parameters/NoParam'
                  responses:
                    '200':
                      description: ok
                      headers:
                        X-A: {$ref: '#/components/headers/NoHeader'}
                      links:
                        l: {$ref: '#/components/links/NoLink'}
                      content:
                        application/json:
                          schema: {type: string, x-note: {$ref: '#/not/checked'}, example: {$ref: '#/data/only'}}
                          examples:
                            default: {$ref: '#/components/examples/NoExample'}
                            data: {value: {$ref: '#/a/value'}}
                    '404': {$ref: '#/components/responses/NoResponse'}
                post:
                  requestBody: {$ref: '#/components/requestBodies/NoBody'}
                  callbacks:
                    c: {$ref: '#/components/callbacks/NoCallback'}
                  responses:
                    '201': {description: ok}
            components:
              schemas:
                Pet: {type: string}
            """;

    @Test
    void everyDanglingLocalRefIsLocatedIn30And31AndDataIsNoRef() throws Exception {
        for (String head : List.of(HEAD_30, HEAD_31)) {
            List<SpecProblem> problems = refused(head + DANGLING_EVERYWHERE);
            assertThat(problems).extracting(SpecProblem::pointer).containsExactly(
                    "/paths/~1pets/get/parameters/0/$ref",
                    "/paths/~1pets/get/responses/200/headers/X-A/$ref",
                    "/paths/~1pets/get/responses/200/links/l/$ref",
                    "/paths/~1pets/get/responses/200/content/application~1json/examples/default/$ref",
                    "/paths/~1pets/get/responses/404/$ref",
                    "/paths/~1pets/post/requestBody/$ref",
                    "/paths/~1pets/post/callbacks/c/$ref");
            assertThat(problems).extracting(SpecProblem::rule).allSatisfy(r -> assertThat(r).contains("points to nothing in this document"))
                    .extracting(r -> r.replaceAll(".*\\(line (\\d+)\\)\\.$", "$1")).containsExactly("7", "12", "14", "19", "21", "23", "25");
        }
    }

    @Test
    void refsThatPointIntoTheDocumentPassWhateverTheirEncoding() throws Exception {
        clean(HEAD_30 + """
                paths:
                  /pets/{id}:
                    get:
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '#/paths/~1pets~1%7Bid%7D/get/parameters/0/schema'}
                """);
    }

    @Test
    void aRefOfTheWrongKindThatExistsNamesWhatItIs() throws Exception {
        List<SpecProblem> problems = refused(HEAD_30 + """
                paths:
                  /pets:
                    get:
                      responses:
                        '200': {$ref: '#/components/schemas/Pet'}
                components:
                  schemas:
                    Pet: {type: string}
                """);
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.rule())
                .isEqualTo("a response is needed here, but the $ref points to #/components/schemas/Pet, which is a schema (line 7)."));
    }

    // --- callbacks

    private static final String CALLBACK_WITHOUT_RESPONSES = """
            paths:
              /subscribe:
                post:
                  callbacks:
                    onStart:
                      '{$request.body#/start}':
                        post:
                          responses: {'200': {description: ok}}
                    onEvent:
                      '{$request.body#/url}':
                        post:
                          requestBody:
                            content:
                              application/json:
                                schema: {type: object}
                  responses:
                    '201': {description: ok}
            """;

    @Test
    void aCallbackOperationWithoutResponsesIsLocatedAtThatOperation() throws Exception {
        for (String head : List.of(HEAD_30, HEAD_31)) {
            List<SpecProblem> problems = refused(head + CALLBACK_WITHOUT_RESPONSES);
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo("/paths/~1subscribe/post/callbacks/onEvent/{$request.body#~1url}/post");
                assertThat(p.rule()).isEqualTo("`responses` is required here but missing (line 13).");
            });
        }
    }

    // --- valid 3.1 input that swagger-parser has messages for

    @Test
    void a31LicenseWithOnlyANameIsValid() throws Exception {
        OpenAPI api = clean("""
                openapi: 3.1.0
                info:
                  title: Pets
                  version: '1'
                  license:
                    name: MIT
                paths:
                  /pets:
                    get:
                      responses:
                        '200': {description: ok}
                """);
        assertThat(api.getInfo().getLicense().getName()).isEqualTo("MIT");
    }

    @Test
    void a31LicenseWithAnIdentifierIsValid() throws Exception {
        OpenAPI api = clean("openapi: 3.1.0\ninfo: {title: T, version: '1', license: {name: Apache 2.0, identifier: Apache-2.0}}\n"
                + "paths: {}\n");
        assertThat(api.getInfo().getLicense().getIdentifier()).isEqualTo("Apache-2.0");
    }

    @Test
    void a31LicenseWithBothUrlAndIdentifierIsAWarningThatSaysTheyExcludeEachOther() throws Exception {
        Path spec = write("openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\n  license:\n    name: MIT\n"
                + "    url: https://opensource.org/licenses/MIT\n    identifier: MIT\npaths: {}\n");
        List<SpecProblem> warnings = new ArrayList<>();
        new SpecLoader().load(spec, warnings::add);
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.pointer()).isEqualTo("/info/license/identifier");
            assertThat(w.rule()).isEqualTo("a 3.1 license gives an `identifier` or a `url`, not both (line 8).");
            assertThat(w.fix()).isEqualTo("keep one of them. Until then: the license does not reach the client.");
        });
    }

    @Test
    void a31SpecWithWebhooksAndNoPathsIsValid() throws Exception {
        OpenAPI api = clean("""
                openapi: 3.1.0
                info: {title: T, version: '1', summary: Pets that change}
                jsonSchemaDialect: https://spec.openapis.org/oas/3.1/dialect/base
                webhooks:
                  newPet:
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema: {$ref: '#/components/schemas/Pet'}
                      responses:
                        '200': {description: ok}
                components:
                  schemas:
                    Pet: {type: object, properties: {name: {type: string}}}
                """);
        assertThat(api.getWebhooks()).containsKey("newPet");
        assertThat(api.getInfo().getSummary()).isEqualTo("Pets that change");
        assertThat(api.getJsonSchemaDialect()).isEqualTo("https://spec.openapis.org/oas/3.1/dialect/base");
    }

    @Test
    void a31SpecWithOnlyComponentsIsValid() throws Exception {
        OpenAPI api = clean(HEAD_31 + "components:\n  schemas:\n    Pet: {type: string}\n");
        assertThat(api.getComponents().getSchemas()).containsKey("Pet");
    }

    private static final String BOOLEAN_SCHEMAS = HEAD_31 + """
            paths:
              /pets:
                get:
                  parameters:
                    - {name: any, in: query, schema: true}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: object, properties: {a: true, b: false}, additionalProperties: false}
            components:
              schemas:
                Nothing: false
            """;

    @Test
    void a31BooleanSchemaSwaggerParserCannotReadIsSaidToBeValidWithAWorkaround() throws Exception {
        List<SpecProblem> problems = refused(BOOLEAN_SCHEMAS);
        // no knock-on "`content` is required" for the parameter whose schema the parser dropped; nested ones are read
        assertThat(problems).extracting(SpecProblem::pointer)
                .containsExactly("/components/schemas/Nothing", "/paths/~1pets/get/parameters/0/schema");
        assertThat(problems.get(1).rule()).isEqualTo("`true` is a valid schema in OpenAPI 3.1 (JSON Schema's boolean schema), "
                + "but swagger-parser reads none here, so the generator cannot either (line 7).");
        assertThat(problems.get(1).fix()).isEqualTo("write `{}` for `true` (any value) or `{not: {}}` for `false` (no value).");
        clean(BOOLEAN_SCHEMAS.replace("schema: true", "schema: {}").replace("Nothing: false", "Nothing: {not: {}}"));
    }

    @Test
    void json2020SchemaKeywordsIn31AreValid() throws Exception {
        OpenAPI api = clean(HEAD_31 + """
                paths:
                  /pets:
                    get:
                      parameters:
                        - $ref: '#/components/parameters/Kind'
                          description: the kind, beside its $ref
                      responses:
                        '200':
                          $ref: '#/components/responses/Pets'
                          description: the pets, beside their $ref
                components:
                  parameters:
                    Kind: {name: kind, in: query, schema: {type: [string, 'null'], examples: [dog, cat]}}
                  responses:
                    Pets:
                      description: pets
                      content:
                        application/json:
                          schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
                  schemas:
                    Pet:
                      type: [object, 'null']
                      required: [name]
                      properties:
                        kind: {const: dog}
                        name: {type: string, examples: [Rex, Fido]}
                        owner: {$ref: '#/components/schemas/Owner', description: who feeds it}
                        age: {type: integer, exclusiveMinimum: 0}
                        tags: {type: array, prefixItems: [{type: string}], items: false}
                        extra: {type: object, additionalProperties: true, propertyNames: {pattern: '^[a-z]+$'}}
                      $defs:
                        Inner: {type: string}
                    Owner: {type: object, properties: {name: {type: string}}}
                """);
        Schema<?> pet = api.getComponents().getSchemas().get("Pet");
        Set<String> types = pet.getTypes();
        assertThat(types).containsExactlyInAnyOrder("object", "null");
    }

    // --- lines

    @Test
    void theLineOfAPointerIsFoundInJsonAndYamlAlike() throws Exception {
        Path json = Files.writeString(tmp.resolve("lines.json"), """
                {"openapi": "3.0.3",
                 "paths": {
                   "/a~b": {"get": {"parameters": [
                     {"name": "x"},
                     {"name": "y",
                      "schema": {"$ref": "#/nowhere"}}]}}}}
                """);
        Path yaml = Files.writeString(tmp.resolve("lines.yaml"), """
                openapi: 3.0.3
                base: &base {name: z}
                paths:
                  /a~b:
                    get:
                      parameters:
                        - {name: x}
                        - name: y
                          schema:
                            $ref: '#/nowhere'
                        - *base
                        - [nested, [list]]
                        - last
                """);
        for (Path file : List.of(json, yaml)) {
            String f = file.toString();
            List<SpecProblem> problems = List.of(
                    new SpecProblem(f, "/paths/~1a~0b/get/parameters/1/schema/$ref", "a rule.", "a fix."),
                    new SpecProblem(f, "/paths/~1a~0b/get/parameters/0", "entry.", "a fix."),
                    new SpecProblem(f, "/paths/~1a~0b/get/parameters/2/name", "through an alias.", "a fix."),
                    new SpecProblem(f, "", "the whole document.", "a fix."),
                    new SpecProblem(tmp.resolve("absent.yaml").toString(), "/paths", "another file.", "a fix."));
            assertThat(SourceLines.added(problems)).extracting(SpecProblem::rule).containsExactly(
                    file == json ? "a rule (line 6)." : "a rule (line 10).", file == json ? "entry (line 4)." : "entry (line 7).",
                    "through an alias.", "the whole document.", "another file.");
        }
        List<SpecProblem> last = List.of(new SpecProblem(yaml.toString(), "/paths/~1a~0b/get/parameters/4", "last.", "a fix."));
        assertThat(SourceLines.added(last)).extracting(SpecProblem::rule).containsExactly("last (line 13).");
    }

    @Test
    void problemsFoundWhenTheModelIsBuiltCarryTheirLineToo() throws Exception {
        Path spec = write(HEAD_30 + """
                paths:
                  /pets:
                    get:
                      operationId: listPets
                      responses: {}
                """);
        Path errors = Files.writeString(tmp.resolve("errors.json"), """
                {"errors": [
                  {"code": 1, "subCode": 2, "name": "A", "category": "NotFound"},
                  {"code": 1, "subCode": 2, "name": "B", "category": "NotFound"}
                ]}
                """);
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new dev.specwright.generator.Generator()
                .model(dev.specwright.generator.GeneratorOptions.builder(spec, tmp.resolve("out")).errorCatalog(errors).build()));
        assertThat(e).isNotNull();
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(errors.toString());
            assertThat(p.pointer()).isEqualTo("/errors/1");
            assertThat(p.rule()).endsWith("(line 3).");
        });
        Files.writeString(errors, "{\"errors\": []}");
        e = catchThrowableOfType(SpecProblemsException.class, () -> new dev.specwright.generator.Generator()
                .model(dev.specwright.generator.GeneratorOptions.builder(spec, tmp.resolve("out")).errorCatalog(errors).build()));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1pets/get/responses");
            assertThat(p.rule()).isEqualTo("an operation needs at least one response (line 7).");
        });
    }
}
