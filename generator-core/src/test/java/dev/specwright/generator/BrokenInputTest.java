package dev.specwright.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken spec or errors file: every problem located (file, JSON pointer, rule, fix), and nothing written. */
class BrokenInputTest {

    @TempDir
    Path tmp;

    private SpecProblemsException generate(String yaml, String errorsJson) throws Exception {
        Path spec = tmp.resolve("api.yaml");
        Files.writeString(spec, yaml);
        GeneratorOptions.Builder options = GeneratorOptions.builder(spec, tmp.resolve("out"));
        if (errorsJson != null) {
            Path errors = tmp.resolve("errors.json");
            Files.writeString(errors, errorsJson);
            options.errorCatalog(errors);
        }
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new Generator().generate(options.build()));
        assertThat(e).as("generation must fail").isNotNull();
        assertThat(tmp.resolve("out")).doesNotExist();
        return e;
    }

    private static final String HEAD = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";

    @Test
    void aDanglingSchemaRefIsReportedAtItsPointer() throws Exception {
        SpecProblemsException e = generate(HEAD + """
                paths:
                  /pets:
                    get:
                      operationId: listPets
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Missing'}
                """, null);
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).endsWith("api.yaml");
            assertThat(p.pointer()).isEqualTo("/paths/~1pets/get/responses/200/content/application~1json/schema/$ref");
            assertThat(p.rule()).contains("#/components/schemas/Missing");
            assertThat(p.fix()).contains("components/schemas/Missing");
        });
    }

    @Test
    void aRateLimitWithoutItsNumbersIsReportedAtItsPointer() throws Exception {
        SpecProblemsException e = generate(HEAD + """
                x-rate-limit: {requestsPerSecond: fast}
                paths: {}
                """, null);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/x-rate-limit");
            assertThat(p.rule()).contains("requestsPerSecond and burst");
            assertThat(p.fix()).contains("{requestsPerSecond: 10, burst: 25");
        });
    }

    @Test
    void anOperationWithoutResponsesIsReportedAtItsPointer() throws Exception {
        SpecProblemsException e = generate(HEAD + """
                paths:
                  /pets:
                    get:
                      operationId: listPets
                """, null);
        // the pointer names the operation that lacks `responses`: a place that exists in the file
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1pets/get");
            assertThat(p.rule()).contains("`responses`");
        });
        assertThat(e.getMessage()).contains("api.yaml#/paths/~1pets/get: ").contains("Fix:");
    }

    @Test
    void aMissingSpecFileIsAProblemNotACrash() {
        assertThatThrownBy(() -> new Generator().generate(GeneratorOptions.builder(tmp.resolve("nope.yaml"), tmp.resolve("out")).build()))
                .isInstanceOf(SpecProblemsException.class).hasMessageContaining("nope.yaml").hasMessageContaining("must exist");
    }

    @Test
    void everyErrorCatalogProblemIsCollected() throws Exception {
        SpecProblemsException e = generate(HEAD + "paths: {}\n", """
                {"errors": [
                  {"code": 1, "subCode": 2, "name": "A", "category": "NotFound"},
                  {"code": 1, "subCode": 2, "name": "B", "category": "NotFound"},
                  {"code": 3, "name": "A", "category": "NotFound"},
                  {"code": 4, "name": "lower", "category": ""}
                ]}
                """);
        assertThat(e.problems()).extracting(SpecProblem::pointer)
                .contains("/errors/1", "/errors/2/name", "/errors/3/name", "/errors/3/category");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).endsWith("errors.json"));
    }
}
