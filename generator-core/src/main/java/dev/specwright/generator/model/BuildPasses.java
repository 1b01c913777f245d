package dev.specwright.generator.model;

/**
 * Every pass's result, in the order they run: what {@code --dump-model} shows, to see where a name or a type came
 * from. The passes after partial updates (unions linked, servers, credentials, rate limit, error catalogue) show in
 * the final model only.
 */
public final class BuildPasses {

    private final Schemas schemas;
    private final Operations operations;
    private final FieldFilterPass.FieldFilters fieldFilters;
    private final PartialUpdatePass.PartialUpdates partialUpdates;
    private final ApiModel model;

    BuildPasses(Schemas schemas, Operations operations, FieldFilterPass.FieldFilters fieldFilters,
            PartialUpdatePass.PartialUpdates partialUpdates, ApiModel model) {
        this.schemas = schemas;
        this.operations = operations;
        this.fieldFilters = fieldFilters;
        this.partialUpdates = partialUpdates;
        this.model = model;
    }

    /** The named schemas mapped. */
    Schemas schemas() {
        return schemas;
    }

    /** Operations grouped and typed; field filters and partial updates still as the spec says them. */
    Operations operations() {
        return operations;
    }

    FieldFilterPass.FieldFilters fieldFilters() {
        return fieldFilters;
    }

    PartialUpdatePass.PartialUpdates partialUpdates() {
        return partialUpdates;
    }

    /** What the emitters get. */
    public ApiModel model() {
        return model;
    }
}
