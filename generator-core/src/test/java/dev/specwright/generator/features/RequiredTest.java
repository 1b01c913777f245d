package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InProcessCompiler;
import dev.specwright.generator.emit.GeneratedFile;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code specs/features/required.yaml}, compiled and run: a builder refuses to build a request body without a required
 * field and names the model and the field; an answer without one is read all the same; a required nullable field is
 * sent as null; a partial update (PATCH) needs none; the Javadoc says what is required and what may be null.
 */
class RequiredTest {

    static Feature feature;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        feature = Feature.generate("required.yaml");
    }

    /** The exception {@code build()} threw, unwrapped from reflection. */
    private static Throwable buildFailure(String model, Object... namesAndValues) {
        Throwable thrown = catchThrowable(() -> feature.build(model, namesAndValues));
        return thrown instanceof InvocationTargetException e ? e.getCause() : thrown;
    }

    private static Object owner() throws Exception {
        return feature.build("Owner", "email", "a@example.com");
    }

    @Test
    void aBuilderRefusesToBuildWithoutTheRequiredFieldsAndNamesThemAndTheModel() throws Exception {
        assertThat(buildFailure("Pet", "age", 3L)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot build Pet: the required field(s) name, first-name (firstName(...)), owner not set;"
                        + " set them on the builder before build()");
        assertThat(buildFailure("Pet", "name", "Rex", "firstName", "Rex")).hasMessageContaining("field(s) owner not set");
    }

    @Test
    void aNestedModelChecksItsOwnRequiredFields() {
        assertThat(buildFailure("Owner", "phone", "123")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot build Owner: the required field(s) email not set");
    }

    @Test
    void aReadOnlyOrNullableRequiredFieldIsNotAskedForAndTheNullableOneIsSentAsNull() throws Exception {
        Object pet = feature.build("Pet", "name", "Rex", "firstName", "Rexy", "owner", owner());

        assertThat(Feature.JSON.writeValueAsString(pet))
                .isEqualTo("{\"name\":\"Rex\",\"first-name\":\"Rexy\",\"tag\":null,\"owner\":{\"email\":\"a@example.com\"}}");
    }

    @Test
    void anAnswerWithoutItsRequiredFieldsIsReadAllTheSame() throws Exception {
        Object pet = Feature.JSON.readValue("{\"age\":2,\"owner\":{}}", feature.model("Pet"));

        assertThat(Feature.get(pet, "name")).isNull();
        assertThat(Feature.get(pet, "age")).isEqualTo(2L);
        assertThat(Feature.get(Feature.get(pet, "owner"), "email")).isNull();
        // sending it back is another matter: the builder it gives still checks
        Object again = pet.getClass().getMethod("toBuilder").invoke(pet);
        Throwable thrown = catchThrowable(() -> again.getClass().getMethod("build").invoke(again));
        assertThat(thrown.getCause()).isInstanceOf(IllegalStateException.class).hasMessageContaining("name");
    }

    @Test
    void aPartialUpdateNeedsNoRequiredFieldAndKeepsItsAbsentNullValueSemantics() throws Exception {
        Object patch = feature.build("PetPatch", "age", null);

        assertThat(Feature.JSON.writeValueAsString(patch)).isEqualTo("{\"age\":null}");
        assertThat(Feature.JSON.writeValueAsString(feature.build("PetPatch"))).isEqualTo("{}");
        assertThat(Feature.JSON.writeValueAsString(feature.build("PetPatch", "name", "Rex"))).isEqualTo("{\"name\":\"Rex\"}");
    }

    @Test
    void theJavadocSaysWhatIsRequiredAndWhatMayBeNull() {
        String pet = feature.source("model/Pet.java");
        assertThat(pet)
                .contains("Build one with {@link #builder()}, which refuses to build without a required field.")
                .contains("list grows with the spec: calling it directly breaks when the API gains a field.")
                .contains("@param id Set by the server (read-only: set by the server). Required in answers.")
                .contains("@param name the name field. Required.")
                .contains("@param tag Required but may be null. Required; may be null (sent as null when not set).")
                .contains("@param age the age field. Optional: may be null.")
                .contains("Builds a {@link Pet}. A field never set, or set to null, is left out of the JSON, except tag "
                        + "(required, sent as null).")
                .contains("@throws IllegalStateException when a required field is not set (the message names it)")
                // a setter says nothing the record's @param does not
                .doesNotContain("Sets ", "@return this builder");
        assertThat(feature.source("model/PetPatch.java"))
                .contains("Required in the full object; a partial update may leave it out.")
                .doesNotContain("@throws IllegalStateException");
    }

    @Test
    void aModelTooLargeForARecordChecksItsBuilderButReadsAnswersUnchecked() throws Exception {
        String properties = IntStream.range(0, 210).mapToObj(i -> "        p" + i + ": {type: string}")
                .collect(Collectors.joining("\n"));
        ClassLoader loader = compile("""
                openapi: 3.0.3
                info: {title: Big, version: '1'}
                paths:
                  /big:
                    post:
                      operationId: createBig
                      requestBody:
                        content: {application/json: {schema: {$ref: '#/components/schemas/Big'}}}
                      responses:
                        '200':
                          description: ok
                          content: {application/json: {schema: {$ref: '#/components/schemas/Big'}}}
                components:
                  schemas:
                    Big:
                      type: object
                      required: [p7]
                      properties:
                """ + properties + "\n");
        Class<?> big = loader.loadClass("big.model.Big");
        assertThat(big.isRecord()).isFalse();
        Object builder = big.getMethod("builder").invoke(null);
        builder.getClass().getMethod("p1", String.class).invoke(builder, "x");

        Throwable thrown = catchThrowable(() -> builder.getClass().getMethod("build").invoke(builder));
        assertThat(thrown.getCause()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot build Big: the required field(s) p7 not set");
        Object read = Feature.JSON.readValue("{\"p1\":\"x\"}", big);
        assertThat(big.getMethod("p1").invoke(read)).isEqualTo("x");
        builder.getClass().getMethod("p7", String.class).invoke(builder, "y");
        assertThat(Feature.JSON.writeValueAsString(builder.getClass().getMethod("build").invoke(builder)))
                .isEqualTo("{\"p1\":\"x\",\"p7\":\"y\"}");
    }

    @Test
    void openApi31SaysNullableWithANullType() throws Exception {
        ClassLoader loader = compile("""
                openapi: 3.1.0
                info: {title: Big, version: '1'}
                paths:
                  /notes:
                    post:
                      operationId: createNote
                      requestBody:
                        content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}
                      responses: {'204': {description: done}}
                components:
                  schemas:
                    Note:
                      type: object
                      required: [text, parent]
                      properties:
                        text: {type: string}
                        parent: {type: [string, 'null']}
                """);
        Class<?> note = loader.loadClass("big.model.Note");
        Object builder = note.getMethod("builder").invoke(null);
        builder.getClass().getMethod("text", String.class).invoke(builder, "hi");

        assertThat(Feature.JSON.writeValueAsString(builder.getClass().getMethod("build").invoke(builder)))
                .isEqualTo("{\"text\":\"hi\",\"parent\":null}");
    }

    private ClassLoader compile(String yaml) throws Exception {
        Path spec = tmp.resolve("api.yaml");
        Files.writeString(spec, yaml);
        List<GeneratedFile> files = new Generator().files(GeneratorOptions.builder(spec, tmp.resolve("out"))
                .basePackage("big").build());
        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, Files.createDirectories(tmp.resolve("classes")));
        assertThat(compiled.diagnostics()).isEmpty();
        return compiled.classLoader();
    }
}
