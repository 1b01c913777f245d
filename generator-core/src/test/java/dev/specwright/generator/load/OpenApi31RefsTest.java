package dev.specwright.generator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 3.1 document is resolved as a 3.0 one: other files come into components, a $ref stays a reference. */
class OpenApi31RefsTest {

    @TempDir
    Path tmp;

    @Test
    void localRefsStayReferencesAndOtherFilesComeIntoComponents() throws Exception {
        Files.createDirectories(tmp.resolve("schemas"));
        Files.writeString(tmp.resolve("schemas/Owner.yaml"), """
                type: object
                properties:
                  name: {type: string}
                  pet: {$ref: '../api.yaml#/components/schemas/Pet'}
                """);
        Path spec = Files.writeString(tmp.resolve("api.yaml"), """
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    get:
                      parameters:
                        - $ref: '#/components/parameters/Dir'
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Pet'}
                components:
                  parameters:
                    Dir: {name: dir, in: query, schema: {type: string, enum: [asc, desc]}}
                  schemas:
                    Category: {type: object, properties: {id: {type: integer}}}
                    Pet:
                      type: object
                      properties:
                        category: {$ref: '#/components/schemas/Category'}
                        other: {$ref: '#/components/schemas/Category', description: hi}
                        owner: {$ref: 'schemas/Owner.yaml'}
                """);
        OpenAPI api = new SpecLoader().load(spec);
        Schema<?> pet = api.getComponents().getSchemas().get("Pet");
        assertThat(pet.getProperties().get("category").get$ref()).isEqualTo("#/components/schemas/Category");
        assertThat(pet.getProperties().get("other").get$ref()).isEqualTo("#/components/schemas/Category");
        assertThat(pet.getProperties().get("other").getDescription()).isEqualTo("hi");
        assertThat(pet.getProperties().get("owner").get$ref()).isEqualTo("#/components/schemas/Owner");
        Schema<?> owner = api.getComponents().getSchemas().get("Owner");
        assertThat(owner.getProperties().get("pet").get$ref()).isEqualTo("#/components/schemas/Pet");
        // parameters are treated as swagger-parser treats them in 3.0 (the model reads either form)
        OpenAPI v30 = new SpecLoader().load(Files.writeString(tmp.resolve("v30.yaml"),
                Files.readString(spec).replace("3.1.0", "3.0.3").replace(", description: hi", "")));
        assertThat(api.getPaths().get("/pets").getGet().getParameters().get(0).get$ref())
                .isEqualTo(v30.getPaths().get("/pets").getGet().getParameters().get(0).get$ref());
        assertThat(api.getPaths().get("/pets").getGet().getParameters().get(0).getName()).isEqualTo("dir");
        assertThat(api.getPaths().get("/pets").getGet().getResponses().get("200").getContent().get("application/json")
                .getSchema().get$ref()).isEqualTo("#/components/schemas/Pet");
    }

    @Test
    void aDanglingRefIn31IsOneProblemAtItsPointerAsIn30() throws Exception {
        String text = """
                openapi: 3.1.0
                info: {title: T, version: '1'}
                paths:
                  /pets:
                    get:
                      parameters:
                        - {name: kind, in: query, schema: {$ref: '#/components/schemas/Nope'}}
                      responses: {'200': {description: ok}}
                """;
        for (String version : List.of("3.1.0", "3.0.3")) {
            Path spec = Files.writeString(tmp.resolve("api-" + version + ".yaml"), text.replace("3.1.0", version));
            SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(spec));
            assertThat(e).as(version).isNotNull();
            assertThat(e.problems()).as(version).extracting(SpecProblem::pointer)
                    .containsExactly("/paths/~1pets/get/parameters/0/schema/$ref");
        }
    }
}
