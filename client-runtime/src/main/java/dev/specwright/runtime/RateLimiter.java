package dev.specwright.runtime;

import dev.specwright.runtime.internal.Durations;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.VerboseResult;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One {@link RateLimit} bucket (Bucket4j, in this JVM or in a {@link BucketStore} several JVMs share), read on a
 * {@link TimeSource} and waiting through it, plus the state of adaptive mode. Thread-safe: shared by every client of
 * one base URI and caller identity (see {@link RateLimiters}). A shared store is reached on first use; when it cannot
 * be, taking a token fails with a {@link TransportException}, while telling it about answers (adaptive mode) or giving a
 * token back only logs the failure, since the call itself went fine.
 */
final class RateLimiter {

    /** Each recovery step adds this share of the configured rate. */
    private static final int RECOVERY_STEPS = 10;
    private static final double NANOS_PER_SECOND = 1e9;

    private static final System.Logger LOG = System.getLogger(ApiClient.class.getName());

    private final RateLimit limit;
    private final TimeSource time;
    private final double floorRate;
    private final String storeKey;
    private volatile Bucket bucket; // a shared store's is made on first use: the store may be down at start-up

    // adaptive state, guarded by this
    private double currentRate;
    private long successStreak;

    // start-up alignment (see answered()), guarded by this
    private boolean awaitingFirstAnswer;
    private long firstTakenAt;

    /** A bucket in this JVM. */
    RateLimiter(RateLimit limit, TimeSource time) {
        this(limit, time, null);
    }

    /** @param storeKey the bucket's key in the limit's {@link BucketStore}; null for a bucket in this JVM */
    RateLimiter(RateLimit limit, TimeSource time, String storeKey) {
        if (limit.isOff()) {
            throw new IllegalArgumentException("RateLimit.off() has no bucket");
        }
        this.limit = limit;
        this.currentRate = limit.requestsPerSecond();
        this.floorRate = Math.min(1.0, limit.requestsPerSecond());
        this.time = time;
        this.storeKey = storeKey;
        if (limit.store().isEmpty()) {
            this.bucket = Bucket.builder().withCustomTimePrecision(monotonic(time)).addLimit(bandwidth(currentRate)).build();
        }
    }

