package dev.specwright.generator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.emit.GeneratedFile;
import dev.specwright.generator.load.SpecLoader;
import io.swagger.v3.oas.models.OpenAPI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether the generated OAuth 2.0 client-credentials factory sends its token request as JSON: the flow's
 * {@code x-token-request}, else the spec's own JSON-only POST at the token URL; a form otherwise.
 */
class JsonTokenRequestTest {

    @TempDir
    Path dir;

    private static String spec(String server, String tokenUrl, String flowExtra, String tokenBodyMedia) {
        return """
                openapi: 3.1.0
                info: {title: Shop, version: '1'}
                servers: [{url: '%s'}]
                security: [{oauth: []}]
                paths:
                  /orders:
                    get:
                      operationId: listOrders
                      responses: {'204': {description: done}}
                  /oauth2-token:
                    post:
                      operationId: token
                      security: []
                      requestBody:
                        content:
                          %s:
                            schema: {type: object, properties: {grant_type: {type: string}}}
                      responses: {'204': {description: done}}
                components:
                  securitySchemes:
                    oauth:
                      type: oauth2
                      flows: {clientCredentials: {tokenUrl: '%s', scopes: {}%s}}
                """.formatted(server, tokenBodyMedia, tokenUrl, flowExtra);
    }

    private ApiModel.CredentialPart.OAuth2ClientCredentials part(String spec, List<SpecProblem> problems) throws Exception {
        OpenAPI api = new SpecLoader().load(Files.writeString(dir.resolve("openapi.yaml"), spec));
        CredentialsPass.Credentials credentials = CredentialsPass.run(CredentialsPass.requirements(api),
                api.getComponents().getSecuritySchemes(), CredentialsPass.jsonPostUrls(api), "openapi.yaml", problems);
        return (ApiModel.CredentialPart.OAuth2ClientCredentials) credentials.factories().get(0).parts().get(0);
    }

    @Test
    void aTokenUrlTheSpecDescribesAsAJsonOnlyPostTakesAJsonRequest() throws Exception {
        List<SpecProblem> problems = new ArrayList<>();
        assertThat(part(spec("https://shop.example.com", "https://shop.example.com/oauth2-token", "", "application/json"), problems)
                .jsonTokenRequest()).isTrue();
        assertThat(part(spec("https://shop.example.com/", "https://shop.example.com/oauth2-token", "", "'application/vnd.api+json'"),
                problems).jsonTokenRequest()).as("trailing slash of the server, the JSON:API type").isTrue();
        assertThat(part(spec("/", "https://shop.example.com/oauth2-token", "", "application/json"), problems)
                .jsonTokenRequest()).as("a relative server: the path decides").isTrue();
        assertThat(problems).isEmpty();
    }

    @Test
    void aFormBodyAnotherHostOrAMixedBodyIsAFormRequestAsBefore() throws Exception {
        List<SpecProblem> problems = new ArrayList<>();
        assertThat(part(spec("https://shop.example.com", "https://shop.example.com/oauth2-token", "",
                "application/x-www-form-urlencoded"), problems).jsonTokenRequest()).isFalse();
        assertThat(part(spec("https://shop.example.com", "https://auth.example.com/oauth2-token", "", "application/json"), problems)
                .jsonTokenRequest()).as("same path on another host is another endpoint").isFalse();
        String mixed = spec("https://shop.example.com", "https://shop.example.com/oauth2-token", "",
                "application/json:\n            schema: {type: object}\n          application/x-www-form-urlencoded");
        assertThat(mixed).contains("application/x-www-form-urlencoded:\n            schema");
        assertThat(part(mixed, problems).jsonTokenRequest()).as("a form is also accepted: keep the standard").isFalse();
        assertThat(problems).isEmpty();
    }

    @Test
    void theFlowsExtensionDecidesWhereTheSpecDoesNotDescribeTheEndpoint() throws Exception {
        List<SpecProblem> problems = new ArrayList<>();
        assertThat(part(spec("https://shop.example.com", "https://auth.example.com/token", ", x-token-request: json",
                "application/x-www-form-urlencoded"), problems).jsonTokenRequest()).isTrue();
        assertThat(part(spec("https://shop.example.com", "https://shop.example.com/oauth2-token", ", x-token-request: form",
                "application/json"), problems).jsonTokenRequest()).as("the extension wins over detection").isFalse();
        assertThat(problems).isEmpty();
    }

    @Test
    void aBadExtensionIsAProblemAtItsPointerSayingWhatToWrite() throws Exception {
        List<SpecProblem> problems = new ArrayList<>();
        part(spec("https://shop.example.com", "https://auth.example.com/token", ", x-token-request: JSON-body",
                "application/json"), problems);
        part(spec("https://shop.example.com", "https://auth.example.com/token", ", x-token-request: true",
                "application/json"), problems);
        assertThat(problems).hasSize(2).allSatisfy(p -> {
            assertThat(p.pointer()).isEqualTo("/components/securitySchemes/oauth/flows/clientCredentials/x-token-request");
            assertThat(p.rule()).startsWith("x-token-request must be json or form");
            assertThat(p.fix()).contains("x-token-request: json", "form");
        });
        assertThat(problems.get(0).rule()).contains("\"JSON-body\"");
        assertThat(problems.get(1).rule()).contains("a Boolean");
    }

    @Test
    void theGeneratedFactorySetsTheJsonTokenRequestOnlyWhenTheSpecSaysSo() throws Exception {
        String json = credentials(spec("https://shop.example.com", "https://shop.example.com/oauth2-token", "", "application/json"));
        String form = credentials(spec("https://shop.example.com", "https://shop.example.com/oauth2-token", "",
                "application/x-www-form-urlencoded"));
        assertThat(json).contains(".clientSecret(clientSecret).jsonTokenRequest(true).build()")
                .contains("fetched from <code>https://shop.example.com/oauth2-token</code> with a JSON request,");
        assertThat(form).doesNotContain("jsonTokenRequest").doesNotContain("JSON request")
                .contains(".clientSecret(clientSecret).build()");
    }

    private String credentials(String spec) throws Exception {
        Path file = Files.writeString(dir.resolve("openapi.yaml"), spec);
        return new Generator().files(GeneratorOptions.builder(file, Path.of("unused")).basePackage("shop").build()).stream()
                .filter(f -> f.path().endsWith("Credentials.java")).map(GeneratedFile::content).findFirst().orElseThrow();
    }
}
