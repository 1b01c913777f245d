package dev.specwright.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

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
    private final ObjectMapper mapper;
    private final OptionalLong totalCount;

    Page(List<T> items, int number, Response<JsonNode> response, ApiRequest next, ObjectMapper mapper, OptionalLong totalCount) {
        this.items = List.copyOf(items);
        this.number = number;
        this.response = response;
        this.next = next;
        this.mapper = mapper;
        this.totalCount = totalCount;
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

    /**
     * The total number of items of the whole list, as this page's answer gives it where the {@link PageStyle} says
     * ({@link PageStyle#totalCountHeader(String)}, {@link PageStyle#totalCountAt(String)}; a generated client's style
     * says it when the spec does). Empty when the style names no total, or the answer leaves it out or gives no whole
     * number of at least 0 there (a JSON:API server sends {@code X-Include-Total-Count} only when the request's
     * {@code X-Include} asks for {@code totalCount}). The count is the server's: the walk does not end by it.
     */
    public OptionalLong totalCount() {
        return totalCount;
    }

    /**
     * The page's whole body read as {@code type} with the client's mapper, as the plain call would have returned it:
     * the typed document around the items (a JSON:API collection's {@code included} resources and {@code meta}, a
     * list's totals). Read anew on each call.
     *
     * @param type the body's type, usually the operation's success type ({@code OrdersCollection.class})
     * @return the body as {@code type}; null for an empty body (a 204)
     * @throws IllegalArgumentException when the body cannot be read as {@code type}; the message names the page and
     *                                  the fields, never a value of the body
     */
    public <D> D document(Class<D> type) {
        Objects.requireNonNull(type, "type");
        return document(mapper.constructType(type));
    }

    /** {@link #document(Class)} for a generic type ({@code new TypeReference<Map<String, Object>>() {}}). */
    public <D> D document(TypeReference<D> type) {
        Objects.requireNonNull(type, "type");
        return document(mapper.getTypeFactory().constructType(type));
    }

    private <D> D document(JavaType type) {
        JsonNode body = response.body();
        if (body == null) {
            return null;
        }
        try {
            return mapper.readerFor(type).readValue(body);
        } catch (IOException e) {
            String path = e instanceof JsonMappingException m ? m.getPathReference() : "";
            throw new IllegalArgumentException("page " + number + ": its body cannot be read as " + type.toCanonical()
                    + (path.isEmpty() ? "" : " (at " + path + ")") + "; give the operation's success type");
        }
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
        return "Page[number=" + number + ", items=" + items.size() + ", hasNext=" + hasNext()
                + (totalCount.isPresent() ? ", totalCount=" + totalCount.getAsLong() : "") + "]";
    }
}
