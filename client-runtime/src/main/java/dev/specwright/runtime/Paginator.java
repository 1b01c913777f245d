package dev.specwright.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A list the API hands out a page at a time, walked lazily: every item ({@code for (Product p : paginator)},
 * {@link #stream()}) or every page ({@link #pages()}, {@link #pageStream()}). A page is fetched only when the walk
 * reaches it — taking the first item fetches the first page and nothing more, and nothing is fetched ahead — and each
 * page is an ordinary call of the {@link ApiClient}: the same rate limit, retries, credential recovery, listener and
 * error decoding. How the next page is asked for is the {@link PageStyle}'s.
 *
 * <p>An error ends the walk with the call's own exception (the typed one the error decoder gave, a
 * {@link TransportException}...), its message saying which page it was ({@code (page 2 of GET /api/products, fetched by
 * a paginator)}). The items of the pages before it were already handed out.
 *
 * <p>Each {@code iterator()}, {@code stream()}, {@code pages()} iteration or {@code pageStream()} starts a walk of its
 * own from the first page; the paginator holds no state between them, so it can be shared between threads (each walk
 * belongs to the thread that runs it). The same walk without blocking: {@link AsyncPaginator}.
 *
 * @param <T> the items' type
 */
public final class Paginator<T> implements Iterable<T> {

    private final PageWalk<T> walk;

    private Paginator(PageWalk<T> walk) {
        this.walk = walk;
    }

    /**
     * @param client   the client that sends each page's request
     * @param first    the first page's request (a generated {@code ...All} method builds it from its parameters)
     * @param style    how the API pages
     * @param itemType the items' type, read with the client's {@link ApiClient#objectMapper()}
     */
    public static <T> Paginator<T> of(ApiClient client, ApiRequest first, PageStyle style, Class<T> itemType) {
        Objects.requireNonNull(itemType, "itemType");
        return new Paginator<>(new PageWalk<>(client, first, style, client.objectMapper().constructType(itemType)));
    }

    /** {@link #of(ApiClient, ApiRequest, PageStyle, Class)} for a generic item type ({@code Map<String, Object>}). */
    public static <T> Paginator<T> of(ApiClient client, ApiRequest first, PageStyle style, TypeReference<T> itemType) {
        Objects.requireNonNull(itemType, "itemType");
        JavaType type = client.objectMapper().getTypeFactory().constructType(itemType);
        return new Paginator<>(new PageWalk<>(client, first, style, type));
    }

    /** Every item of every page, in order; a page is fetched when the items before it are used up. */
    @Override
    public Iterator<T> iterator() {
        return new Items<>(pageIterator());
    }

    /** {@link #iterator()} as a sequential stream: {@code stream().limit(10)} fetches only the pages the ten are on. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** Every page, in order, each fetched when the iteration reaches it. */
    public Iterable<Page<T>> pages() {
        return this::pageIterator;
    }

    /** {@link #pages()} as a sequential stream. */
    public Stream<Page<T>> pageStream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pageIterator(), Spliterator.ORDERED), false);
    }

    /** Fetches the first page. */
    public Page<T> firstPage() {
        return walk.fetch(1, walk.first());
    }

    /**
     * Fetches the page after {@code page}.
     *
     * @throws NoSuchElementException when {@code page} is the last ({@link Page#hasNext()} is false)
     */
    public Page<T> nextPage(Page<T> page) {
        Objects.requireNonNull(page, "page");
        if (!page.hasNext()) {
            throw new NoSuchElementException("page " + page.number() + " is the last; check Page.hasNext() first");
        }
        return walk.fetch(page.number() + 1, page.nextRequest());
    }

    private Iterator<Page<T>> pageIterator() {
        return new Iterator<>() {
            private Page<T> current;

            @Override
            public boolean hasNext() {
                return current == null || current.hasNext(); // a first page always exists; knowing sends nothing
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the walk is over: page " + current.number() + " was the last");
                }
                current = current == null ? firstPage() : nextPage(current);
                return current;
            }
        };
    }

    /** The items of the pages in turn; skips empty pages, fetching the next only when asked for an item. */
    private static final class Items<T> implements Iterator<T> {
        private final Iterator<Page<T>> pages;
        private Iterator<T> items = java.util.Collections.emptyIterator();

        Items(Iterator<Page<T>> pages) {
            this.pages = pages;
        }

        @Override
        public boolean hasNext() {
            while (!items.hasNext() && pages.hasNext()) {
                items = pages.next().items().iterator();
            }
            return items.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more items: the last page was reached");
            }
            return items.next();
        }
    }

    @Override
    public String toString() {
        return "Paginator[" + walk.first() + "]";
    }
}
