package dev.specwright.generator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InProcessCompiler;
import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import dev.specwright.generator.TestSpecs;
import dev.specwright.generator.emit.GeneratedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Swagger 2.0 definition comes in through swagger-parser's converter, and generates a client that compiles. */
class Swagger2Test {

    @TempDir
    Path tmp;

    private static String source(List<GeneratedFile> files, String suffix) {
        return files.stream().filter(f -> f.path().endsWith(suffix)).findFirst().orElseThrow(
                () -> new AssertionError("no generated file ends with " + suffix + ": "
                        + files.stream().map(GeneratedFile::path).toList())).content();
    }

    @Test
    void aSwagger2PetstoreConvertsGeneratesAndCompiles() throws Exception {
        Path spec = TestSpecs.dir().resolve("features/swagger2-petstore.yaml");
        List<SpecProblem> warnings = new ArrayList<>();
        List<GeneratedFile> files = new Generator(warnings::add)
                .files(GeneratorOptions.builder(spec, tmp.resolve("out")).basePackage("petstore2").build());
        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, tmp.resolve("classes"));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror").isEmpty();
        assertThat(warnings).isEmpty();

        String pet = source(files, "/model/Pet.java");
        assertThat(pet).contains("Long id", "String name", "PetStatus status", "LocalDate born");
        // the relative $ref into the file beside it was resolved by the 2.0 parser
        assertThat(source(files, "/model/ErrorModel.java")).contains("String message");
        String api = source(files, "/api/PetsApi.java");
        assertThat(api).contains("list(", "create(", "showById(", "delete(", "uploadPhoto(");
        // converted, not guessed: the body parameter became a request body, formData a multipart body, the base path a server
        assertThat(api).contains("Pet create(Pet body)", "uploadPhoto(Long petId, UploadPhotoRequest body)");
        assertThat(source(files, "/model/UploadPhotoRequest.java")).contains("caption", "file");
        assertThat(files.stream().map(GeneratedFile::content)).anySatisfy(c -> assertThat(c).contains("https://petstore.example.com/v1"));

        // and it loads the same way twice: byte-identical output
        List<GeneratedFile> again = new Generator().files(GeneratorOptions.builder(spec, tmp.resolve("out")).basePackage("petstore2").build());
        assertThat(again).isEqualTo(files);
    }

    @Test
    void aSwagger12DefinitionIsRefusedNamingItsVersion() throws Exception {
        Path spec = Files.writeString(tmp.resolve("api.json"), "{\"swaggerVersion\": \"1.2\", \"apis\": []}");
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(spec));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).contains("Swagger 1.2");
            assertThat(p.fix()).contains("convert it");
        });
    }

    @Test
    void aSwaggerVersionOtherThan20IsRefusedNamingIt() throws Exception {
        Path spec = Files.writeString(tmp.resolve("api.yaml"), "swagger: '3.0'\ninfo: {title: T, version: '1'}\npaths: {}\n");
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(spec));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/swagger");
            assertThat(p.rule()).contains("`swagger: 3.0`");
        });
    }

    @Test
    void aSwagger2RefOutsideTheFolderIsRefusedBeforeTheConverterReadsIt() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("api"));
        Files.writeString(tmp.resolve("secret.yaml"), "Error: {type: object}\n");
        Path spec = Files.writeString(folder.resolve("api.yaml"), "swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n"
                + "definitions:\n  Error: {$ref: '../secret.yaml#/Error'}\n");
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(spec));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/definitions/Error/$ref");
            assertThat(p.rule()).contains("outside the spec's folder");
        });
    }
}
