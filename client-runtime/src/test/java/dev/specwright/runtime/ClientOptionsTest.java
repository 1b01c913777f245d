package dev.specwright.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientOptionsTest {

    private static ClientOptions.Builder base(String uri) {
        return ClientOptions.builder().baseUri(URI.create(uri));
    }

    @Test
    void requiresABaseUri() {
        assertThatThrownBy(() -> ClientOptions.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUri is required");
    }

    @Test
    void refusesPlainHttpToOtherHostsEvenWithTheOptIn() {
        assertThatThrownBy(() -> base("http://api.example.com/api").allowPlainHttpToLoopback(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http")
                .hasMessageContaining("use https://api.example.com/api");
    }

    @Test
    void refusesPlainHttpToLoopbackWithoutTheOptIn() {
        assertThatThrownBy(() -> base("http://localhost:8080/api").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowPlainHttpToLoopback(true)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:1", "http://127.1.2.3", "http://[::1]:9000/x"})
    void allowsPlainHttpToLoopbackWithTheOptIn(String uri) {
        assertThat(base(uri).allowPlainHttpToLoopback(true).build().baseUri()).hasScheme("http");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost.example.com", "http://128.0.0.1", "http://[::2]", "http://0.0.0.0"})
    void doesNotTakeLookalikesForLoopback(String uri) {
        assertThatThrownBy(() -> base(uri).allowPlainHttpToLoopback(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http");
    }

    @Test
    void refusesOtherSchemesAndRelativeUris() {
        assertThatThrownBy(() -> base("ftp://example.com").build()).hasMessageContaining("use https");
        assertThatThrownBy(() -> base("/api").build()).hasMessageContaining("absolute https URI");
        assertThatThrownBy(() -> base("https://example.com/api?x=1").build()).hasMessageContaining("query or fragment");
    }

    @Test
    void refusesUserInfoWithoutRepeatingIt() {
        assertThatThrownBy(() -> base("https://user:hunter2@example.com").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Credentials.builder().basic")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void stripsTrailingSlashes() {
        assertThat(base("https://example.com/api/").build().baseUri()).isEqualTo(URI.create("https://example.com/api"));
        assertThat(base("https://example.com/").build().baseUri()).isEqualTo(URI.create("https://example.com"));
    }

    @Test
    void refusesCrLfInDefaultHeadersWithoutEchoingTheValue() {
        assertThatThrownBy(() -> ClientOptions.builder().defaultHeader("X-Trace", "abc\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-Trace")
                .hasMessageNotContaining("X-Evil");
    }

    @Test
    void refusesHeadersTheTransportSetsItself() {
        assertThatThrownBy(() -> ClientOptions.builder().defaultHeader("Host", "example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Host");
    }

    @Test
    void theInMemoryBodyLimitIs16MiBUnlessSetAndMustFitAnArray() {
        ClientOptions.Builder builder = ClientOptions.builder().baseUri(URI.create("https://api.example.com"));

        assertThat(builder.build().maxInMemoryBodySize()).isEqualTo(16L * 1024 * 1024);
        assertThat(builder.maxInMemoryBodySize(1).build().maxInMemoryBodySize()).isEqualTo(1);
        for (long wrong : new long[] {0, -1, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> builder.maxInMemoryBodySize(wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxInMemoryBodySize must be between 1 and 2147483639 bytes, was " + wrong)
                    .hasMessageContaining("Download");
        }
        assertThatThrownBy(() -> RequestOptions.builder().maxInMemoryBodySize(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
