package dev.specwright.runtime.internal;

import java.time.Duration;

/** Durations as people read them in messages: {@code 250 ms}, {@code 30 s}. */
public final class Durations {

    private Durations() {}

    public static String readable(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000 || millis % 1000 != 0) {
            return millis + " ms";
        }
        return (millis / 1000) + " s";
    }
}
