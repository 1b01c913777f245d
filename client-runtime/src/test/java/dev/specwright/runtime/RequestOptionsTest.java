package dev.specwright.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestOptionsTest {

    @Test
    void optionsAreAppliedToTheRequestLast() {
        RequestOptions options = RequestOptions.builder().timeout(Duration.ofSeconds(3)).header("X-Trace", "t-1")
                .idempotencyKey("order-7").retryNonIdempotent(true).build();

        ApiRequest request = options.applyTo(ApiRequest.builder("POST", "/orders").header("X-Trace", "from-op")).build();

        assertThat(request.timeout()).contains(Duration.ofSeconds(3));
        assertThat(request.idempotencyKey()).contains("order-7");
        assertThat(request.retryNonIdempotent()).isTrue();
        assertThat(request.headers().toString()).contains("t-1");
        assertThat(RequestOptions.none().applyTo(ApiRequest.builder("GET", "/x")).build().timeout()).isEmpty();
    }

    @Test
    void badValuesAreRefusedWhereTheyAreGiven() {
        assertThatThrownBy(() -> RequestOptions.builder().header("X-Bad", "a\r\nInjected: 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> RequestOptions.builder().idempotencyKey(" ")).hasMessageContaining("UUID");
    }

    @Test
    void toStringShowsNoHeaderValueNorKey() {
        String text = RequestOptions.builder().header("X-Api-Secret", "s3cret").idempotencyKey("k-secret").build().toString();
        assertThat(text).contains("X-Api-Secret").doesNotContain("s3cret").doesNotContain("k-secret");
    }
}
