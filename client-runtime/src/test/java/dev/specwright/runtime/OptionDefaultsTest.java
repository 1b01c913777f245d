package dev.specwright.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The defaults the Javadoc of {@link ClientOptions.Builder} and {@link RateLimit#off()} promise, read back. */
class OptionDefaultsTest {

    @Test
    void optionsBuiltByHandHaveTheDefaultsTheirJavadocNames() {
        ClientOptions options = ClientOptions.builder().baseUri(URI.create("https://api.example/api")).build();

        assertThat(options.rateLimit()).isEqualTo(RateLimit.off()); // "Options built here without one have none"
        assertThat(options.rateLimit().isOff()).isTrue();
        assertThat(options.rateLimitScope()).isEqualTo(RateLimitScope.perClient());
        assertThat(options.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.maxInMemoryBodySize()).isEqualTo(16L * 1024 * 1024);
        assertThat(options.timeSource()).isSameAs(TimeSource.system());
        assertThat(options.sslContext()).isEmpty();
        assertThat(options.allowPlainHttpToLoopback()).isFalse();
    }
}
