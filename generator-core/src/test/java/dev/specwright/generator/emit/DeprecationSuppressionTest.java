package dev.specwright.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InProcessCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @SuppressWarnings("deprecation")} only on the API files that use a deprecated model: each file compiles with
 * {@code -Xlint:all -Werror}, and a file that uses nothing deprecated carries no suppression that could hide a warning.
 */
class DeprecationSuppressionTest {

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: Dep, version: '1'}
            paths:
              /old:
                post:
                  tags: [old]
                  operationId: createOld
                  deprecated: true
                  requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Old'}}}}
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Old'}}}}
                get:
                  tags: [old]
                  operationId: listOld
                  parameters:
                    - {name: filter, in: query, schema: {$ref: '#/components/schemas/Old'}}
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Old'}}}}}
              /new:
                get:
                  tags: [new]
                  operationId: getNew
                  deprecated: true
                  parameters:
                    - {name: q, in: query, deprecated: true, schema: {type: string}}
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Fresh'}}}}
            components:
              schemas:
                Old:
                  type: object
                  deprecated: true
                  properties: {name: {type: string}}
                Fresh:
                  type: object
                  properties: {name: {type: string}}
            """;

    @TempDir
    Path tmp;

    @Test
    void onlyTheFilesUsingADeprecatedModelSuppressTheWarning() throws Exception {
        Path spec = Files.writeString(tmp.resolve("openapi.yaml"), SPEC);
        List<GeneratedFile> files = new Generator().files(GeneratorOptions.builder(spec, tmp.resolve("out"))
                .basePackage("dep").build());
        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, tmp.resolve("classes"));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror").isEmpty();

        assertThat(source(files, "api/OldApi.java")).contains("@SuppressWarnings(\"deprecation\")");
        assertThat(source(files, "api/OldAsyncApi.java")).contains("@SuppressWarnings(\"deprecation\")");
        assertThat(source(files, "api/ListOldParams.java")).contains("@SuppressWarnings(\"deprecation\")");
        // a deprecated operation is marked, in both classes, but uses nothing deprecated of another file
        assertThat(source(files, "api/NewApi.java")).contains("@Deprecated").doesNotContain("@SuppressWarnings");
        assertThat(source(files, "api/NewAsyncApi.java")).contains("@Deprecated").doesNotContain("@SuppressWarnings");
        assertThat(source(files, "api/GetNewParams.java")).doesNotContain("@SuppressWarnings");
    }

    private static String source(List<GeneratedFile> files, String suffix) {
        return files.stream().filter(f -> f.path().endsWith(suffix)).findFirst().orElseThrow().content();
    }
}
