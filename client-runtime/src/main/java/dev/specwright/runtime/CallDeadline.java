package dev.specwright.runtime;

import java.time.Duration;
import java.util.Optional;

/** The time one call may still take, from its start, on the client's {@link TimeSource}; unbounded without a deadline. */
final class CallDeadline {

    private final TimeSource time;
    private final Duration limit;
    private final long start;

    private CallDeadline(TimeSource time, Duration limit) {
        this.time = time;
        this.limit = limit;
        this.start = time.nanoTime();
    }

    static CallDeadline start(TimeSource time, Optional<Duration> limit) {
        return new CallDeadline(time, limit.orElse(null));
    }

    /** The deadline as configured; null when unbounded. */
    Duration limit() {
        return limit;
    }

    /** What is left, never negative; null when unbounded. */
    Duration remaining() {
        if (limit == null) {
            return null;
        }
        Duration left = limit.minusNanos(time.nanoTime() - start);
        return left.isNegative() ? Duration.ZERO : left;
    }

    boolean hasPassed() {
        return limit != null && remaining().isZero();
    }

    /** Whether waiting this long still leaves time for an attempt. */
    boolean allows(Duration wait) {
        return limit == null || wait.compareTo(remaining()) < 0;
    }
}