    private static TimeMeter monotonic(TimeSource time) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return time.nanoTime();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }

    /** The bucket; a shared store's is looked up on first use. */
    private Bucket bucket() {
        Bucket known = bucket;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (bucket == null) {
                bucket = limit.store().orElseThrow().bucket(storeKey,
                        BucketConfiguration.builder().addLimit(bandwidth(currentRate)).build(), time);
            }
            return bucket;
        }
    }

    /** Runs an operation on the bucket; a shared store's failure becomes a {@link TransportException}. */
    private <T> T onBucket(Function<Bucket, T> operation) {
        try {
            return operation.apply(bucket());
        } catch (RuntimeException e) {
            if (limit.store().isEmpty()) {
                throw e;
            }
            // the exception's own message may name the store's address, which may hold its password
            throw new TransportException("the shared rate-limit bucket (" + limit + ") could not be reached: "
                    + e.getClass().getName(), e);
        }
    }

    /** As {@link #onBucket}, for bookkeeping that must not fail a call that went fine: a failure is logged. */
    private void quietlyOnBucket(String what, Consumer<Bucket> operation) {
        try {
            onBucket(b -> {
                operation.accept(b);
                return null;
            });
        } catch (TransportException e) {
            LOG.log(Level.WARNING, () -> what + " failed: " + e.getMessage());
        }
    }

    RateLimit limit() {
        return limit;
    }

    /**
     * Takes one token, waiting for it on the time source if need be.
     *
     * @param maxWait the longest wait acceptable; null for no limit
     * @return false, having taken nothing and waited not at all, if the token would come only after {@code maxWait}
     * @throws InterruptedException if interrupted while waiting; the token is given back, as the request will not go
     */
    boolean acquire(Duration maxWait) throws InterruptedException {
        long wait = reserve(maxWait);
        if (wait < 0) {
            return false;
        }
        if (wait > 0) {
            try {
                time.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                release();
                throw e;
            }
        }
        return true;
    }

    /**
     * Reserves one token without waiting: the caller then waits the returned time itself, by sleeping or, for an
     * asynchronous call, by scheduling its next step. Reservations queue up in the bucket, so callers are served in the
     * order they asked, and none of them polls.
     *
     * @param maxWait the longest wait acceptable; null for no limit
     * @return the nanoseconds until the token is due (0: now), or -1, having reserved nothing, if it would come only
     *         after {@code maxWait}
     */
    long reserve(Duration maxWait) {
        long now = time.nanoTime();
        // Bucket4j reserves the token, then hands the time to wait to a BlockingStrategy; this one only notes it. The
        // verbose result tells, in the same step, how full the bucket was.
        long[] due = {0};
        BlockingStrategy note = nanos -> due[0] = nanos;
        VerboseResult<Boolean> taken = onBucket(b -> {
            if (maxWait != null && (maxWait.isZero() || maxWait.isNegative())) {
                return b.asVerbose().tryConsume(1);
            }
            try {
                return maxWait == null ? b.asBlocking().asVerbose().consume(1, note).withValue(true)
                        : b.asBlocking().asVerbose().tryConsume(1, maxWait.toNanos(), note);
            } catch (InterruptedException e) {
                throw new AssertionError("noting a wait does not wait, so it cannot be interrupted", e);
            }
        });
        if (!taken.getValue()) {
            return -1;
        }
        if (due[0] == 0 && taken.getDiagnostics().getAvailableTokens() >= limit.burst() - 1) {
            takenFromFullBucket(now);
        }
        return due[0];
    }

    /**
     * A token was taken from a full bucket: it sat idle, so the server's is full too, and does not refill until a
     * request reaches it (see {@link #answered()}).
     */
    private synchronized void takenFromFullBucket(long at) {
        if (!awaitingFirstAnswer) {
            awaitingFirstAnswer = true;
            firstTakenAt = at;
        }
    }

    /**
     * An answer arrived (any status). The first one after a start from a full bucket lines this bucket up with the
     * server's: this one has been refilling since its first token was taken, the server's only since that request
     * arrived, which on a cold start (TCP and TLS handshakes) can be a second later. The tokens refilled meanwhile,
     * {@code rate × elapsed} rounded up, are held back; otherwise the client would run ahead of the server by that
     * much for good, and every answer would come late or as a 429. On a warm connection the elapsed time is a few
     * milliseconds, less than one refill period, and nothing is held back.
     */
    void answered() {
        long holdBack;
        long elapsed;
        synchronized (this) {
            if (!awaitingFirstAnswer) {
                return;
            }
            awaitingFirstAnswer = false;
            elapsed = time.nanoTime() - firstTakenAt;
            long period = refillPeriodNanos(currentRate);
            // rounded up, so the server is never left a fraction of a token short for good; under one refill period
            // (a warm connection) nothing
            holdBack = elapsed < period ? 0 : Math.min(limit.burst(), (elapsed + period - 1) / period);
        }
        if (holdBack > 0) {
            LOG.log(Level.DEBUG, () -> "the first answer after a start from a full bucket (" + limit + ") took "
                    + Durations.readable(Duration.ofNanos(elapsed)) + "; holding back " + holdBack
                    + " tokens the server has not refilled yet");
            quietlyOnBucket("holding back tokens", b -> b.consumeIgnoringRateLimits(holdBack));
        }
    }

    /** Gives a reserved token back: its request will not be sent (interrupted, cancelled, out of time). */
    void release() {
        quietlyOnBucket("giving back a rate-limit token", b -> b.addTokens(1));
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
            quietlyOnBucket("emptying the bucket after a 429", Bucket::tryConsumeAsMuchAsPossible);
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
        quietlyOnBucket("changing the bucket's rate", b -> b.replaceConfiguration(
                BucketConfiguration.builder().addLimit(bandwidth(rate)).build(), TokensInheritanceStrategy.AS_IS));
    }

    /** Greedy refill of one token per {@code 1/rate} seconds: tokens trickle in rather than arriving once a second. */
    private Bandwidth bandwidth(double rate) {
        return Bandwidth.builder().capacity(limit.burst()).refillGreedy(1, Duration.ofNanos(refillPeriodNanos(rate))).build();
    }

    private static long refillPeriodNanos(double rate) {
        return Math.max(1, Math.round(NANOS_PER_SECOND / rate));
    }

    @Override
    public String toString() {
        return "RateLimiter[" + limit + ", now " + currentRate() + "/s]";
    }
}
