package dev.specwright.generator.load;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Where the generator's time goes, stage by stage: with {@code -Dspecwright.timings} (or {@code =true}) each stage
 * timed prints one line to stderr, {@code specwright.timings load.parse 812 ms}. Off by default, and then it costs a
 * property read per stage; the numbers are wall time of the calling thread, for comparing the shares of one run.
 */
public final class StageClock {

    /** The system property that turns the lines on. */
    public static final String PROPERTY = "specwright.timings";

    private final String stage;
    private final long started;

    private StageClock(String stage) {
        this.stage = stage;
        this.started = System.nanoTime();
    }

    /** True when {@code -Dspecwright.timings} is given (any value but {@code false}). */
    public static boolean enabled() {
        String value = System.getProperty(PROPERTY);
        return value != null && !value.equalsIgnoreCase("false");
    }

    /** A clock started now for {@code stage} ({@code load.read}, {@code build}...). */
    public static StageClock start(String stage) {
        return new StageClock(stage);
    }

    /** Prints the time since {@link #start} when timings are on; returns this clock restarted for {@code next}. */
    public StageClock then(String next) {
        stop();
        return new StageClock(next);
    }

    /** Prints the time since {@link #start} when timings are on. */
    public void stop() {
        if (enabled()) {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.err.println(String.format(Locale.ROOT, "%s %s %d ms", PROPERTY, stage, ms));
        }
    }
}
