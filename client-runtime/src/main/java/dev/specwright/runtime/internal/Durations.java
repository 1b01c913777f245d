package dev.specwright.runtime.internal;

import java.time.Duration;

/** Durations as people read them in messages ({@code 250 ms}, {@code 30 s}), and the one check every timeout passes. */
public final class Durations {

    private Durations() {}

    /**
     * @param what the setting's name, for the message
     * @param duration the value given
     * @return {@code duration}, when it is positive
     * @throws IllegalArgumentException naming the setting and the value otherwise
     */
    public static Duration requirePositive(String what, Duration duration) {
        java.util.Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
        return duration;
    }

    public static String readable(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000 || millis % 1000 != 0) {
            return millis + " ms";
        }
        return (millis / 1000) + " s";
    }
}
