package dev.specwright.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} in each form RFC 9110 allows. */
class RetryAfterTest {

    static final Instant NOW = Instant.parse("1994-11-06T08:49:30Z");

    private static Optional<Duration> read(String... nameValuePairs) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            headers.put(nameValuePairs[i], List.of(nameValuePairs[i + 1]));
        }
        return RetryAfter.of(HttpHeaders.of(headers, (name, value) -> true), NOW);
    }

    @Test
    void readsDelaySeconds() {
        assertThat(read("Retry-After", "120")).contains(Duration.ofSeconds(120));
        assertThat(read("Retry-After", " 0 ")).contains(Duration.ZERO);
        assertThat(read("Retry-After", "99999999999999999999999")).contains(Duration.ofSeconds(Long.MAX_VALUE));
    }

    @Test
    void readsAllThreeHttpDateFormats() {
        assertThat(read("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT")).contains(Duration.ofSeconds(7));
        assertThat(read("Retry-After", "Sunday, 06-Nov-94 08:49:37 GMT")).contains(Duration.ofSeconds(7));
        assertThat(read("Retry-After", "Sun Nov  6 08:49:37 1994")).contains(Duration.ofSeconds(7));
    }

    @Test
    void measuresADateAgainstTheAnswersDateHeaderWhenThereIsOne() {
        // the local clock says 08:49:30, the server's 08:49:35: the server's is what its date means
        assertThat(read("Date", "Sun, 06 Nov 1994 08:49:35 GMT", "Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT"))
                .contains(Duration.ofSeconds(2));
        assertThat(read("Date", "not a date", "Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT"))
                .contains(Duration.ofSeconds(7));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertThat(read("Retry-After", "Sat, 05 Nov 1994 08:49:37 GMT")).contains(Duration.ZERO);
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(read()).isEmpty();
        assertThat(read("Retry-After", "")).isEmpty();
        assertThat(read("Retry-After", "-5")).isEmpty();
        assertThat(read("Retry-After", "1.5")).isEmpty();
        assertThat(read("Retry-After", "soon")).isEmpty();
    }
}
