package dev.specwright.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * The bucket's arithmetic on a virtual clock: burst, steady rate, deadline, interruption, adaptive mode. A token taken
 * from a full bucket starts a cold start, which hands out no more than the burst until an answer comes (see
 * {@code ColdStartTest}); a caller that sends one call at a time has its answer before it asks again, which
 * {@link #takeAnswered} plays.
 */
class RateLimiterTest {

    private final VirtualTime time = new VirtualTime();

    /** Takes a token and has the answer come at once, as for one caller's call on a warm connection. */
    private static void takeAnswered(RateLimiter limiter) throws InterruptedException {
        assertThat(limiter.acquire(null)).isTrue();
        limiter.answered();
    }

    @Test
    void letsTheBurstThroughThenHoldsTheRate() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(RateLimit.of(10, 25), time);

        takeAnswered(limiter);
        for (int i = 1; i < 35; i++) {
            assertThat(limiter.acquire(null)).isTrue();
        }

        assertThat(time.elapsed()).isEqualTo(Duration.ofMillis(1000)); // (35 - 25) / 10 per second
        assertThat(time.sleeps()).containsExactlyElementsOf(Collections.nCopies(10, Duration.ofMillis(100)));
    }

    @Test
    void refillsWhileIdleUpToTheBurst() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(RateLimit.of(10, 25), time);
        for (int i = 0; i < 25; i++) {
            takeAnswered(limiter);
        }

        time.advance(Duration.ofMillis(500)); // 5 tokens back
        for (int i = 0; i < 5; i++) {
            takeAnswered(limiter);
        }
        assertThat(time.sleeps()).isEmpty();
        takeAnswered(limiter);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100));

        time.advance(Duration.ofHours(1)); // never more than the burst
        for (int i = 0; i < 26; i++) {
            takeAnswered(limiter);
        }
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100));
    }

    @Test
    void takesNothingWhenTheTokenWouldComeTooLate() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(RateLimit.of(2, 1), time);
        takeAnswered(limiter);

        assertThat(limiter.acquire(Duration.ofMillis(499))).isFalse();
        assertThat(limiter.acquire(Duration.ZERO)).isFalse();
        assertThat(time.sleeps()).isEmpty();
        assertThat(limiter.acquire(Duration.ofMillis(500))).isTrue();
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void givesTheTokenBackWhenInterrupted() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(RateLimit.of(10, 1), time);
        takeAnswered(limiter);

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> limiter.acquire(null)).isInstanceOf(InterruptedException.class);

        limiter.acquire(null); // waits for one token, not two: the interrupted reservation was returned
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void allowsFractionalRates() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(RateLimit.of(0.5, 1), time);

        takeAnswered(limiter);
        limiter.acquire(null);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void adaptiveModeHalvesOnThrottlingDownToOnePerSecond() {
        RateLimiter limiter = new RateLimiter(RateLimit.of(10, 25).adaptive(), time);

        limiter.throttled();
        assertThat(limiter.currentRate()).isEqualTo(5.0);
        limiter.throttled();
        limiter.throttled();
        limiter.throttled();
        assertThat(limiter.currentRate()).isEqualTo(1.0);
        limiter.throttled();
        assertThat(limiter.currentRate()).isEqualTo(1.0);
    }

    @Test
    void adaptiveModeEmptiesTheBucketOnThrottling() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(RateLimit.of(10, 25).adaptive(), time);
        takeAnswered(limiter);

        limiter.throttled();
        limiter.acquire(null);

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(200)); // 24 saved tokens dropped; 5/s now
    }

    @Test
    void adaptiveModeRecoversStepByStepAfterRunsOfSuccesses() {
        RateLimiter limiter = new RateLimiter(RateLimit.of(10, 25).adaptive(), time);
        limiter.throttled();

        for (int i = 0; i < 4; i++) {
            limiter.succeeded();
        }
        assertThat(limiter.currentRate()).isEqualTo(5.0);
        limiter.succeeded(); // a run as long as the rate: one step up
        assertThat(limiter.currentRate()).isEqualTo(6.0);
        limiter.throttled(); // a 429 ends the run
        assertThat(limiter.currentRate()).isEqualTo(3.0);

        for (int i = 0; i < 100; i++) {
            limiter.succeeded();
        }
        assertThat(limiter.currentRate()).isEqualTo(10.0); // never above the configured rate
    }

    @Test
    void fixedModeIgnoresTheServersAnswers() {
        RateLimiter limiter = new RateLimiter(RateLimit.of(10, 25), time);

        limiter.throttled();

        assertThat(limiter.currentRate()).isEqualTo(10.0);
    }

    @Test
    void holdsBackWhatRefilledBeforeTheFirstAnswerAfterStartingFromAFullBucket() {
        RateLimiter limiter = new RateLimiter(RateLimit.of(10, 25), time);
        for (int i = 0; i < 25; i++) {
            assertThat(limiter.reserve(null)).isZero();
        }
        time.advance(Duration.ofMillis(750)); // the burst's TLS handshakes: the server has not refilled meanwhile

        limiter.answered();
        limiter.answered(); // only the first answer counts

        // 7.5 tokens refilled in 750 ms, 8 held back (rounded up): the next is due in 150 ms
        assertThat(limiter.reserve(null)).isEqualTo(Duration.ofMillis(150).toNanos());
    }

    @Test
    void holdsBackEvenTheFractionRefilledBeforeAWarmFirstAnswer() {
        RateLimiter limiter = new RateLimiter(RateLimit.of(10, 25), time);
        for (int i = 0; i < 25; i++) {
            limiter.reserve(null);
        }
        time.advance(Duration.ofMillis(99)); // 0.99 of a token here; the server's refill began when a request arrived
        limiter.answered(); // so that fraction, rounded up to one token, is held back
        time.advance(Duration.ofMillis(1));

        assertThat(limiter.reserve(null)).isEqualTo(Duration.ofMillis(100).toNanos());
    }

    @Test
    void holdsBackNothingWhenTheAnswerComesAtTheSameInstant() {
        RateLimiter limiter = new RateLimiter(RateLimit.of(10, 25), time);
        limiter.reserve(null);
        limiter.answered();
        time.advance(Duration.ofMillis(100));

        for (int i = 0; i < 25; i++) {
            assertThat(limiter.reserve(null)).isZero();
        }
    }

    @Test
    void answersSlowerThanTheRefillAfterAColdStartHoldBackWhatTheServerWastedWhileFull() {
        RateLimiter limiter = new RateLimiter(RateLimit.of(10, 25), time);
        for (int i = 0; i < 25; i++) {
            limiter.reserve(null);
        }
        limiter.answered(); // at once: the server's bucket has 24 and refills
        time.advance(Duration.ofMillis(500)); // but the other 24 may reach it only now: it sat full for 0.4 s
        for (int i = 0; i < 24; i++) {
            limiter.answered();
        }

        // this bucket refilled 5 in the 0.5 s; the server may have only 1 (refilled) - and the 24 answered just now
        // took theirs: 4 held back, so the next token is due 0.5 s after the first answer, one refill period on
        assertThat(limiter.reserve(Duration.ZERO)).isZero();
        assertThat(limiter.reserve(Duration.ZERO)).isEqualTo(-1);
    }

    @Test
    void alignsAgainWheneverATokenIsTakenFromABucketThatRefilledToFull() {
        RateLimiter limiter = new RateLimiter(RateLimit.of(10, 25), time);
        limiter.reserve(null);
        limiter.reserve(null);
        time.advance(Duration.ofMillis(150)); // 24 tokens, not full: the next take starts no alignment
        limiter.reserve(null);
        time.advance(Duration.ofMillis(300));
        // the first answer after the first take, which was from a full bucket: 4.5 refilled, but the bucket holds no
        // more than it did at the start, so 3 (those taken) held back
        limiter.answered();

        assertThat(limiter.reserve(Duration.ZERO)).isZero(); // 25 (refilled to full) - 3 held back - 1: 21 left

        time.advance(Duration.ofSeconds(3)); // full again
        for (int i = 0; i < 25; i++) {
            limiter.reserve(null);
        }
        time.advance(Duration.ofMillis(300));
        limiter.answered();

        assertThat(limiter.reserve(Duration.ZERO)).isEqualTo(-1); // 3 refilled, 3 held back
    }
}
