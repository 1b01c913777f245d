package dev.specwright.runtime;

import dev.specwright.runtime.internal.Durations;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Holds the body of a blocking attempt to the attempt's deadline. The HTTP client's own timeout ends with the headers,
 * so a server that sends its body a byte at a time would hold the caller's thread otherwise; when the deadline passes
 * first, the body's subscription is cancelled (which closes the connection: it is still busy with the late answer)
 * and the body fails with an {@link HttpTimeoutException}. One timer task per attempt, cancelled as soon as the body
 * is complete. (A streamed body is complete as soon as its stream is handed over; {@link StallGuard} watches its reads.)
 */
final class BodyDeadline {

    private BodyDeadline() {}

    /** {@code bodies}, each held to {@code deadlineNanos} ({@link System#nanoTime()}); {@code timeout} for the message. */
    static HttpResponse.BodyHandler<ResponseBody> guard(HttpResponse.BodyHandler<ResponseBody> bodies, long deadlineNanos,
            Duration timeout) {
        return info -> new Guarded(bodies.apply(info), deadlineNanos, timeout);
    }

    static HttpTimeoutException timedOut(Duration timeout) {
        return new HttpTimeoutException("no complete answer within " + Durations.readable(timeout));
    }

    private static final class Guarded implements BodySubscriber<ResponseBody> {
        private final BodySubscriber<ResponseBody> inner;
        private final CompletableFuture<ResponseBody> body = new CompletableFuture<>();
        private final Duration timeout;
        private volatile Flow.Subscription subscription;

        Guarded(BodySubscriber<ResponseBody> inner, long deadlineNanos, Duration timeout) {
            this.inner = inner;
            this.timeout = timeout;
            inner.getBody().whenComplete((value, error) -> {
                if (error != null) {
                    body.completeExceptionally(error);
                } else {
                    body.complete(value);
                }
            });
            ScheduledFuture<?> timer = AsyncPool.TIMER.schedule(this::expire, Math.max(0, deadlineNanos - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
            body.whenComplete((value, error) -> timer.cancel(false));
        }

        private void expire() {
            if (body.completeExceptionally(timedOut(timeout))) {
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            inner.onSubscribe(subscription);
            if (body.isCompletedExceptionally()) {
                subscription.cancel(); // the deadline passed before the body began
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            inner.onNext(items);
        }

        @Override
        public void onError(Throwable throwable) {
            inner.onError(throwable);
        }

        @Override
        public void onComplete() {
            inner.onComplete();
        }

        @Override
        public CompletionStage<ResponseBody> getBody() {
            return body;
        }
    }
}
