package dev.specwright.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The two public value types that configure rate limiting and retries. */
class RetryPolicyTest {

    @Test
    void defaultsAreOnAndBounded() {
        RetryPolicy defaults = RetryPolicy.defaults();

        assertThat(defaults.maxAttempts()).isEqualTo(3);
        assertThat(defaults.initialBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(defaults.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.deadline()).isEmpty();
        assertThat(defaults).hasToString("RetryPolicy[3 attempts, backoff 200 ms..10 s, Retry-After ≤ 60 s, no deadline]");
        assertThat(ClientOptions.builder().baseUri(URI.create("https://api.example.com")).build().retryPolicy())
                .isEqualTo(defaults);
    }

    @Test
    void noneMakesOneAttempt() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.none()).hasToString("RetryPolicy[none]");
    }

    @Test
    void isAValue() {
        RetryPolicy custom = RetryPolicy.builder().maxAttempts(5).deadline(Duration.ofSeconds(30)).build();

        assertThat(custom).isEqualTo(RetryPolicy.defaults().toBuilder().maxAttempts(5).deadline(Duration.ofSeconds(30))
                .build()).hasSameHashCodeAs(custom.toBuilder().build());
        assertThat(custom.deadline()).contains(Duration.ofSeconds(30));
        assertThat(custom).isNotEqualTo(RetryPolicy.defaults());
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> RetryPolicy.builder().deadline(Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(-1)))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(20)).build())
                .hasMessageContaining("raise maxBackoff");
    }

    @Test
    void rateLimitIsAValueWithAnOffSwitch() {
        assertThat(RateLimit.of(10, 25)).isEqualTo(RateLimit.of(10, 25)).hasToString("RateLimit[10/s, burst 25]")
                .isNotEqualTo(RateLimit.of(10, 25).adaptive());
        assertThat(RateLimit.of(0.5, 1)).hasToString("RateLimit[0.5/s, burst 1]");
        assertThat(RateLimit.of(10, 25).adaptive()).hasToString("RateLimit[10/s, burst 25, adaptive]")
                .matches(RateLimit::isAdaptive);
        assertThat(RateLimit.off().isOff()).isTrue();
        assertThat(RateLimit.off()).hasToString("RateLimit[off]");
    }

    @Test
    void rateLimitRefusesSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> RateLimit.of(0, 25)).hasMessageContaining("RateLimit.off()");
        assertThatThrownBy(() -> RateLimit.of(Double.NaN, 25)).hasMessageContaining("positive");
        assertThatThrownBy(() -> RateLimit.of(10, 0)).hasMessageContaining("burst must be at least 1");
        assertThatThrownBy(() -> RateLimit.off().adaptive()).hasMessageContaining("cannot be adaptive");
    }
}
