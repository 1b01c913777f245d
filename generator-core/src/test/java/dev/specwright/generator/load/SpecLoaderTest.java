package dev.specwright.generator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InProcessCompiler;
import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import dev.specwright.generator.emit.GeneratedFile;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader end to end: tolerated defects still give a client that compiles; the others are located in the file. */
class SpecLoaderTest {

    @TempDir
    Path tmp;

    private static final String HEAD = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\n";

    @Test
    void toleratedDefectsGenerateAClientThatCompilesAndClaimsNoWrongDefault() throws Exception {
        Path spec = tmp.resolve("api.yaml");
        Files.writeString(spec, """
                openapi: 3.0.3
                info:
                  title: T
                  version: '1'
                  contact: {url: www.example.com}
                  license: {name: MIT, url: ./LICENSE}
                paths:
                  /items:
                    get:
                      operationId: listItems
                      parameters:
                        - {name: sort, in: query, schema: {type: array, items: {type: string}, default: name}}
                        - {name: since, in: query, schema: {type: string, format: date-time, default: now}}
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Item'}
                    post:
                      operationId: touchItems
                      requestBody: {content: {}}
                      responses: {'204': {description: done}}
                components:
                  schemas:
                    Item:
                      type: object
                      properties:
                        at: {type: string, format: date-time, default: '<function datetime.now at 0x7f57>'}
                        tags: {type: string, default: [none]}
                        meta: {type: object, default: '{}'}
                """);
        List<SpecProblem> warnings = new ArrayList<>();
        List<GeneratedFile> files = new Generator(warnings::add)
                .files(GeneratorOptions.builder(spec, tmp.resolve("out")).basePackage("tolerated").build());
        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, tmp.resolve("classes"));
        assertThat(compiled.diagnostics()).isEmpty();
        String item = files.stream().filter(f -> f.path().endsWith("Item.java")).findFirst().orElseThrow().content();
        assertThat(item).doesNotContain("Default:");

        // Nothing is tolerated silently: each defect is a warning, located, with its fix and what the client does instead.
        assertThat(warnings).extracting(SpecProblem::pointer).containsExactlyInAnyOrder(
                "/info/contact/url", "/info/license/url",
                "/paths/~1items/get/parameters/0/schema/default", "/paths/~1items/get/parameters/1/schema/default",
                "/paths/~1items/post/requestBody/content",
                "/components/schemas/Item/properties/at/default",
                "/components/schemas/Item/properties/meta/default");
        assertThat(warnings).allSatisfy(w -> {
            assertThat(w.file()).isEqualTo(spec.toString());
            assertThat(w.fix()).contains("Until then: ");
        });
        assertThat(warnings).filteredOn(w -> w.pointer().equals("/paths/~1items/get/parameters/1/schema/default"))
                .singleElement().satisfies(w -> assertThat(w.format())
                        .contains("`default` is `now`, which is not a date-time").endsWith("Until then: the value is left out of the client."));
        assertThat(warnings).filteredOn(w -> w.pointer().equals("/paths/~1items/post/requestBody/content"))
                .singleElement().satisfies(w -> assertThat(w.fix()).endsWith("the operation is generated without a body."));
    }

    @Test
    void aRejectedInputGetsItsErrorsAloneWithoutWarnings() throws Exception {
        Path spec = Files.writeString(tmp.resolve("api.yaml"), """
                openapi: 3.0.3
                info: {title: T, version: '1', license: {name: MIT, url: ./LICENSE}}
                paths: {}
                """);
        Path errors = Files.writeString(tmp.resolve("errors.json"), "{not json");
        List<SpecProblem> warnings = new ArrayList<>();

        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new Generator(warnings::add)
                .model(GeneratorOptions.builder(spec, tmp.resolve("out")).errorCatalog(errors).build()));

        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(SpecProblem::file).containsOnly(errors.toString());
        assertThat(warnings).isEmpty();
        new Generator(warnings::add).model(GeneratorOptions.builder(spec, tmp.resolve("out")).build());
        assertThat(warnings).extracting(SpecProblem::pointer).containsExactly("/info/license/url");
    }

    @Test
    void aDefectInAYamlFileIsLocatedAtAPointerThatExistsInIt() throws Exception {
        Path spec = tmp.resolve("api.yaml");
        Files.writeString(spec, HEAD + """
                paths:
                  /uploads?convert={convert}:
                    post:
                      responses: {'200': {description: ok}}
                  /jobs/{id}:
                    get:
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses:
                        '200':
                          description: ok
                          content:
                            text/plain:
                              schema: {$ref: '#/components/responses/Text'}
                components:
                  responses: {Text: {description: text}}
                """);
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(spec));
        assertThat(e).isNotNull();
        var tree = DeserializationUtils.deserializeIntoTree(Files.readString(spec), spec.toString());
        assertThat(e.problems()).extracting(SpecProblem::pointer).containsExactlyInAnyOrder(
                "/paths/~1uploads?convert={convert}", "/paths/~1jobs~1{id}/get/responses/200/content/text~1plain/schema/$ref");
        assertThat(e.problems()).allSatisfy(p -> assertThat(tree.at(p.pointer()).isMissingNode()).isFalse());
    }

    @Test
    void siblingsOfARefAreIgnoredIn30AsTheSpecSaysButCountIn31() throws Exception {
        String paths = """
                paths:
                  /monsters:
                    get:
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Monster', allOf: {'3': {properties: {x: {}}}}}
                components:
                  schemas:
                    Monster: {type: object, properties: {name: {type: string}}}
                """;
        Path v30 = Files.writeString(tmp.resolve("v30.yaml"), HEAD + paths);
        List<SpecProblem> warnings = new ArrayList<>();
        assertThat(new SpecLoader().load(v30, warnings::add).getPaths()).containsKey("/monsters");
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.pointer()).isEqualTo("/paths/~1monsters/get/responses/200/content/application~1json/schema/allOf");
            assertThat(w.fix()).contains("beside a $ref SHALL be ignored").endsWith("Until then: it is ignored.");
        });

        Path v31 = Files.writeString(tmp.resolve("v31.yaml"), HEAD.replace("3.0.3", "3.1.0") + paths);
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(v31));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(SpecProblem::pointer)
                .contains("/paths/~1monsters/get/responses/200/content/application~1json/schema/allOf");
    }
}
