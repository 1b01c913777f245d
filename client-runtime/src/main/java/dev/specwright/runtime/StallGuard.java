package dev.specwright.runtime;

import dev.specwright.runtime.internal.Durations;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The body of a streamed answer, with a limit on how long one read may wait for data: the HTTP client's timeout ends
 * with the headers, so a server that sends them and then stalls would hold the reader forever. A read that gets no
 * byte within the timeout closes the stream (which unblocks it and closes the connection) and fails with an
 * {@link HttpTimeoutException}. The time the caller spends between reads does not count. One timer check per stream,
 * at a quarter of the timeout, while the stream is open.
 */
final class StallGuard extends FilterInputStream {

    private final Duration timeout;
    private final String setting;
    private final ScheduledFuture<?> check;
    /** {@code System.nanoTime()} when the read in progress started, or 0 when no read is in progress. */
    private volatile long readingSince;
    private volatile boolean stalled;
    private volatile boolean closed;

    StallGuard(InputStream body, Duration timeout, String setting) {
        super(body);
        this.timeout = timeout;
        this.setting = setting;
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), timeout.toNanos() / 4);
        this.check = AsyncPool.TIMER.scheduleAtFixedRate(this::closeIfStalled, period, period, TimeUnit.NANOSECONDS);
    }

    private void closeIfStalled() {
        long since = readingSince;
        if (since != 0 && System.nanoTime() - since > timeout.toNanos()) {
            stalled = true;
            try {
                close();
            } catch (IOException ignored) {
                // closing is all that is left to do; the reader sees the timeout
            }
        }
    }

    @Override
    public int read() throws IOException {
        begin();
        try {
            int b = super.read();
            return ended(b);
        } catch (IOException e) {
            throw failure(e);
        } finally {
            readingSince = 0;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        begin();
        try {
            int n = super.read(b, off, len);
            return ended(n);
        } catch (IOException e) {
            throw failure(e);
        } finally {
            readingSince = 0;
        }
    }

    private void begin() throws IOException {
        if (stalled) {
            throw timedOut();
        }
        readingSince = Math.max(1, System.nanoTime());
    }

    private int ended(int result) throws IOException {
        if (stalled) {
            throw timedOut();
        }
        if (result < 0) {
            check.cancel(false); // the whole body arrived
        }
        return result;
    }

    private IOException failure(IOException e) {
        return stalled ? timedOut() : e;
    }

    private HttpTimeoutException timedOut() {
        return new HttpTimeoutException("the download stalled: no data for " + Durations.readable(timeout) + " ("
                + setting + "); the connection was closed");
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        check.cancel(false);
        super.close();
    }
}
