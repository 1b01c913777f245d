package dev.specwright.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBasicHeaderIsRedactedAsTheHeaderTheBase64ThePairAndThePassword() {
        String pair = "user:pa55/w\u00f6rd\"x";
        Redactor redactor = Redactor.of(List.of("Basic " + base64(pair)));

        assertThat(redactor.redact("echo: " + base64(pair) + " | " + pair + " | pa55/w\u00f6rd\"x | "
                + PercentEncoder.encode("pa55/w\u00f6rd\"x") + " | " + URLEncoder.encode("pa55/w\u00f6rd\"x", StandardCharsets.UTF_8)
                + " | pa55/w\u00f6rd\\\"x | pa55\\/w\\u00f6rd\\\"x"))
                .isEqualTo("echo: *** | *** | *** | *** | *** | *** | ***");
    }

    @Test
    void shapesGoWhateverTheirValues() {
        Redactor shapes = Redactor.SHAPES_ONLY;

        assertThat(shapes.redact("Authorization: Bearer eyJ.abc.def")).isEqualTo("Authorization: ***");
        assertThat(shapes.redact("bad credentials: Authorization=Basic dXNlcjpzZWNyZXQ=")).isEqualTo("bad credentials: Authorization=***");
        assertThat(shapes.redact("sent Bearer abc123def456 and Basic dXNlcjpzZWNyZXQ=")).isEqualTo("sent Bearer *** and Basic ***");
        assertThat(shapes.redact("GET /x?api_key=k3y&page=2&access_token=t0k")).isEqualTo("GET /x?api_key=***&page=2&access_token=***");
        assertThat(shapes.redact("{\"client_secret\":\"s\\\"3\",\"name\":\"n\"}")).isEqualTo("{\"client_secret\":\"***\",\"name\":\"n\"}");
        // prose is left alone
        assertThat(shapes.redact("Basic authentication required; the token expired; page=2"))
                .isEqualTo("Basic authentication required; the token expired; page=2");
    }

    @Test
    void shortSecretsAreNotRedactedByValue() {
        Redactor redactor = Redactor.of(List.of("abc", "Basic " + base64("u:abc")));

        assertThat(redactor.redact("abc " + base64("u:abc"))).isEqualTo("abc ***");
    }

    @Test
    void learntTokensAreRedactedAndOnlyTheLastSixteenKept() {
        Redactor redactor = Redactor.of(List.of());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add("rotated-token-" + i);
            redactor.learn(List.of("Bearer rotated-token-" + i));
        }

        assertThat(redactor.redact("rotated-token-19 rotated-token-4")).isEqualTo("*** ***");
        assertThat(redactor.redact("x rotated-token-3 y")).isEqualTo("x rotated-token-3 y"); // forgotten: 4..19 kept
        assertThat(Redactor.SHAPES_ONLY.redact("rotated-token-19")).isEqualTo("rotated-token-19"); // never learns
    }

    @Test
    void aCauseQuotingASecretIsReplacedByAStandInWithTheSameStack() {
        Redactor redactor = Redactor.of(List.of("s3cret-value"));
        IOException inner = new IOException("Unrecognized token 's3cret-value'");
        RuntimeException outer = new RuntimeException("wrapper", inner);
        IOException clean = new IOException("connection reset");

        Throwable scrubbed = redactor.scrubbed(outer);

        assertThat(redactor.scrubbed(clean)).isSameAs(clean);
        assertThat(scrubbed).isNotSameAs(outer).hasMessage("java.lang.RuntimeException: wrapper");
        assertThat(scrubbed.getCause()).hasMessage("java.io.IOException: Unrecognized token '***'");
        assertThat(scrubbed.getCause().getStackTrace()).isEqualTo(inner.getStackTrace());
    }
}
