package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InProcessCompiler;
import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import dev.specwright.generator.emit.GeneratedFile;
import dev.specwright.runtime.ApiClient;
import dev.specwright.runtime.RateLimit;
import dev.specwright.runtime.RateLimitScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code x-rate-limit.scope}/{@code scopeBy}: the generated client tells the runtime whom the server counts, in the
 * spec's words; a scope the generator cannot turn into credentials is a located problem.
 */
class RateLimitScopeTest {

    @TempDir
    Path tmp;

    private static String spec(String rateLimit) {
        return """
                openapi: 3.1.0
                info: {title: Scoped, version: '1'}
                servers: [{url: 'https://api.example.com'}]
                security: [{basicAuth: [], tenant: []}, {apiKey: []}, {oauth: []}]
                x-rate-limit:
                """ + rateLimit.indent(2) + """
                paths:
                  /ping:
                    get:
                      operationId: ping
                      responses: {'204': {description: ok}}
                components:
                  securitySchemes:
                    basicAuth: {type: http, scheme: basic}
                    tenant: {type: apiKey, in: header, name: X-Account}
                    apiKey: {type: apiKey, in: query, name: api_key}
                    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://auth.example.com/token', scopes: {}}}}
                    mtls: {type: mutualTLS} # 3.1: a client certificate, no value the runtime reads
                """;
    }

    private ApiClient client(String rateLimit) throws Exception {
        Path file = tmp.resolve("api.yaml");
        Files.writeString(file, spec(rateLimit));
        List<GeneratedFile> files = new Generator().files(GeneratorOptions.builder(file, tmp.resolve("out"))
                .basePackage("scoped").build());
        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, Files.createDirectories(tmp.resolve("classes")));
        assertThat(compiled.diagnostics()).isEmpty();
        Class<?> client = compiled.classLoader().loadClass("scoped.ScopedClient");
        Object builder = client.getMethod("builder").invoke(null);
        Object built = builder.getClass().getMethod("build").invoke(builder);
        return (ApiClient) client.getMethod("apiClient").invoke(built);
    }

    private List<SpecProblem> problems(String rateLimit) throws Exception {
        Path file = tmp.resolve("broken.yaml");
        Files.writeString(file, spec(rateLimit));
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class,
                () -> new Generator().files(GeneratorOptions.builder(file, tmp.resolve("out")).build()));
        assertThat(e).as("generation must fail").isNotNull();
        return e.problems();
    }

    @Test
    void theClientPassesTheScopeTheSpecDeclaresInItsOrder() throws Exception {
        ApiClient client = client("{requestsPerSecond: 10, burst: 25, scope: account, scopeBy: [tenant, apiKey, oauth, basicAuth]}");

        assertThat(client.options().rateLimit()).isEqualTo(RateLimit.of(10, 25));
        assertThat(client.options().rateLimitScope()).isEqualTo(RateLimitScope.header("X-Account")
                .or(RateLimitScope.queryParameter("api_key")).or(RateLimitScope.authorization()));
    }

    @Test
    void withoutAScopeOrWithScopeClientEveryClientHasItsOwnBucket() throws Exception {
        assertThat(client("{requestsPerSecond: 2, burst: 5}").options().rateLimitScope())
                .isEqualTo(RateLimitScope.perClient());
        assertThat(client("{requestsPerSecond: 2, burst: 5, scope: client}").options().rateLimitScope())
                .isEqualTo(RateLimitScope.perClient());
    }

    @Test
    void theBuildersJavadocSaysWhoTheCallerIs() throws Exception {
        Path file = tmp.resolve("api.yaml");
        Files.writeString(file, spec("{requestsPerSecond: 10, burst: 25, scope: account, scopeBy: [tenant, basicAuth]}"));
        String source = new Generator().files(GeneratorOptions.builder(file, tmp.resolve("out")).basePackage("scoped").build())
                .stream().filter(f -> f.path().endsWith("ScopedClient.java")).findFirst().orElseThrow().content();

        // read as Javadoc shows it: the comment's lines joined (the text is wrapped at 100 characters)
        String doc = source.replaceAll("\\n\\s*\\* ?", " ");
        assertThat(doc).contains("shared by every client of the same base URI and caller (account): the caller is the"
                + " header <code>X-Account</code>, else whoever authenticates by basicAuth, the first the credentials give");
    }

    @Test
    void aScopeWithoutScopeByIsAProblemThatListsTheSchemes() throws Exception {
        assertThat(problems("{requestsPerSecond: 10, burst: 25, scope: tenant-or-reseller}")).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("broken.yaml");
            assertThat(p.pointer()).isEqualTo("/x-rate-limit/scope");
            assertThat(p.rule()).contains("\"tenant-or-reseller\"").contains("not which credential");
            assertThat(p.fix()).contains("scopeBy").contains("apiKey, basicAuth, mtls, oauth, tenant").contains("scope: client");
        });
    }

    @Test
    void aScopeByThatNamesNoUsableSchemeIsAProblemAtItsEntry() throws Exception {
        assertThat(problems("{requestsPerSecond: 10, burst: 25, scope: t, scopeBy: [tenant, nope]}")).singleElement()
                .satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/x-rate-limit/scopeBy/1");
                    assertThat(p.rule()).contains("\"nope\"").contains("does not define");
                });
        assertThat(problems("{requestsPerSecond: 10, burst: 25, scope: t, scopeBy: [mtls]}")).singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/x-rate-limit/scopeBy/0"));
        assertThat(problems("{requestsPerSecond: 10, burst: 25, scope: t, scopeBy: tenant}")).singleElement()
                .satisfies(p -> assertThat(p.rule()).contains("non-empty list"));
        assertThat(problems("{requestsPerSecond: 10, burst: 25, scope: client, scopeBy: [tenant]}")).singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/x-rate-limit/scopeBy"));
        assertThat(problems("{requestsPerSecond: 10, burst: 25, scope: [tenant]}")).singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/x-rate-limit/scope"));
        assertThat(problems("{requestsPerSecond: 0, burst: 25}")).singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/x-rate-limit"));
    }
}
