package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14, point 1, on the wire and in the README's test command (the longer runs are {@link LoadTest}'s, tagged
 * "load"): one cold start of a new client, 32 threads sending {@code BURST + 2 × RATE} calls (two seconds past the burst),
 * against an HTTPS server on loopback that enforces the platform's bucket and answers 429 at once when it is empty.
 * Not one call may be refused. The client errs only on the slow side (a busy machine delays its calls, never hurries
 * them), so the assertion is as stable as the limiter is right; the old limiter, whose hold-back was taken after the
 * callers beyond the burst had reserved, fails it (checked by running it against the RateLimiter of 3c38f06: refused on each of two runs).
 */
class StrictServerColdStartTest {

    static final ServerBucket STRICT = new ServerBucket(LoadTest.RATE, LoadTest.BURST, Duration.ZERO);

    @RegisterExtension
    static WireMockExtension strictServer = WireMockExtension.newInstance()
            .options(TestTls.httpsServer().containerThreads(LoadTest.THREADS * 3).extensions(STRICT)).build();

    @Test
    void aColdStartOfThirtyTwoThreadsGetsNo429FromAServerThatRefusesAtOnce() throws Exception {
        STRICT.reset();
        strictServer.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(okJson("{\"ok\":true}")));
        int total = LoadTest.BURST + (int) (LoadTest.RATE * 2);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

        LoadTest.run(LoadTest.client(strictServer, "tenant-" + UUID.randomUUID()), total, failures);

        assertThat(STRICT.refused()).as("429s from the strict server").isZero();
        assertThat(failures).isEmpty();
        assertThat(strictServer.getAllServeEvents()).hasSize(total);
    }
}
