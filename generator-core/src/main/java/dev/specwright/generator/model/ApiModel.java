package dev.specwright.generator.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the emitters need, resolved and named: no emitter looks at the parsed spec again. Immutable; dumped as
 * JSON by {@code --dump-model}.
 */
public record ApiModel(
        String title,
        String version,
        String description,
        String clientName,
        Packages packages,
        BaseTypes baseTypes,
        List<ServerDef> servers,
        List<CredentialFactory> credentialFactories,
        Optional<RateLimit> rateLimit,
        List<ApiGroup> apis,
        List<ModelDef> models,
        List<EnumDef> enums,
        List<UnionDef> unions,
        Optional<ErrorCatalog> errorCatalog,
        Optional<String> errorModel,
        Optional<License> license,
        Map<String, OperationForms> operationForms,
        Map<String, Pagination> pagination,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
        Optional<JsonApiModel> jsonApi) {

    public ApiModel {
        operationForms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(operationForms));
        pagination = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pagination));
        servers = List.copyOf(servers);
        credentialFactories = List.copyOf(credentialFactories);
        apis = List.copyOf(apis);
        models = List.copyOf(models);
        enums = List.copyOf(enums);
        unions = List.copyOf(unions);
    }

    /** A model without the operations' further forms ({@link OperationForms}): operations have their plain methods only. */
    public ApiModel(String title, String version, String description, String clientName, Packages packages,
            BaseTypes baseTypes, List<ServerDef> servers, List<CredentialFactory> credentialFactories,
            Optional<RateLimit> rateLimit, List<ApiGroup> apis, List<ModelDef> models, List<EnumDef> enums,
            List<UnionDef> unions, Optional<ErrorCatalog> errorCatalog, Optional<String> errorModel, Optional<License> license) {
        this(title, version, description, clientName, packages, baseTypes, servers, credentialFactories, rateLimit, apis,
                models, enums, unions, errorCatalog, errorModel, license, Map.of(), Map.of(), Optional.empty());
    }

    /** A model without paginated operations or JSON:API resources. */
    public ApiModel(String title, String version, String description, String clientName, Packages packages,
            BaseTypes baseTypes, List<ServerDef> servers, List<CredentialFactory> credentialFactories,
            Optional<RateLimit> rateLimit, List<ApiGroup> apis, List<ModelDef> models, List<EnumDef> enums,
            List<UnionDef> unions, Optional<ErrorCatalog> errorCatalog, Optional<String> errorModel, Optional<License> license,
            Map<String, OperationForms> operationForms) {
        this(title, version, description, clientName, packages, baseTypes, servers, credentialFactories, rateLimit, apis,
                models, enums, unions, errorCatalog, errorModel, license, operationForms, Map.of(), Optional.empty());
    }

    /** A model of an API that does not speak JSON:API. */
    public ApiModel(String title, String version, String description, String clientName, Packages packages,
            BaseTypes baseTypes, List<ServerDef> servers, List<CredentialFactory> credentialFactories,
            Optional<RateLimit> rateLimit, List<ApiGroup> apis, List<ModelDef> models, List<EnumDef> enums,
            List<UnionDef> unions, Optional<ErrorCatalog> errorCatalog, Optional<String> errorModel, Optional<License> license,
            Map<String, OperationForms> operationForms, Map<String, Pagination> pagination) {
        this(title, version, description, clientName, packages, baseTypes, servers, credentialFactories, rateLimit, apis,
                models, enums, unions, errorCatalog, errorModel, license, operationForms, pagination, Optional.empty());
    }

    /** How an operation of this model is paged, with its paginator method's name; empty when it is not. */
    public Optional<Pagination> pagination(Operation op) {
        return Optional.ofNullable(pagination.get(op.pointer()));
    }

    /** The further forms of an operation of this model ({@code getWithResponse}); empty when none were named. */
    public Optional<OperationForms> forms(Operation op) {
        return Optional.ofNullable(operationForms.get(op.pointer()));
    }

    /** A model without the spec's {@code info.license}. */
    public ApiModel(String title, String version, String description, String clientName, Packages packages,
            BaseTypes baseTypes, List<ServerDef> servers, List<CredentialFactory> credentialFactories,
            Optional<RateLimit> rateLimit, List<ApiGroup> apis, List<ModelDef> models, List<EnumDef> enums,
            List<UnionDef> unions, Optional<ErrorCatalog> errorCatalog, Optional<String> errorModel) {
        this(title, version, description, clientName, packages, baseTypes, servers, credentialFactories, rateLimit, apis,
                models, enums, unions, errorCatalog, errorModel, Optional.empty());
    }


    public String clientClassName() {
        return baseTypes.client();
    }

    public record Packages(String base, String api, String model) {}

    /**
     * The spec's {@code info.license}: the default license of a generated project.
     *
     * @param url its {@code url}, or for OpenAPI 3.1 the SPDX page of its {@code identifier}; empty when neither is given
     */
    public record License(String name, String url) {}

    /**
     * The base package's own types, allocated in one scope with the catalogue's exception classes. The four error
     * types exist only when a catalogue is given.
     */
    public record BaseTypes(String client, String environment, String credentials, String errorCode, String errorCategory,
            String apiException, String errorDecoder) {}

    /** A server URL template, turned into {@code Environment} factories. */
    public record ServerDef(String factoryName, String url, String description, List<ServerVariable> variables) {
        public ServerDef {
            variables = List.copyOf(variables);
        }
    }

    /** @param shared whether every server has this variable (then a shorter factory uses its default) */
    public record ServerVariable(String name, String javaName, String defaultValue, boolean shared) {}

    /** One alternative of the spec's security requirements: everything one set of credentials sends. */
    public record CredentialFactory(String methodName, List<String> schemes, List<CredentialPart> parts) {
        public CredentialFactory {
            schemes = List.copyOf(schemes);
            parts = List.copyOf(parts);
        }
    }

    public sealed interface CredentialPart {
        record Basic() implements CredentialPart {}

        record Bearer(String parameterName) implements CredentialPart {}

        /** @param in {@code header}, {@code query} or {@code cookie} */
        record ApiKey(String in, String name, String parameterName) implements CredentialPart {}

        /**
         * OAuth 2.0 client credentials with an absolute token URL: the runtime fetches and refreshes the token.
         *
         * @param jsonTokenRequest the token request is a JSON object rather than a form (the spec's {@code x-token-request:
         *                         json}, or its own operation at the token URL taking only a JSON body)
         */
        record OAuth2ClientCredentials(String tokenUrl, List<String> scopes, String clientIdParameter, String clientSecretParameter,
                boolean jsonTokenRequest) implements CredentialPart {
            public OAuth2ClientCredentials {
                scopes = List.copyOf(scopes);
            }

            /** A form token request (RFC 6749 section 4.4.2). */
            public OAuth2ClientCredentials(String tokenUrl, List<String> scopes, String clientIdParameter, String clientSecretParameter) {
                this(tokenUrl, scopes, clientIdParameter, clientSecretParameter, false);
            }
        }
    }

    /**
     * {@code x-rate-limit}: the client's default token bucket, and whom the server counts.
     *
     * @param scope   the spec's name for whom the server counts (e.g. {@code tenant-or-reseller}); empty when unnamed
     * @param scopeBy what identifies the caller, most specific first: the first part a client sends keys its bucket;
     *                empty for a bucket per client
     */
    public record RateLimit(double requestsPerSecond, long burst, String scope, List<ScopePart> scopeBy) {
        public RateLimit {
            scopeBy = List.copyOf(scopeBy);
        }
    }

    /**
     * One credential whose value identifies the caller to the server's rate limiter.
     *
     * @param scheme the security scheme it comes from (its name in {@code components/securitySchemes})
     * @param kind   {@code header}, {@code query} or {@code cookie} (an API key of that name), or {@code authorization}
     *               (Basic, Bearer, OAuth 2.0: whoever authenticates)
     * @param name   the header, query parameter or cookie name; empty for {@code authorization}
     */
    public record ScopePart(String scheme, String kind, String name) {}
}
