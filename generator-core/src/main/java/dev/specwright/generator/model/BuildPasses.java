package dev.specwright.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * Every pass's result, in the order they run: what {@code --dump-model} shows, to see where a name or a type came
 * from. Credentials run before the operations (which leave out the parameters a credential sends); linking the unions
 * shows in the final model only.
 */
public final class BuildPasses {

    private final Schemas schemas;
    private final CredentialsPass.Credentials credentials;
    private final Operations operations;
    private final StructuralDedup.Deduplicated dedup;
    private final FieldFilterPass.FieldFilters fieldFilters;
    private final PartialUpdatePass.PartialUpdates partialUpdates;
    private final List<ApiModel.ServerDef> servers;
    private final Optional<ApiModel.RateLimit> rateLimit;
    private final ErrorCatalogPass.Result errorCatalog;
    private final SentModelsPass.SentModels sentModels;
    private final PaginationPass.Paginations paginations;
    private final ApiModel model;

    BuildPasses(Schemas schemas, CredentialsPass.Credentials credentials, Operations operations,
            StructuralDedup.Deduplicated dedup, FieldFilterPass.FieldFilters fieldFilters, PartialUpdatePass.PartialUpdates partialUpdates,
            List<ApiModel.ServerDef> servers, Optional<ApiModel.RateLimit> rateLimit, ErrorCatalogPass.Result errorCatalog,
            SentModelsPass.SentModels sentModels, PaginationPass.Paginations paginations, ApiModel model) {
        this.schemas = schemas;
        this.credentials = credentials;
        this.operations = operations;
        this.dedup = dedup;
        this.fieldFilters = fieldFilters;
        this.partialUpdates = partialUpdates;
        this.servers = List.copyOf(servers);
        this.rateLimit = rateLimit;
        this.errorCatalog = errorCatalog;
        this.sentModels = sentModels;
        this.paginations = paginations;
        this.model = model;
    }

    /** The named schemas mapped. */
    Schemas schemas() {
        return schemas;
    }

    /** The credential factories, and the parameters they send. */
    CredentialsPass.Credentials credentials() {
        return credentials;
    }

    /** Operations grouped and typed; field filters and partial updates still as the spec says them. */
    Operations operations() {
        return operations;
    }

    /** The inline types merged into one of the same structure, and the operations retyped to it. */
    StructuralDedup.Deduplicated dedup() {
        return dedup;
    }

    FieldFilterPass.FieldFilters fieldFilters() {
        return fieldFilters;
    }

    PartialUpdatePass.PartialUpdates partialUpdates() {
        return partialUpdates;
    }

    List<ApiModel.ServerDef> servers() {
        return servers;
    }

    Optional<ApiModel.RateLimit> rateLimit() {
        return rateLimit;
    }

    /** The error document, the named catalogue and the models with the document retyped. */
    ErrorCatalogPass.Result errorCatalog() {
        return errorCatalog;
    }

    /** The models the client writes, which get a builder. */
    SentModelsPass.SentModels sentModels() {
        return sentModels;
    }

    /** The paged operations, declared ({@code x-pagination}) or detected; their methods not named yet. */
    PaginationPass.Paginations paginations() {
        return paginations;
    }

    /** What the emitters get. */
    public ApiModel model() {
        return model;
    }
}
