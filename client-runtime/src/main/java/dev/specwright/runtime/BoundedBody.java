package dev.specwright.runtime;

import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a body into memory, but never more than a limit: the HTTP client calls {@link #onNext} on its own threads (the
 * selector thread among them), where an {@code OutOfMemoryError} would kill the client for every caller. Over the
 * limit, the subscription is cancelled, which closes the connection (the rest of the body is never read), and the
 * body is either refused ({@link ResponseBody#tooLarge()}: a 2xx answer the caller wanted whole) or cut (an error
 * answer, whose start is all a message needs). A {@code Content-Length} over the limit is refused before a byte is
 * read.
 */
final class BoundedBody implements BodySubscriber<ResponseBody> {

    /** How much of an error body is kept at most, whatever the client's limit: a message needs its start only. */
    static final long ERROR_BODY_LIMIT = 1024 * 1024;

    private final long limit;
    private final boolean cutWhenOver;
    private final OptionalLong contentLength;
    private final CompletableFuture<ResponseBody> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private byte[] buffer;
    private int size;

    private BoundedBody(long limit, boolean cutWhenOver, OptionalLong contentLength) {
        this.limit = limit;
        this.cutWhenOver = cutWhenOver;
        this.contentLength = contentLength;
        long expected = contentLength.orElse(8192);
        this.buffer = new byte[(int) Math.min(Math.min(expected, limit), Integer.MAX_VALUE - 8)];
    }

    /**
     * The body handler of a call: a 2xx answer is read whole up to {@code limit} (or streamed, when {@code stream});
     * any other is read up to {@code min(limit, 1 MiB)} and cut there.
     */
    static HttpResponse.BodyHandler<ResponseBody> handler(long limit, boolean stream) {
        return info -> {
            OptionalLong length = info.headers().firstValueAsLong("Content-Length");
            boolean success = info.statusCode() / 100 == 2;
            if (success && stream) {
                return BodySubscribers.mapping(BodySubscribers.ofInputStream(), in -> ResponseBody.streamed(in, limit, length));
            }
            return success ? new BoundedBody(limit, false, length)
                    : new BoundedBody(Math.min(limit, ERROR_BODY_LIMIT), true, length);
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (!cutWhenOver && contentLength.isPresent() && contentLength.getAsLong() > limit) {
            subscription.cancel();
            result.complete(ResponseBody.overLimit(limit, contentLength));
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return; // cancelled: what still arrives is dropped
        }
        for (ByteBuffer item : items) {
            int remaining = item.remaining();
            if (size + (long) remaining > limit) {
                overflow(item);
                return;
            }
            ensureCapacity(size + remaining);
            item.get(buffer, size, remaining);
            size += remaining;
        }
    }

    private void overflow(ByteBuffer item) {
        subscription.cancel();
        if (cutWhenOver) {
            int fits = (int) (limit - size);
            ensureCapacity(size + fits);
            item.get(buffer, size, fits);
            size += fits;
            result.complete(ResponseBody.cut(Arrays.copyOf(buffer, size), limit, contentLength));
        } else {
            result.complete(ResponseBody.overLimit(limit, contentLength));
        }
        buffer = null;
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            long grown = Math.max(needed, Math.min((long) buffer.length * 2, limit));
            buffer = Arrays.copyOf(buffer, (int) Math.min(grown, Integer.MAX_VALUE - 8));
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        if (!result.isDone()) {
            result.complete(ResponseBody.whole(size == buffer.length ? buffer : Arrays.copyOf(buffer, size), limit,
                    contentLength));
        }
    }

    @Override
    public CompletionStage<ResponseBody> getBody() {
        return result;
    }
}
