package dev.specwright.runtime;

import dev.specwright.runtime.internal.Durations;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One {@link RateLimit} bucket (Bucket4j, in this JVM or in a {@link BucketStore} several JVMs share), read on a
 * {@link TimeSource} and waiting through it, plus the state of adaptive mode. Thread-safe: shared by every client of
 * one base URI and caller identity (see {@link RateLimiters}). A shared store is reached on first use; when it cannot
 * be, taking a token fails with a {@link TransportException}, while telling it about answers (adaptive mode) or giving a
 * token back only logs the failure, since the call itself went fine.
 *
 * <p>A shared store's bucket is asynchronous and batched (see {@link BucketStore}): however many threads and
 * asynchronous calls of this JVM ask at once, at most one request per bucket is with the store at a time, and those
 * that came meanwhile go together in the next one. Blocking callers wait for its answer; asynchronous ones are handed
 * a future and block no thread.
 */
final class RateLimiter {

    /** Each recovery step adds this share of the configured rate. */
    private static final int RECOVERY_STEPS = 10;
    private static final double NANOS_PER_SECOND = 1e9;

    private static final System.Logger LOG = System.getLogger(ApiClient.class.getName());

    /** The pauses before asking a shared store again after a failed request (see {@link #reserveShared}). */
    private static final List<Duration> HICCUP_PAUSES = List.of(Duration.ofMillis(50), Duration.ofMillis(200),
            Duration.ofMillis(500));

    private final RateLimit limit;
    private final TimeSource time;
    private final double floorRate;
    private final String storeKey;
    private final Bucket local; // null for a shared store's bucket
    private volatile AsyncBucketProxy shared; // made on first use: the store may be down at start-up

    // adaptive state, guarded by this
    private double currentRate;
    private long successStreak;

    // start-up alignment (see answered()), guarded by this
    private boolean awaitingFirstAnswer;
    private long firstTakenAt;
    private int coldTaken; // tokens taken since the start from a full bucket, at most the burst
    private CompletableFuture<Void> coldStartEnded; // completed when a caller held back by it may ask again

    // the server's bucket as far as this client can know it (a bucket in this JVM only; see aligned()), guarded by this
    private double serverTokens;
    private long serverAt;
    private long inFlight; // tokens taken whose requests have not been answered, failed or given back

    /** What a reservation did: whether it took the token, the wait until it is due, and the tokens left after it. */
    private record Reservation(boolean taken, long nanos, long available) {}

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
        this.local = limit.store().isPresent() ? null
                : Bucket.builder().withCustomTimePrecision(monotonic(time)).addLimit(bandwidth(currentRate)).build();
        this.serverTokens = limit.burst();
        this.serverAt = time.nanoTime();
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

