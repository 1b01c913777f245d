package dev.specwright.generator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.load.SpecLoader;
import io.swagger.v3.oas.models.OpenAPI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credentials, servers and rate-limit passes, each alone on a small spec: what it returns and what it reports. */
class SecurityServersRateLimitPassesTest {

    private static final String SPEC = """
            openapi: 3.1.0
            info: {title: Tenants, version: '1'}
            servers:
              - {url: /relative}
              - url: 'https://{region}.example.com/{version}'
                description: Production servers
                variables:
                  region: {default: eu}
                  version: {default: v1}
              - url: 'https://sandbox.example.com/{version}/'
                description: Sandbox
                variables:
                  version: {default: v1}
              - url: 'http://localhost:8080'
            security:
              - {tenantKey: [], bearer: []}
              - {}
            x-rate-limit: {requestsPerSecond: 5, burst: 10, scope: tenant, scopeBy: [tenantKey, bearer]}
            paths:
              /reports:
                get:
                  operationId: listReports
                  security: [{oauth: [read]}]
                  responses: {'204': {description: done}}
                post:
                  operationId: makeReport
                  security: [{oauth: [write]}, {tenantKey: [], bearer: []}]
                  responses: {'204': {description: done}}
              /legacy:
                get:
                  operationId: legacy
                  security: [{missing: []}]
                  responses: {'204': {description: done}}
            components:
              securitySchemes:
                tenantKey: {type: apiKey, in: header, name: X-Tenant}
                bearer: {type: http, scheme: bearer}
                oauth:
                  type: oauth2
                  flows: {clientCredentials: {tokenUrl: 'https://auth.example.com/token', scopes: {read: r, write: w}}}
                mtls: {type: mutualTLS}
            """;

    @TempDir
    Path dir;

    private OpenAPI api;
    private final List<SpecProblem> problems = new ArrayList<>();

    @BeforeEach
    void load() throws Exception {
        api = new SpecLoader().load(Files.writeString(dir.resolve("openapi.yaml"), SPEC));
    }

    @Test
    void theServersPassMakesAFactoryPerAbsoluteServerAndSharesTheVariablesEveryServerHas() {
        List<ApiModel.ServerDef> servers = ServersPass.run(api.getServers());

        assertThat(servers).extracting(ApiModel.ServerDef::factoryName).containsExactly("production", "sandbox", "server3");
        assertThat(servers.get(1).url()).as("trailing slash dropped").isEqualTo("https://sandbox.example.com/{version}");
        assertThat(servers.get(0).variables()).containsExactly(new ApiModel.ServerVariable("region", "region", "eu", false),
                new ApiModel.ServerVariable("version", "version", "v1", false));
        assertThat(servers.get(2).variables()).isEmpty();
        assertThat(ServersPass.run(List.of())).isEmpty();
    }

    @Test
    void theServersPassSharesAVariableOnlyWhenEveryServerHasItWithADefault() {
        List<ApiModel.ServerDef> servers = ServersPass.run(api.getServers().subList(1, 3));

        assertThat(servers.get(0).variables()).extracting(ApiModel.ServerVariable::shared).containsExactly(false, true);
        assertThat(servers.get(1).variables()).extracting(ApiModel.ServerVariable::shared).containsExactly(true);
    }

    @Test
    void theCredentialsPassMakesOneFactoryPerDistinctRequirementInOrderOfFirstUse() {
        List<CredentialsPass.Requirement> requirements = CredentialsPass.requirements(api);

        CredentialsPass.Credentials credentials = CredentialsPass.run(requirements,
                api.getComponents().getSecuritySchemes(), "openapi.yaml", problems);

        assertThat(requirements).extracting(CredentialsPass.Requirement::pointer).containsExactly("/security/0", "/security/1",
                "/paths/~1reports/get/security/0", "/paths/~1reports/post/security/0", "/paths/~1reports/post/security/1",
                "/paths/~1legacy/get/security/0");
        assertThat(credentials.factories()).extracting(ApiModel.CredentialFactory::methodName).containsExactly("tenantKey", "oauth");
        assertThat(credentials.factories().get(0).parts()).containsExactly(
                new ApiModel.CredentialPart.ApiKey("header", "X-Tenant", "tenantKey"), new ApiModel.CredentialPart.Bearer("token"));
        assertThat(credentials.factories().get(1).parts()).as("one token for every scope any requirement wants").containsExactly(
                new ApiModel.CredentialPart.OAuth2ClientCredentials("https://auth.example.com/token", List.of("read", "write"),
                        "clientId", "clientSecret"));
        assertThat(credentials.parameters()).as("what no operation method asks for").containsExactly("header:x-tenant");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1legacy/get/security/0/missing");
            assertThat(p.rule()).contains("\"missing\"", "components/securitySchemes");
        });
    }

    @Test
    void theCredentialsPassMakesNoFactoryForASchemeTheRuntimeCannotSend() {
        CredentialsPass.Credentials credentials = CredentialsPass.run(
                List.of(new CredentialsPass.Requirement("/security/0", List.of("mtls"), Map.of("mtls", List.of()))),
                api.getComponents().getSecuritySchemes(), "openapi.yaml", problems);

        assertThat(credentials.factories()).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void theRateLimitPassKeysTheBucketByTheSchemesScopeByNames() {
        Optional<ApiModel.RateLimit> rateLimit = RateLimitPass.run(api.getExtensions().get("x-rate-limit"),
                api.getComponents().getSecuritySchemes(), "openapi.yaml", problems);

        assertThat(rateLimit).contains(new ApiModel.RateLimit(5, 10, "tenant", List.of(
                new ApiModel.ScopePart("tenantKey", "header", "X-Tenant"), new ApiModel.ScopePart("bearer", "authorization", ""))));
        assertThat(RateLimitPass.run(null, Map.of(), "openapi.yaml", problems)).as("no x-rate-limit").isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void theRateLimitPassReportsWhatItCannotUseWhereItIs() {
        var schemes = api.getComponents().getSecuritySchemes();

        assertThat(RateLimitPass.run(Map.of("requestsPerSecond", 5, "burst", 10, "scope", "tenant"), schemes, "openapi.yaml", problems)).isEmpty();
        assertThat(RateLimitPass.run(Map.of("requestsPerSecond", 5, "burst", 10, "scope", "tenant", "scopeBy", List.of("nobody")),
                schemes, "openapi.yaml", problems)).isEmpty();
        assertThat(RateLimitPass.run(Map.of("requestsPerSecond", 5, "burst", 10, "scope", "tenant", "scopeBy", List.of("mtls")),
                schemes, "openapi.yaml", problems)).isEmpty();
        assertThat(RateLimitPass.run(Map.of("requestsPerSecond", 0, "burst", 10), schemes, "openapi.yaml", problems)).isEmpty();

        assertThat(problems).extracting(SpecProblem::pointer).containsExactly("/x-rate-limit/scope", "/x-rate-limit/scopeBy/0",
                "/x-rate-limit/scopeBy/0", "/x-rate-limit");
        assertThat(problems.get(1).fix()).isEqualTo("use one of: bearer, mtls, oauth, tenantKey.");
        assertThat(problems.get(2).rule()).contains("\"mtls\"", "cannot read");
    }
}
