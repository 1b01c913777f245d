package dev.specwright.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of a {@link Paginator}'s or {@link AsyncPaginator}'s walk: its items, its place in the walk, the answer it
 * came in (status, headers and the JSON body, for totals or other members), and whether a next page follows. Knowing
 * that needs no request: the next page is fetched only when asked for. Immutable.
 *
 * @param <T> the items' type
 */
public final class Page<T> {

    private final List<T> items;
    private final int number;
    private final Response<JsonNode> response;
    private final ApiRequest next;

    Page(List<T> items, int number, Response<JsonNode> response, ApiRequest next) {
        this.items = List.copyOf(items);
        this.number = number;
        this.response = response;
        this.next = next;
    }

    /** The page's items, in the order the server sent them; empty for an empty page. Unmodifiable. */
    public List<T> items() {
        return items;
    }

    /** The page's place in this walk: 1 for the first page fetched, 2 for the next... */
    public int number() {
        return number;
    }

    /** The answer this page came in: status, headers, and the body as a JSON tree (null for an empty body). */
    public Response<JsonNode> response() {
        return response;
    }

    /** Whether a next page follows, by the {@link PageStyle}'s rules; telling sends no request. */
    public boolean hasNext() {
        return next != null;
    }

    /** The request of the next page; null at the end. */
    ApiRequest nextRequest() {
        return next;
    }

    @Override
    public String toString() {
        return "Page[number=" + number + ", items=" + items.size() + ", hasNext=" + hasNext() + "]";
    }
}
