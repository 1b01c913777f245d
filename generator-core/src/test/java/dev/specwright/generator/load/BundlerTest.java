package dev.specwright.generator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import io.swagger.v3.oas.models.OpenAPI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** $refs where OpenAPI allows none are copied in with a warning each; cycles and dangling ones are located errors. */
class BundlerTest {

    @TempDir
    Path tmp;

    private static final String HEAD = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";

    @Test
    void anOperationInAnotherFolderIsCopiedInWithItsRefsRebased() throws Exception {
        Files.createDirectories(tmp.resolve("ops"));
        Files.createDirectories(tmp.resolve("schemas"));
        Files.writeString(tmp.resolve("schemas/Pet.yaml"), "type: object\nproperties:\n  name: {type: string}\n");
        Files.writeString(tmp.resolve("ops/pets.yaml"), """
                list:
                  operationId: listPets
                  security:
                    - $ref: '../security.yaml#/key'
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '../schemas/Pet.yaml'}
                          examples:
                            data: {value: {$ref: 'not-a-reference.yaml'}}
                """);
        Files.writeString(tmp.resolve("security.yaml"), "key: {api_key: []}\n");
        Path spec = Files.writeString(tmp.resolve("api.yaml"), HEAD + """
                paths:
                  /pets:
                    get: {$ref: 'ops/pets.yaml#/list', summary: all the pets}
                components:
                  securitySchemes:
                    api_key: {type: apiKey, in: header, name: X-Key}
                """);
        List<SpecProblem> warnings = new ArrayList<>();
        OpenAPI api = new SpecLoader().load(spec, warnings::add);
        var get = api.getPaths().get("/pets").getGet();
        assertThat(get.getOperationId()).isEqualTo("listPets");
        assertThat(get.getSummary()).isEqualTo("all the pets");
        assertThat(get.getSecurity()).singleElement().satisfies(s -> assertThat(s).containsKey("api_key"));
        assertThat(get.getResponses().get("200").getContent().get("application/json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Pet");
        assertThat(api.getComponents().getSchemas()).containsKey("Pet");
        // an example's value is data: copied as it is, not rebased
        assertThat(get.getResponses().get("200").getContent().get("application/json").getExamples().get("data").getValue())
                .hasToString("{\"$ref\":\"not-a-reference.yaml\"}");
        assertThat(warnings).extracting(SpecProblem::pointer)
                .containsExactlyInAnyOrder("/paths/~1pets/get/$ref", "/list/security/0/$ref");
        assertThat(warnings).extracting(SpecProblem::file).containsExactlyInAnyOrder(spec.toString(),
                tmp.resolve("ops/pets.yaml").toAbsolutePath().normalize().toString());
    }

    @Test
    void aResponseInAnotherFileThatHoldsAnIllegalRefIsCopiedInToo() throws Exception {
        Files.createDirectories(tmp.resolve("responses"));
        Files.writeString(tmp.resolve("headers.yaml"), "X-Rate-Limit: {schema: {type: integer}}\n");
        Files.writeString(tmp.resolve("responses/Ok.yaml"), """
                description: ok
                headers: {$ref: '../headers.yaml'}
                """);
        Path spec = Files.writeString(tmp.resolve("api.yaml"), HEAD + """
                paths:
                  /pets:
                    get:
                      responses:
                        '200': {$ref: 'responses/Ok.yaml'}
                """);
        List<SpecProblem> warnings = new ArrayList<>();
        OpenAPI api = new SpecLoader().load(spec, warnings::add);
        assertThat(api.getPaths().get("/pets").getGet().getResponses().get("200").getHeaders()).containsKey("X-Rate-Limit");
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo(tmp.resolve("responses/Ok.yaml").toAbsolutePath().normalize().toString());
            assertThat(w.pointer()).isEqualTo("/headers/$ref");
            assertThat(w.rule()).contains("a whole map of headers");
        });
    }

    @Test
    void a31PathItemUnderComponentsGivesItsOperations() throws Exception {
        Path spec = Files.writeString(tmp.resolve("api.yaml"), HEAD.replace("3.0.3", "3.1.0") + """
                paths:
                  /pets: {$ref: '#/components/pathItems/Pets'}
                components:
                  pathItems:
                    Pets:
                      get:
                        operationId: listPets
                        responses: {'200': {description: ok}}
                """);
        List<SpecProblem> warnings = new ArrayList<>();
        OpenAPI api = new SpecLoader().load(spec, warnings::add);
        assertThat(api.getPaths().get("/pets").getGet().getOperationId()).isEqualTo("listPets");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aDefectInsideACopyIsLocatedInTheFileItCameFrom() throws Exception {
        Files.createDirectories(tmp.resolve("ops"));
        Files.writeString(tmp.resolve("ops/pets.yaml"), """
                list:
                  operationId: listPets
                  responses:
                    '200': {content: {application/json: {schema: {type: string}}}}
                """);
        Path spec = Files.writeString(tmp.resolve("api.yaml"), HEAD + """
                paths:
                  /pets:
                    get: {$ref: 'ops/pets.yaml#/list'}
                """);
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(spec));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(tmp.resolve("ops/pets.yaml").toAbsolutePath().normalize().toString());
            assertThat(p.pointer()).startsWith("/list/responses/200");
            assertThat(p.rule()).contains("description");
        });
    }

    @Test
    void aRefThatCopiesItselfInIsALocatedError() throws Exception {
        Files.writeString(tmp.resolve("info.yaml"), "$ref: './info.yaml'\n");
        Path spec = Files.writeString(tmp.resolve("api.yaml"), "openapi: 3.0.3\ninfo: {$ref: info.yaml}\npaths: {}\n");
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(spec));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(tmp.resolve("info.yaml").toAbsolutePath().normalize().toString());
            assertThat(p.pointer()).isEqualTo("/$ref");
            assertThat(p.rule()).contains("never end");
        });
    }

    @Test
    void anOperationThatHoldsAnIllegalRefToItselfIsALocatedError() throws Exception {
        Path spec = Files.writeString(tmp.resolve("api.yaml"), HEAD + """
                paths:
                  /a:
                    get:
                      operationId: a
                      responses: {'200': {description: ok}}
                      callbacks:
                        again:
                          '{$request.body#/url}':
                            post: {$ref: '#/paths/~1a/get'}
                """);
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(spec));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(SpecProblem::pointer)
                .containsExactly("/paths/~1a/get/callbacks/again/{$request.body#~1url}/post/$ref");
    }

    @Test
    void refsThatCopyInRefsToMoreCopiesAreBounded() throws Exception {
        // eight levels of ten $refs each: 10^8 copies of a few nodes, in under a kilobyte
        StringBuilder levels = new StringBuilder();
        for (int level = 0; level < 8; level++) {
            levels.append("x-l").append(level).append(":\n");
            for (int i = 0; i < 10; i++) {
                levels.append("  k").append(i).append(": {$ref: '#/x-l").append(level + 1).append("'}\n");
            }
        }
        levels.append("x-l8: {leaf: 1}\n");
        Path spec = Files.writeString(tmp.resolve("api.yaml"), "openapi: 3.0.3\ninfo: {$ref: '#/x-l0'}\npaths: {}\n" + levels);
        long start = System.nanoTime();
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(spec));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.rule()).contains("more than 5000000 nodes"));
        System.out.printf("10^8 copies by $ref refused in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void aRefThatNamesNothingIsALocatedError() throws Exception {
        Files.writeString(tmp.resolve("tags.yaml"), "orders: {name: orders}\n");
        Path spec = Files.writeString(tmp.resolve("api.yaml"), HEAD + "tags:\n  - $ref: 'tags.yaml#/order'\npaths: {}\n");
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(spec));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/tags/0/$ref");
            assertThat(p.rule()).contains("names nothing", "/order");
        });
    }

    @Test
    void legalRefsAreLeftToSwaggerParserAndGiveNoWarning() throws Exception {
        Files.writeString(tmp.resolve("Pet.yaml"), "type: object\nproperties:\n  name: {type: string}\n");
        Path spec = Files.writeString(tmp.resolve("api.yaml"), HEAD + """
                paths:
                  /pets:
                    get:
                      parameters: [{$ref: '#/components/parameters/limit'}]
                      responses:
                        '200': {$ref: '#/components/responses/Pets'}
                components:
                  parameters:
                    limit: {name: limit, in: query, schema: {type: integer}}
                  responses:
                    Pets:
                      description: ok
                      content: {application/json: {schema: {$ref: 'Pet.yaml'}}}
                """);
        List<SpecProblem> warnings = new ArrayList<>();
        OpenAPI api = new SpecLoader().load(spec, warnings::add);
        assertThat(warnings).isEmpty();
        assertThat(api.getPaths().get("/pets").getGet().getResponses().get("200").get$ref()).isEqualTo("#/components/responses/Pets");
        assertThat(api.getComponents().getSchemas()).containsKey("Pet");
    }
}
