package dev.specwright.runtime;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;

/**
 * One {@link RateLimit} bucket (Bucket4j, in this JVM), read on a {@link TimeSource} and waiting through it, plus the
 * state of adaptive mode. Thread-safe: shared by every client of one base URI and caller identity (see
 * {@link RateLimiters}).
 */
final class RateLimiter {

    /** Each recovery step adds this share of the configured rate. */
    private static final int RECOVERY_STEPS = 10;
    private static final double NANOS_PER_SECOND = 1e9;

    private final RateLimit limit;
    private final Bucket bucket;
    private final BlockingStrategy waiting;
    private final double floorRate;

    // adaptive state, guarded by this
    private double currentRate;
    private long successStreak;

    RateLimiter(RateLimit limit, TimeSource time) {
        if (limit.isOff()) {
            throw new IllegalArgumentException("RateLimit.off() has no bucket");
        }
        this.limit = limit;
        this.currentRate = limit.requestsPerSecond();
        this.floorRate = Math.min(1.0, limit.requestsPerSecond());
        this.waiting = nanos -> time.sleep(Duration.ofNanos(nanos));
        TimeMeter meter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return time.nanoTime();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.bucket = Bucket.builder().withCustomTimePrecision(meter).addLimit(bandwidth(currentRate)).build();
    }

    RateLimit limit() {
        return limit;
    }

    /**
     * Takes one token, waiting for it if need be.
     *
     * @param maxWait the longest wait acceptable; null for no limit
     * @return false, having taken nothing and waited not at all, if the token would come only after {@code maxWait}
     * @throws InterruptedException if interrupted while waiting; the token is given back, as the request will not go
     */
    boolean acquire(Duration maxWait) throws InterruptedException {
        try {
            if (maxWait == null) {
                bucket.asBlocking().consume(1, waiting);
                return true;
            }
            if (maxWait.isZero() || maxWait.isNegative()) {
                return bucket.tryConsume(1);
            }
            return bucket.asBlocking().tryConsume(1, maxWait.toNanos(), waiting);
        } catch (InterruptedException e) {
            bucket.addTokens(1);
            throw e;
        }
    }

    /** Adaptive mode: a 2xx answer; every {@code ceil(rate)} of them in a row raise the rate by one step. */
    void succeeded() {
        if (!limit.isAdaptive()) {
            return;
        }
        synchronized (this) {
            if (currentRate >= limit.requestsPerSecond() || ++successStreak < Math.ceil(currentRate)) {
                return;
            }
            successStreak = 0;
            setRate(Math.min(limit.requestsPerSecond(), currentRate + limit.requestsPerSecond() / RECOVERY_STEPS));
        }
    }

    /**
     * Adaptive mode: the server answered 429, so it counts this caller over its limit. The rate is halved and the bucket
     * emptied: tokens saved up locally would only buy more 429s.
     */
    void throttled() {
        if (!limit.isAdaptive()) {
            return;
        }
        synchronized (this) {
            successStreak = 0;
            setRate(Math.max(floorRate, currentRate / 2));
            bucket.tryConsumeAsMuchAsPossible();
        }
    }

    /** The rate tokens are refilled at now: the configured one, or lower while adaptive mode has backed off. */
    synchronized double currentRate() {
        return currentRate;
    }

    private void setRate(double rate) {
        if (rate == currentRate) {
            return;
        }
        currentRate = rate;
        bucket.replaceConfiguration(BucketConfiguration.builder().addLimit(bandwidth(rate)).build(),
                TokensInheritanceStrategy.AS_IS);
    }

    /** Greedy refill of one token per {@code 1/rate} seconds: tokens trickle in rather than arriving once a second. */
    private Bandwidth bandwidth(double rate) {
        long periodNanos = Math.max(1, Math.round(NANOS_PER_SECOND / rate));
        return Bandwidth.builder().capacity(limit.burst()).refillGreedy(1, Duration.ofNanos(periodNanos)).build();
    }

    @Override
    public String toString() {
        return "RateLimiter[" + limit + ", now " + currentRate() + "/s]";
    }
}
