package dev.specwright.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The {@link Paginator}'s walk without blocking: each page is an ordinary {@code sendAsync} call of the
 * {@link ApiClient} (same rate limit, retries, error decoding; no thread waits), fetched only once the page before it
 * was handed to you — nothing is fetched ahead. An error fails the future with the call's own exception, its message
 * saying which page it was. Cancelling a future returned by {@link #forEachPage} or {@link #forEach} stops the walk
 * before its next page. Stages run on the runtime's shared daemon threads; keep the actions short, or hand the work on.
 *
 * @param <T> the items' type
 */
public final class AsyncPaginator<T> {

    private final PageWalk<T> walk;

    private AsyncPaginator(PageWalk<T> walk) {
        this.walk = walk;
    }

    /** As {@link Paginator#of(ApiClient, ApiRequest, PageStyle, Class)}. */
    public static <T> AsyncPaginator<T> of(ApiClient client, ApiRequest first, PageStyle style, Class<T> itemType) {
        Objects.requireNonNull(itemType, "itemType");
        return new AsyncPaginator<>(new PageWalk<>(client, first, style, client.objectMapper().constructType(itemType)));
    }

    /** As {@link Paginator#of(ApiClient, ApiRequest, PageStyle, TypeReference)}. */
    public static <T> AsyncPaginator<T> of(ApiClient client, ApiRequest first, PageStyle style, TypeReference<T> itemType) {
        Objects.requireNonNull(itemType, "itemType");
        return new AsyncPaginator<>(new PageWalk<>(client, first, style,
                client.objectMapper().getTypeFactory().constructType(itemType)));
    }

    /** Fetches the first page. */
    public CompletableFuture<Page<T>> firstPage() {
        return walk.fetchAsync(1, walk.first());
    }

    /** Fetches the page after {@code page}; fails with {@link NoSuchElementException} when it is the last. */
    public CompletableFuture<Page<T>> nextPage(Page<T> page) {
        Objects.requireNonNull(page, "page");
        if (!page.hasNext()) {
            return CompletableFuture.failedFuture(new NoSuchElementException("page " + page.number()
                    + " is the last; check Page.hasNext() first"));
        }
        return walk.fetchAsync(page.number() + 1, page.nextRequest());
    }

    /**
     * Hands every page to {@code action}, in order, fetching each after the action returned for the one before.
     *
     * @return completes after the last page's action, or fails with the first error (of a fetch or of the action)
     */
    public CompletableFuture<Void> forEachPage(Consumer<? super Page<T>> action) {
        Objects.requireNonNull(action, "action");
        CompletableFuture<Void> done = new CompletableFuture<>();
        step(firstPage(), action, done);
        return done;
    }

    /** Hands every item to {@code action}, page by page, as {@link #forEachPage}. */
    public CompletableFuture<Void> forEach(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        return forEachPage(page -> page.items().forEach(action));
    }

    /** Every item of every page in one list: the whole walk, a page at a time. Mind the size of what you collect. */
    public CompletableFuture<List<T>> toList() {
        List<T> all = new ArrayList<>();
        return forEach(all::add).thenApply(done -> List.copyOf(all));
    }

    private void step(CompletableFuture<Page<T>> fetching, Consumer<? super Page<T>> action, CompletableFuture<Void> done) {
        fetching.whenCompleteAsync((page, error) -> {
            if (done.isDone()) {
                return; // cancelled by the caller: no further page
            }
            if (error != null) {
                done.completeExceptionally(Exchange.unwrap(error));
                return;
            }
            try {
                action.accept(page);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            if (!page.hasNext() || done.isDone()) {
                done.complete(null);
                return;
            }
            step(nextPage(page), action, done);
        }, AsyncPool.EXECUTOR);
    }

    @Override
    public String toString() {
        return "AsyncPaginator[" + walk.first() + "]";
    }
}
