package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.runtime.Credentials;
import org.junit.jupiter.api.Test;

class AuthTest {

    @Test
    void everySecuritySchemeKindGetsAFactory() throws Exception {
        Feature f = Feature.generate("auth.yaml");
        String source = f.source("/AuthCredentials.java").replaceAll("\\s+", " ");
        assertThat(source)
                .contains("public static Credentials oauth(String clientId, String clientSecret)")
                .contains("OAuth2ClientCredentials.builder().tokenUri(URI.create(\"https://auth.example.com/oauth2/token\"))")
                .contains(".scopes(\"read\", \"write\")")
                .contains("public static Credentials bearerAuth(String token)")
                .contains("public static Credentials apiKeyQuery(String apiKeyQuery)")
                .contains(".queryParameter(\"api_key\", apiKeyQuery)")
                .contains(".cookie(\"session\", apiKeyCookie)");

        Class<?> factories = f.loader.loadClass("feature.AuthCredentials");
        Credentials bearer = (Credentials) factories.getMethod("bearerAuth", String.class).invoke(null, "t0ken");
        assertThat(bearer.headers()).containsEntry("Authorization", "Bearer t0ken");
        assertThat(bearer.toString()).doesNotContain("t0ken");
        Object oauth = factories.getMethod("oauth", String.class, String.class).invoke(null, "id", "s3cret");
        assertThat(oauth.toString()).doesNotContain("s3cret");
    }

    @Test
    void aParameterTheCredentialsSendIsNotAskedForAgain() throws Exception {
        Feature f = Feature.generate("auth.yaml");
        String params = f.source("api/ListReportsParams.java");
        assertThat(params).contains("String since").doesNotContain("apiKey");
    }
}
