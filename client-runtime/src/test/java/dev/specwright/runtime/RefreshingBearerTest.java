package dev.specwright.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A bearer token the application renews: a 401 refreshes it once however many calls were refused, each goes again. */
class RefreshingBearerTest {

    static final String OLD = "old-t0k3n-NEVER-SHOWN";
    static final String FRESH = "fresh-t0k3n-NEVER-SHOWN";
    static final int THREADS = 32;

    @RegisterExtension
    static WireMockExtension server = AuthFixture.httpsServer();

    private final AuthFixture auth = new AuthFixture(server);

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @AfterEach
    void noTokenLogged() {
        AuthFixture.assertNothingLogged(logs, OLD, FRESH);
    }

    /** Hands out {@code OLD} until refreshed, then {@code FRESH}; counts the refreshes and what they were told. */
    static final class Tokens implements RefreshableToken {
        final AtomicInteger refreshes = new AtomicInteger();
        final List<String> refused = new ArrayList<>();
        final CyclicBarrier firstCalls; // null: no waiting
        volatile String current = OLD;

        Tokens(CyclicBarrier firstCalls) {
            this.firstCalls = firstCalls;
        }

        @Override
        public String token() {
            String now = current;
            if (firstCalls != null && now.equals(OLD)) {
                try {
                    firstCalls.await(10, TimeUnit.SECONDS); // every thread holds the old token before any is sent
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return now;
        }

        @Override
        public synchronized void refresh(String token) {
            refreshes.incrementAndGet();
            refused.add(token);
            current = FRESH;
        }
    }

    private ApiClient client(RefreshableToken tokens) {
        return AuthFixture.client(auth.options(Credentials.builder().bearer(tokens).build())
                .retryPolicy(RetryPolicy.none()).rateLimit(RateLimit.off()));
    }

    private static void oldRefusedFreshAccepted() {
        server.stubFor(get(urlPathEqualTo("/api/ping")).withHeader("Authorization", equalTo("Bearer " + OLD))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"token revoked\"}")));
        server.stubFor(get(urlPathEqualTo("/api/ping")).withHeader("Authorization", equalTo("Bearer " + FRESH))
                .willReturn(okJson("{\"ok\":true}")));
    }

    private static ApiRequest ping() {
        return AuthFixture.ping();
    }

    @Test
    void thirtyTwoThreadsRefusedTogetherRefreshTheTokenOnceAndEachCallGoesAgain() throws Exception {
        oldRefusedFreshAccepted();
        Tokens tokens = new Tokens(new CyclicBarrier(THREADS));
        ApiClient client = client(tokens);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                calls.add(threads.submit(() -> client.send(ping())));
            }
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS); // succeeded: a 200 after the refresh
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(tokens.refreshes).hasValue(1);
        assertThat(tokens.refused).containsExactly(OLD);
        server.verify(THREADS, getRequestedFor(urlPathEqualTo("/api/ping")).withHeader("Authorization", equalTo("Bearer " + OLD)));
        server.verify(THREADS, getRequestedFor(urlPathEqualTo("/api/ping")).withHeader("Authorization", equalTo("Bearer " + FRESH)));
    }

    @Test
    void asyncCallsRefusedTogetherRefreshOnceToo() {
        oldRefusedFreshAccepted();
        Tokens tokens = new Tokens(null);
        ApiClient client = client(tokens);

        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            calls.add(client.sendAsync(ping())); // all authenticated with the old token before any answer
        }

        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join(); // each succeeded after the refresh
        assertThat(tokens.refreshes).hasValue(1);
        server.verify(THREADS, getRequestedFor(urlPathEqualTo("/api/ping")).withHeader("Authorization", equalTo("Bearer " + FRESH)));
    }

    @Test
    void aTokenRefusedAgainAfterTheRefreshEndsTheCallWithItsApiExceptionAndNoTokenInIt() {
        server.stubFor(get(urlPathEqualTo("/api/ping")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"no\"}")));
        Tokens tokens = new Tokens(null);

        ApiException refused = catchThrowableOfType(ApiException.class, () -> client(tokens).send(ping()));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(tokens.refreshes).hasValue(1); // the old one refreshed; the fresh one refused too: no second refresh
        server.verify(2, getRequestedFor(urlPathEqualTo("/api/ping")));
        assertThat(refused.toString()).doesNotContain(OLD).doesNotContain(FRESH);
        assertThat(Credentials.builder().bearer(tokens).build().toString()).doesNotContain(OLD).doesNotContain(FRESH)
                .contains("refreshed on a 401");
    }

    @Test
    void aLate401ToATokenRefreshedTwiceAgoRefreshesNothing() {
        List<String> refreshed = new ArrayList<>();
        String[] current = {"t1"};
        RefreshingBearer bearer = new RefreshingBearer(new RefreshableToken() {
            @Override
            public String token() {
                return current[0];
            }

            @Override
            public void refresh(String refused) {
                refreshed.add(refused);
                current[0] = "t" + (refreshed.size() + 1);
            }
        });

        assertThat(bearer.refused(sent("t1"))).isTrue(); // t1 -> t2
        assertThat(bearer.refused(sent("t2"))).isTrue(); // t2 -> t3
        assertThat(bearer.refused(sent("t1"))).isTrue(); // late: sent again with t3, no refresh
        assertThat(bearer.refused(sent("t2"))).isTrue();

        assertThat(refreshed).containsExactly("t1", "t2");
        assertThat(current[0]).isEqualTo("t3");
        assertThat(bearer.refused(sent("t3"))).isTrue();
        assertThat(refreshed).containsExactly("t1", "t2", "t3");
        assertThat(bearer.refused(java.net.http.HttpHeaders.of(java.util.Map.of("Authorization", List.of("Basic x")),
                (a, b) -> true))).isFalse(); // not ours
    }

    @Test
    void aRefreshThatFailsEndsTheCallWithIts401AndTheFailureWithoutTheToken() {
        oldRefusedFreshAccepted();
        RefreshableToken failing = new RefreshableToken() {
            @Override
            public String token() {
                return OLD;
            }

            @Override
            public void refresh(String refused) {
                throw new IllegalStateException("the token service refused to renew " + refused);
            }
        };

        ApiException refused = catchThrowableOfType(ApiException.class, () -> client(failing).send(ping()));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.getSuppressed()).singleElement().satisfies(s -> assertThat(s.getMessage())
                .contains("the token service refused to renew").doesNotContain(OLD));
        java.io.StringWriter printed = new java.io.StringWriter();
        refused.printStackTrace(new java.io.PrintWriter(printed));
        assertThat(printed.toString()).doesNotContain(OLD);
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/ping"))); // not sent again
    }

    private static java.net.http.HttpHeaders sent(String token) {
        return java.net.http.HttpHeaders.of(java.util.Map.of("Authorization", List.of("Bearer " + token)), (a, b) -> true);
    }
}
