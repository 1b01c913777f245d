package dev.specwright.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void encodesBasicAuthAsUtf8() {
        Credentials credentials = Credentials.builder().basic("Aladdin", "open sesame").build();

        assertThat(credentials.headers()).containsExactly(entry("Authorization", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="));
        assertThat(Credentials.builder().basic("jörg", "pässwörd").build().headers().get("Authorization"))
                .isEqualTo("Basic asO2cmc6cMOkc3N3w7ZyZA==");
    }

    @Test
    void keepsHeadersInTheOrderGiven() {
        Credentials credentials = Credentials.builder().basic("u", "p").header("X-Tenant", "acme")
                .header("X-ConnectionId", "42").build();

        assertThat(credentials.headers()).containsKeys("Authorization", "X-Tenant", "X-ConnectionId");
        assertThat(credentials.headers().keySet()).containsExactly("Authorization", "X-Tenant", "X-ConnectionId");
    }

    @Test
    void sendsABearerToken() {
        assertThat(Credentials.builder().bearer("abc.def").build().headers())
                .containsExactly(entry("Authorization", "Bearer abc.def"));
    }

    @Test
    void refusesAColonInTheUserName() {
        assertThatThrownBy(() -> Credentials.builder().basic("a:b", "secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("':'")
                .hasMessageNotContaining("secret");
    }

    @Test
    void refusesTheSameHeaderTwice() {
        assertThatThrownBy(() -> Credentials.builder().basic("u", "p").bearer("t"))
                .hasMessageContaining("Authorization is already set");
        assertThatThrownBy(() -> Credentials.builder().header("X-Tenant", "a").header("x-tenant", "b"))
                .hasMessageContaining("already set");
    }

    @Test
    void redactsEveryValueInToString() {
        Credentials credentials = Credentials.builder().basic("u", "p").header("X-Tenant", "acme").build();

        assertThat(credentials).hasToString("Credentials[Authorization=***, X-Tenant=***]");
        assertThat(Credentials.none()).hasToString("Credentials[]");
        assertThat(Credentials.none().headers()).isEmpty();
    }
}