    /** The shared store's bucket, looked up on first use; throws if the store cannot be reached. */
    private AsyncBucketProxy shared() {
        AsyncBucketProxy known = shared;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (shared == null) {
                shared = limit.store().orElseThrow().bucket(storeKey,
                        BucketConfiguration.builder().addLimit(bandwidth(currentRate)).build(), time);
            }
            return shared;
        }
    }

    /** A shared store's failure, as callers see it. */
    private TransportException unreachable(Throwable failure) {
        Throwable cause = unwrapped(failure);
        if (cause instanceof TransportException already) {
            return already;
        }
        // the exception's own message may name the store's address, which may hold its password
        return new TransportException("the shared rate-limit bucket (" + limit + ") could not be reached: "
                + cause.getClass().getName(), cause);
    }

    /**
     * Bookkeeping that must not fail a call that went fine: done on the local bucket, or sent to the shared one without
     * waiting for it (it queues behind the requests already made, so it takes effect in order); a failure is logged.
     */
    private void quietly(String what, Consumer<Bucket> locally, Function<AsyncBucketProxy, CompletableFuture<?>> remotely) {
        if (local != null) {
            locally.accept(local);
            return;
        }
        try {
            remotely.apply(shared()).whenComplete((done, error) -> {
                if (error != null) {
                    logFailure(what, unreachable(error));
                }
            });
        } catch (RuntimeException e) {
            logFailure(what, unreachable(e));
        }
    }

    private static void logFailure(String what, TransportException failure) {
        LOG.log(Level.WARNING, () -> what + " failed: " + failure.getMessage());
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
        long wait = awaitReservation(maxWait);
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
     * Waits, interruptibly, for a reservation: the shared store's answer, or during a cold start the first answer (see
     * {@link #answered()}); one taken after all is given back.
     */
    private long awaitReservation(Duration maxWait) throws InterruptedException {
        CompletableFuture<Long> reserving = reserveAsync(maxWait);
        try {
            return reserving.get();
        } catch (InterruptedException e) {
            reserving.thenAccept(late -> {
                if (late >= 0) {
                    release();
                }
            });
            throw e;
        } catch (ExecutionException e) {
            throw failure(e);
        }
    }

    /** A failed reservation, as callers see it: a local bucket's exception as it is, a shared store's explained. */
    private RuntimeException failure(Throwable failed) {
        Throwable cause = unwrapped(failed);
        if (local != null && cause instanceof RuntimeException e) {
            return e;
        }
        if (local != null && cause instanceof Error e) {
            throw e;
        }
        return unreachable(cause);
    }

    /**
     * Reserves one token without waiting for it: the caller then waits the returned time itself, by sleeping or, for an
     * asynchronous call, by scheduling its next step. Reservations queue up in the bucket, so callers are served in the
     * order they asked, and none of them polls. With a shared store this blocks until the store answers; asynchronous
     * callers use {@link #reserveAsync}.
     *
     * @param maxWait the longest wait acceptable; null for no limit
     * @return the nanoseconds until the token is due (0: now), or -1, having reserved nothing, if it would come only
     *         after {@code maxWait}
     */
    long reserve(Duration maxWait) {
        try {
            return reserveAsync(maxWait).join();
        } catch (CompletionException e) {
            throw failure(e);
        }
    }

    /**
     * As {@link #reserve}, without blocking the calling thread: the future completes with the wait (or -1) once the
     * store has answered — at once for a bucket in this JVM — or with a {@link TransportException} if the store could
     * not be reached. It completes on the runtime's own threads, never on the store client's I/O thread.
     */
    CompletableFuture<Long> reserveAsync(Duration maxWait) {
        long now = time.nanoTime();
        if (local != null) {
            try {
                Object reserved = reserveLocal(maxWait, now);
                return reserved instanceof Long wait ? CompletableFuture.completedFuture(wait)
                        : afterColdStart(castFuture(reserved), maxWait, now);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<Void> held;
        boolean fromTheBurst = false;
        synchronized (this) {
            held = awaitingFirstAnswer && coldTaken >= limit.burst() ? coldStartEnded : null;
            if (awaitingFirstAnswer && held == null) {
                coldTaken++;
                fromTheBurst = true;
            }
        }
        if (held != null) {
            return afterColdStart(held, maxWait, now);
        }
        CompletableFuture<Reservation> reserving;
        try {
            reserving = reserveShared(fromTheBurst ? Duration.ZERO : maxWait);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(unreachable(e));
        }
        boolean burstOnly = fromTheBurst;
        CompletableFuture<Long> due = new CompletableFuture<>();
        reserving.whenCompleteAsync((reservation, error) -> {
            if (error != null) {
                due.completeExceptionally(unreachable(error));
            } else if (burstOnly && !reservation.taken()) {
                CompletableFuture<Void> wait;
                synchronized (this) {
                    coldTaken--;
                    wait = awaitingFirstAnswer ? coldStartEnded : CompletableFuture.completedFuture(null);
                }
                afterColdStart(wait, maxWait, now).whenComplete((wait2, error2) -> {
                    if (error2 != null) {
                        due.completeExceptionally(error2);
                    } else {
                        due.complete(wait2);
                    }
                });
            } else {
                due.complete(settle(now, reservation));
            }
        }, AsyncPool.EXECUTOR);
        return due;
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Void> castFuture(Object future) {
        return (CompletableFuture<Void>) future;
    }

    /**
     * A reservation held back by a cold start: asked again once the first answer has lined the bucket up with the
     * server's (see {@link #answered()}). With {@code maxWait}, a first answer that does not come within it (real time:
     * answers come from the network) takes nothing: -1.
     */
    private CompletableFuture<Long> afterColdStart(CompletableFuture<Void> ended, Duration maxWait, long askedAt) {
        CompletableFuture<Void> waited = maxWait == null ? ended
                : ended.copy().completeOnTimeout(null, Math.max(0, maxWait.toNanos()), TimeUnit.NANOSECONDS);
        return waited.thenCompose(done -> {
            if (!ended.isDone()) {
                return CompletableFuture.completedFuture(-1L);
            }
            Duration left = maxWait == null ? null : maxWait.minusNanos(time.nanoTime() - askedAt);
            return left != null && left.isNegative() ? CompletableFuture.completedFuture(-1L) : reserveAsync(left);
        });
    }

    /**
     * Reserves a token in this JVM's bucket: the wait (or -1), or — during a cold start, once the burst is taken — the
     * future to wait for before asking again. A cold start takes only what the bucket held at the start: what it
     * refills before the first answer, the server has not (yet) refilled.
     */
    private synchronized Object reserveLocal(Duration maxWait, long now) {
        if (awaitingFirstAnswer) {
            if (coldTaken < limit.burst() && local.tryConsume(1)) {
                coldTaken++;
                inFlight++;
                return 0L;
            }
            return coldStartEnded;
        }
        long wait = settle(now, reserveLocally(maxWait));
        if (wait >= 0) {
            inFlight++;
        }
        return wait;
    }

    /** Counts a reservation in: -1 if it took nothing, else its wait; notes a start from a full bucket. */
    private long settle(long now, Reservation reservation) {
        if (!reservation.taken()) {
            return -1;
        }
        if (reservation.nanos() == 0 && reservation.available() >= limit.burst() - 1) {
            takenFromFullBucket(now);
        }
        return reservation.nanos();
    }

    private Reservation reserveLocally(Duration maxWait) {
        // Bucket4j reserves the token, then hands the time to wait to a BlockingStrategy; this one only notes it. The
        // verbose result tells, in the same step, how full the bucket was.
        long[] due = {0};
        BlockingStrategy note = nanos -> due[0] = nanos;
        VerboseResult<Boolean> taken;
        if (maxWait != null && (maxWait.isZero() || maxWait.isNegative())) {
            taken = local.asVerbose().tryConsume(1);
        } else {
            try {
                taken = maxWait == null ? local.asBlocking().asVerbose().consume(1, note).withValue(true)
                        : local.asBlocking().asVerbose().tryConsume(1, maxWait.toNanos(), note);
            } catch (InterruptedException e) {
                throw new AssertionError("noting a wait does not wait, so it cannot be interrupted", e);
            }
        }
        return new Reservation(taken.getValue(), due[0], taken.getDiagnostics().getAvailableTokens());
    }

    /**
     * The same reservation in the shared store, in one request (batched with those of other threads): Bucket4j hands
     * the wait to a "scheduler" that only notes it, as the local reservation does with its blocking strategy.
     */
    private CompletableFuture<Reservation> reserveShared(Duration maxWait) {
        return reserveShared(maxWait, 0);
    }

    /**
     * A hiccup — the connection was reset with the request in flight, and the store client reconnects — should not
     * fail the call: a request that failed other than by the store's timeout is asked again, after a short pause on the
     * time source (the reconnection takes a moment), up to {@link #HICCUP_PAUSES} times. Had a failed request reached
     * the store after all, a token is lost, which never puts the fleet over its limit. A store that stays away fails
     * these too, or times out.
     */
    private CompletableFuture<Reservation> reserveShared(Duration maxWait, int retries) {
        return reserveSharedOnce(maxWait).exceptionallyCompose(failure -> {
            if (timedOut(failure) || retries == HICCUP_PAUSES.size()) {
                return CompletableFuture.failedFuture(failure);
            }
            Duration pause = HICCUP_PAUSES.get(retries);
            LOG.log(Level.DEBUG, () -> "a request to the shared rate-limit bucket (" + limit + ") failed ("
                    + unwrapped(failure).getClass().getName() + "); asking again in " + Durations.readable(pause));
            // the pause comes out of the caller's wait: its deadline has not moved
            Duration left = maxWait == null ? null : maxWait.minus(pause);
            return time.delay(pause).thenCompose(paused -> reserveShared(left, retries + 1));
        });
    }

    /** Whether the store's request timeout ended it: asking again would only wait as long once more. */
    private static boolean timedOut(Throwable failure) {
        Throwable cause = unwrapped(failure);
        return cause instanceof io.github.bucket4j.TimeoutException || cause instanceof java.util.concurrent.TimeoutException;
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private CompletableFuture<Reservation> reserveSharedOnce(Duration maxWait) {
        AsyncBucketProxy bucket = shared();
        if (maxWait != null && (maxWait.isZero() || maxWait.isNegative())) {
            return bucket.asVerbose().tryConsume(1).thenApply(taken -> new Reservation(taken.getValue(), 0,
                    taken.getDiagnostics().getAvailableTokens()));
        }
        NotedWait noted = new NotedWait();
        if (maxWait == null) {
            return bucket.asScheduler().asVerbose().consume(1, noted).thenApply(taken -> new Reservation(true,
                    noted.nanos(), taken.getDiagnostics().getAvailableTokens()));
        }
        return bucket.asScheduler().asVerbose().tryConsume(1, maxWait.toNanos(), noted).thenApply(taken ->
                new Reservation(taken.getValue(), noted.nanos(), taken.getDiagnostics().getAvailableTokens()));
    }

    /**
     * A token was taken from a full bucket: it sat idle, so the server's is full too, and does not refill until a
     * request reaches it (see {@link #answered()}).
     */
    private synchronized void takenFromFullBucket(long at) {
        if (!awaitingFirstAnswer) {
            awaitingFirstAnswer = true;
            firstTakenAt = at;
            coldTaken = 1;
            coldStartEnded = new CompletableFuture<>();
        }
    }

    /**
     * An answer arrived (any status), or an attempt failed. The first one after a start from a full bucket lines this
     * bucket up with the server's: this one has been refilling since its first token was taken, the server's only since
     * that request arrived, which on a cold start (TCP and TLS handshakes) can be a second or more later. Until then
     * this bucket hands out only what it held at the start (the burst), and callers beyond it wait for this moment
     * rather than for tokens the server may not have: sent early, they would reach the server together with the burst
     * and be delayed or refused. Here the tokens refilled meanwhile, {@code rate × elapsed} rounded up (at most those
     * taken: the bucket cannot refill past full), are held back, and the callers waiting ask again: from now on the
     * client refills no earlier than the server. On a warm connection the elapsed time is a few milliseconds, less
     * than one refill period, and nothing is held back. A failed attempt ends the wait too, so that callers never wait
     * on an answer that will not come.
     */
    void answered() {
        if (local != null) {
            synchronized (this) {
                serverModelAt(time.nanoTime());
                serverTokens -= 1;
                inFlight = Math.max(0, inFlight - 1);
                if (!awaitingFirstAnswer) {
                    aligned();
                    return;
                }
            }
        }
        long holdBack;
        long elapsed;
        CompletableFuture<Void> ended;
        synchronized (this) {
            if (!awaitingFirstAnswer) {
                return;
            }
            awaitingFirstAnswer = false;
            ended = coldStartEnded;
            coldStartEnded = null;
            elapsed = time.nanoTime() - firstTakenAt;
            long period = refillPeriodNanos(currentRate);
            // rounded up, so the server is never left a fraction of a token short for good; under one refill period
            // (a warm connection) nothing
            holdBack = elapsed < period ? 0 : Math.min(coldTaken, (elapsed + period - 1) / period);
            if (local != null) {
                aligned(); // before any waiting caller asks again
            }
        }
        if (holdBack > 0 && local == null) {
            LOG.log(Level.DEBUG, () -> "the first answer after a start from a full bucket (" + limit + ") took "
                    + Durations.readable(Duration.ofNanos(elapsed)) + "; holding back " + holdBack
                    + " tokens the server has not refilled yet");
            // queued before the requests of the callers released below
            quietly("holding back tokens", b -> b.consumeIgnoringRateLimits(holdBack),
                    b -> b.consumeIgnoringRateLimits(holdBack));
        }
        ended.complete(null);
    }

    /**
     * A bucket in this JVM keeps a model of the server's: refilled at the same rate, up to the same burst, it takes a
     * token for each request when its answer (or failure) comes, the latest the request can have reached the server;
     * the requests still out will take theirs. The server has at least what the model has less those, since a bucket
     * that is emptied later refills no sooner; this bucket is kept at no more than that, by holding back any lead.
     * While the buckets are below full the two move together and nothing is held back; the lead comes from a start
     * from a full bucket (the server's refills only once a request reaches it) or answers slower than the refill.
     */
    private void aligned() {
        double lead = exactTokens() - (serverTokens - inFlight);
        if (lead > 1e-6) {
            long holdBack = (long) Math.ceil(lead - 1e-6);
            local.consumeIgnoringRateLimits(holdBack);
            LOG.log(Level.DEBUG, () -> "holding back " + holdBack + " rate-limit tokens (" + limit
                    + ") the server may not have refilled yet");
        }
    }

    /** The server model refilled to {@code now}. */
    private void serverModelAt(long now) {
        serverTokens = Math.min(limit.burst(), serverTokens + (now - serverAt) * currentRate / NANOS_PER_SECOND);
        serverAt = now;
    }

    /** This JVM's bucket's tokens now, with the fraction of the one refilling (negative while calls wait). */
    private double exactTokens() {
        long whole = local.getAvailableTokens();
        if (whole >= limit.burst()) {
            return limit.burst();
        }
        long probe = Math.max(1, whole + 1);
        long nanos = local.estimateAbilityToConsume(probe).getNanosToWaitForRefill();
        return probe - nanos * currentRate / NANOS_PER_SECOND;
    }

    /**
     * The tokens in this JVM's bucket now, negative while calls wait for tokens reserved ahead; empty for a bucket in a
     * shared store, whose count is the store's (reading it would be a round trip).
     */
    java.util.OptionalLong tokensAvailable() {
        return local == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(local.getAvailableTokens());
    }

    /** Gives a reserved token back: its request will not be sent (interrupted, cancelled, out of time). */
    void release() {
        CompletableFuture<Void> wake = null;
        synchronized (this) {
            if (local != null) {
                local.addTokens(1);
                inFlight = Math.max(0, inFlight - 1);
            }
            if (awaitingFirstAnswer) {
                // one of the burst's tokens is back: a caller waiting for the first answer may take it instead
                coldTaken = Math.max(0, coldTaken - 1);
                wake = coldStartEnded;
                coldStartEnded = new CompletableFuture<>();
            }
        }
        if (local == null) {
            quietly("giving back a rate-limit token", b -> b.addTokens(1), b -> b.addTokens(1));
        }
        if (wake != null) {
            wake.complete(null);
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
            quietly("emptying the bucket after a 429", Bucket::tryConsumeAsMuchAsPossible,
                    AsyncBucketProxy::tryConsumeAsMuchAsPossible);
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
        serverModelAt(time.nanoTime());
        currentRate = rate;
        BucketConfiguration configuration = BucketConfiguration.builder().addLimit(bandwidth(rate)).build();
        quietly("changing the bucket's rate", b -> b.replaceConfiguration(configuration, TokensInheritanceStrategy.AS_IS),
                b -> b.replaceConfiguration(configuration, TokensInheritanceStrategy.AS_IS));
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
