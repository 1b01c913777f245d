package dev.specwright.generator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.load.SpecLoader;
import dev.specwright.generator.naming.NameScope;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each pass alone: it gets immutable values, returns its own, and leaves what it was given as it was. */
class BuildPassesTest {

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: Items, version: '1'}
            paths:
              /items:
                get:
                  operationId: listItems
                  parameters:
                    - {name: includeFields, in: query, schema: {type: array, items: {type: string}}}
                    - {name: omit, in: query, x-field-filter: exclude, schema: {type: string}}
                    - {name: sort, in: query, schema: {type: string, enum: [asc, desc]}}
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Item'}}}}}
              /items/{id}:
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                put:
                  operationId: replaceItem
                  requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Replacement'}}}}
                  responses: {'204': {description: done}}
                patch:
                  operationId: patchItem
                  requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Patch'}}}}
                  responses: {'204': {description: done}}
                post:
                  operationId: updateItem
                  x-partial-update: true
                  requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Update'}}}}
                  responses: {'204': {description: done}}
              /items/{id}/command:
                patch:
                  operationId: commandItem
                  x-partial-update: false
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Command'}}}}
                  responses: {'204': {description: done}}
            components:
              schemas:
                Item: {type: object, properties: {id: {type: string}, title: {type: string}}}
                Replacement: {type: object, properties: {title: {type: string}}}
                Patch: {type: object, properties: {title: {type: string}}}
                Update: {type: object, properties: {title: {type: string}}}
                Command: {type: object, properties: {action: {type: string}}}
            """;

    @TempDir
    Path dir;

    private OpenAPI api;
    private Map<String, Schema<?>> components;
    private final NameScope modelScope = NameScope.forTypes().reserve("Builder");
    private final List<SpecProblem> problems = new ArrayList<>();

    @BeforeEach
    void load() throws Exception {
        api = new SpecLoader().load(Files.writeString(dir.resolve("openapi.yaml"), SPEC));
        components = new LinkedHashMap<>();
        api.getComponents().getSchemas().forEach(components::put);
    }

    private Schemas schemas() {
        return SchemaMapper.mapComponents("openapi.yaml", components, modelScope, problems);
    }

    private Operations operations(Schemas schemas) {
        return new OperationPass(api, "openapi.yaml", components, schemas, modelScope, List.of(), problems).run();
    }

    @Test
    void theSchemasPassMapsTheNamedSchemasOnly() {
        Schemas schemas = schemas();

        assertThat(schemas.models()).extracting(ModelDef::className).containsExactly("Item", "Replacement", "Patch", "Update", "Command");
        assertThat(schemas.enums()).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void theOperationsPassKeepsTheRawFilterKindAndAddsInlineSchemasToItsOwnResult() {
        Schemas before = schemas();

        Operations operations = operations(before);

        Operations.Draft list = operations.groups().get(0).operations().get(0);
        assertThat(list.operation().methodName()).as("listItems in the group Items").isEqualTo("list");
        assertThat(list.filterKinds()).containsExactly(Optional.of(FilterKind.INCLUDE), Optional.of(FilterKind.EXCLUDE), Optional.empty());
        assertThat(list.operation().parameters()).allSatisfy(p -> assertThat(p.fieldFilter()).isEmpty());
        assertThat(list.operation().parameters().get(1).type()).as("still the spec's type").isEqualTo(TypeRef.Builtin.STRING);
        assertThat(operations.schemas().enums()).extracting(EnumDef::className).containsExactly("ListItemsSort");
        assertThat(before.enums()).as("the schemas it was given").isEmpty();
        assertThat(operations.partialUpdateMarks()).containsOnlyKeys("/paths/~1items~1{id}/post", "/paths/~1items~1{id}~1command/patch");
    }

    @Test
    void theFieldFilterPassLinksTheFiltersAndNamesTheEnumWithoutChangingItsInput() {
        Operations operations = operations(schemas());

        FieldFilterPass.FieldFilters filtered = FieldFilterPass.run(operations, modelScope);

        List<Parameter> parameters = filtered.apis().get(0).operations().get(0).parameters();
        assertThat(parameters.get(0).fieldFilter()).get().extracting(Parameter.FieldFilter::include, Parameter.FieldFilter::fieldEnum).containsExactly(true, "ItemField");
        assertThat(parameters.get(1).fieldFilter()).get().extracting(Parameter.FieldFilter::include, Parameter.FieldFilter::fieldEnum).containsExactly(false, "ItemField");
        assertThat(parameters.get(1).type()).as("typed: the enum's constants").isEqualTo(new TypeRef.ListOf(new TypeRef.Named("ItemField")));
        assertThat(parameters.get(2).fieldFilter()).isEmpty();
        assertThat(filtered.schemas().model("Item").flatMap(ModelDef::fieldEnum)).contains("ItemField");
        assertThat(operations.schemas().model("Item").flatMap(ModelDef::fieldEnum)).as("the operations' schemas").isEmpty();
        assertThat(operations.groups().get(0).operations().get(0).operation().parameters().get(0).fieldFilter()).isEmpty();
        assertThat(filtered.schemas().models()).extracting(ModelDef::className)
                .as("the model keeps its place").containsExactlyElementsOf(operations.schemas().models().stream().map(ModelDef::className).toList());
    }

    @Test
    void aPatchIsPartialUnlessItSaysFalseAndAnythingElseOnlyWhenItSaysTrue() {
        Operations operations = operations(schemas());
        FieldFilterPass.FieldFilters filtered = FieldFilterPass.run(operations, modelScope);

        PartialUpdatePass.PartialUpdates partial = PartialUpdatePass.run(filtered.apis(), operations.partialUpdateMarks(), filtered.schemas());

        assertThat(partial.partialModels()).as("in operation order: post before patch").containsExactly("Update", "Patch");
        assertThat(partial.schemas().models()).filteredOn(ModelDef::partial).extracting(ModelDef::className).containsExactly("Patch", "Update");
        assertThat(filtered.schemas().models()).as("the schemas it was given").noneMatch(ModelDef::partial);
        assertThat(partial.schemas().model("Item").flatMap(ModelDef::fieldEnum)).as("earlier passes' work kept").contains("ItemField");
        assertThat(problems).isEmpty();
    }
}
