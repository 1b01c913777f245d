package dev.specwright.runtime;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How an API hands out a list a page at a time, for a {@link Paginator}: where the next page's request comes from,
 * when the walk ends, and where a page's items are in its JSON body. Immutable; a generated client makes one from its
 * spec, a user can make one for any request.
 *
 * <ul>
 *   <li>{@link #offset offset/limit}: the next page's offset is this one's plus the items it had;</li>
 *   <li>{@link #pageNumber page/size}: the next page's number is this one's plus one (JSON:API's
 *       {@code page[number]}/{@code page[size]});</li>
 *   <li>{@link #cursor cursor}: the next page's request parameter is a value this page's body gives;</li>
 *   <li>{@link #afterLast after the last item}: the next page's request parameter is this page's last item's id,
 *       while the body says more follow (Stripe's {@code starting_after} and {@code has_more});</li>
 *   <li>{@link #nextLink next link}: this page's body gives the next page's URL ({@code links.next});</li>
 *   <li>{@link #linkHeader() Link header}: this page's RFC 8288 {@code Link: <url>; rel="next"} header gives it.</li>
 * </ul>
 *
 * <p>When the walk ends: the offset and page styles end after a page with no items, or with fewer items than the page
 * size (the request's own size parameter, else {@link #defaultSize(int)}, the size the server uses when none is sent;
 * with neither, only an empty page ends it, one request later), capped at {@link #maxSize(int)} when given (a
 * server hands out at most its maximum, whatever was asked). A server that returns fewer items than that although
 * more follow ends such a walk early. The cursor and link styles end when the page gives no next cursor or link (missing, {@code null} or empty),
 * the after-last style when the body's flag is not {@code true}.
 * A next link must stay on the client's origin and under its base path, and a cursor or link that repeats the one just
 * sent is an error, and so is a page that says more follow but has no last item's id: the walk never sends
 * credentials elsewhere and never loops.
 */
public final class PageStyle {

    enum Kind { OFFSET, PAGE, CURSOR, AFTER_LAST, BODY_LINK, HEADER_LINK }

    private final Kind kind;
    private final String requestParam;
    private final String sizeParam;
    private final String pointer;
    private final String items;
    private final int defaultSize;
    private final int maxSize;
    private final long firstPage;
    private final String totalHeader;
    private final String totalPointer;
    private final String itemId;

    private PageStyle(Kind kind, String requestParam, String sizeParam, String pointer, String items, int defaultSize,
            int maxSize, long firstPage) {
        this(kind, requestParam, sizeParam, pointer, items, defaultSize, maxSize, firstPage, "", "", "");
    }

    private PageStyle(Kind kind, String requestParam, String sizeParam, String pointer, String items, int defaultSize,
            int maxSize, long firstPage, String totalHeader, String totalPointer) {
        this(kind, requestParam, sizeParam, pointer, items, defaultSize, maxSize, firstPage, totalHeader, totalPointer, "");
    }

    private PageStyle(Kind kind, String requestParam, String sizeParam, String pointer, String items, int defaultSize,
            int maxSize, long firstPage, String totalHeader, String totalPointer, String itemId) {
        this.kind = kind;
        this.requestParam = requestParam;
        this.sizeParam = sizeParam;
        this.pointer = pointer;
        this.items = items;
        this.defaultSize = defaultSize;
        this.maxSize = maxSize;
        this.firstPage = firstPage;
        this.totalHeader = totalHeader;
        this.totalPointer = totalPointer;
        this.itemId = itemId;
    }

    /**
     * Offset and limit query parameters (the platform's {@code offset}/{@code limit}); a request without the offset
     * starts at 0.
     */
    public static PageStyle offset(String offsetParam, String limitParam) {
        return new PageStyle(Kind.OFFSET, name(offsetParam, "offsetParam"), name(limitParam, "limitParam"), "", "", 0, 0, 0);
    }

    /**
     * Page number and page size query parameters ({@code page}/{@code size}, JSON:API's
     * {@code page[number]}/{@code page[size]}); a request without the number asks for page 1
     * ({@link #firstPage(long)} to change).
     */
    public static PageStyle pageNumber(String pageParam, String sizeParam) {
        return new PageStyle(Kind.PAGE, name(pageParam, "pageParam"), name(sizeParam, "sizeParam"), "", "", 0, 0, 1);
    }

    /**
     * A cursor: the query parameter {@code cursorParam} of the next request is the text at {@code nextCursor} (a JSON
     * Pointer, e.g. {@code /meta/next_cursor}) in this page's body.
     */
    public static PageStyle cursor(String cursorParam, String nextCursor) {
        return new PageStyle(Kind.CURSOR, name(cursorParam, "cursorParam"), null, pointer(nextCursor, "nextCursor", false),
                "", 0, 0, 0);
    }

    /**
     * After the last item: the query parameter {@code afterParam} of the next request is the text at {@code itemId}
     * (a JSON Pointer into an item, e.g. {@code /id}) of this page's last item, as long as the body's {@code hasMore}
     * (a JSON Pointer, e.g. {@code /has_more}) is {@code true}; Stripe's lists are
     * {@code afterLast("starting_after", "/id", "/has_more").items("/data")}.
     */
    public static PageStyle afterLast(String afterParam, String itemId, String hasMore) {
        return new PageStyle(Kind.AFTER_LAST, name(afterParam, "afterParam"), null, pointer(hasMore, "hasMore", false), "", 0, 0, 0,
                "", "", pointer(itemId, "itemId", false));
    }

    /**
     * A next link in the body: the URL at {@code nextLink} (a JSON Pointer, e.g. {@code /links/next}), absolute or
     * relative to the page's own URL. The next request is this one (method, headers) sent to that URL.
     */
    public static PageStyle nextLink(String nextLink) {
        return new PageStyle(Kind.BODY_LINK, null, null, pointer(nextLink, "nextLink", false), "", 0, 0, 0);
    }

    /** The RFC 8288 {@code Link} response header's {@code rel="next"} target, as for {@link #nextLink(String)}. */
    public static PageStyle linkHeader() {
        return new PageStyle(Kind.HEADER_LINK, null, null, "", "", 0, 0, 0);
    }

    /**
     * Where a page's items are: a JSON Pointer into the body ({@code /items}, {@code /data}); {@code ""} (the default)
     * when the body itself is the array.
     */
    public PageStyle items(String itemsPointer) {
        return new PageStyle(kind, requestParam, sizeParam, pointer, pointer(itemsPointer, "itemsPointer", true),
                defaultSize, maxSize, firstPage, totalHeader, totalPointer, itemId);
    }

    /**
     * For the offset and page styles: the page size the server uses when the request does not send one (the spec's
     * default of the size parameter), so that a short page ends the walk.
     */
    public PageStyle defaultSize(int size) {
        requireSized("defaultSize");
        if (size < 1) {
            throw new IllegalArgumentException("defaultSize must be at least 1, was " + size);
        }
        return new PageStyle(kind, requestParam, sizeParam, pointer, items, size, maxSize, firstPage, totalHeader, totalPointer, itemId);
    }

    /**
     * For the offset and page styles: the largest page the server hands out (the spec's {@code maximum} of the size
     * parameter). A request asking for more gets at most this many, so a page of this size is full, not the last.
     */
    public PageStyle maxSize(int size) {
        requireSized("maxSize");
        if (size < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, was " + size);
        }
        return new PageStyle(kind, requestParam, sizeParam, pointer, items, defaultSize, size, firstPage, totalHeader, totalPointer, itemId);
    }

    /** For the page style: the number of the page a request without a page number gets (1 unless the API counts from 0). */
    public PageStyle firstPage(long number) {
        if (kind != Kind.PAGE) {
            throw new IllegalStateException("firstPage is for PageStyle.pageNumber, not " + this);
        }
        return new PageStyle(kind, requestParam, sizeParam, pointer, items, defaultSize, maxSize, number, totalHeader, totalPointer, itemId);
    }

    /**
     * Where a page's answer gives the total number of items of the whole list, for {@link Page#totalCount()}: the
     * response header {@code headerName} ({@code X-Total-Count}; JSON:API's {@code X-Include-Total-Count}, which such
     * a server sends only when the request asks with {@code X-Include: totalCount}). Replaces {@link #totalCountAt}.
     */
    public PageStyle totalCountHeader(String headerName) {
        Objects.requireNonNull(headerName, "headerName");
        if (headerName.isBlank()) {
            throw new IllegalArgumentException("headerName is blank; give the response header's name, e.g. \"X-Total-Count\"");
        }
        return new PageStyle(kind, requestParam, sizeParam, pointer, items, defaultSize, maxSize, firstPage, headerName, "", itemId);
    }

    /**
     * Where a page's body gives the total number of items of the whole list, for {@link Page#totalCount()}: a JSON
     * Pointer ({@code /meta/total}, {@code /total_count}). Replaces {@link #totalCountHeader}.
     */
    public PageStyle totalCountAt(String totalPointer) {
        return new PageStyle(kind, requestParam, sizeParam, pointer, items, defaultSize, maxSize, firstPage, "",
                pointer(totalPointer, "totalPointer", false), itemId);
    }

    String itemId() {
        return itemId;
    }

    String totalHeader() {
        return totalHeader;
    }

    String totalPointer() {
        return totalPointer;
    }

    Kind kind() {
        return kind;
    }

    String requestParam() {
        return requestParam;
    }

    String sizeParam() {
        return sizeParam;
    }

    String pointer() {
        return pointer;
    }

    String itemsPointer() {
        return items;
    }

    OptionalInt defaultPageSize() {
        return defaultSize > 0 ? OptionalInt.of(defaultSize) : OptionalInt.empty();
    }

    OptionalInt maxPageSize() {
        return maxSize > 0 ? OptionalInt.of(maxSize) : OptionalInt.empty();
    }

    long firstPageNumber() {
        return firstPage;
    }

    @Override
    public String toString() {
        String what = switch (kind) {
            case OFFSET -> "offset(" + requestParam + ", " + sizeParam + ")";
            case PAGE -> "pageNumber(" + requestParam + ", " + sizeParam + ")";
            case CURSOR -> "cursor(" + requestParam + " from " + pointer + ")";
            case AFTER_LAST -> "afterLast(" + requestParam + " from the last item's " + itemId + " while " + pointer + ")";
            case BODY_LINK -> "nextLink(" + pointer + ")";
            case HEADER_LINK -> "linkHeader()";
        };
        return "PageStyle." + what + (items.isEmpty() ? "" : ".items(" + items + ")")
                + (totalHeader.isEmpty() ? "" : ".totalCountHeader(" + totalHeader + ")")
                + (totalPointer.isEmpty() ? "" : ".totalCountAt(" + totalPointer + ")");
    }

    private void requireSized(String setting) {
        if (kind != Kind.OFFSET && kind != Kind.PAGE) {
            throw new IllegalStateException(setting + " is for PageStyle.offset and PageStyle.pageNumber, not " + this);
        }
    }

    private static String name(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new IllegalArgumentException(what + " is blank; give the query parameter's name, e.g. \"offset\"");
        }
        return name;
    }

    private static String pointer(String pointer, String what, boolean rootAllowed) {
        Objects.requireNonNull(pointer, what);
        if (pointer.isEmpty() && !rootAllowed) {
            throw new IllegalArgumentException(what + " is empty; give a JSON Pointer into the body, e.g. \"/links/next\"");
        }
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " \"" + pointer + "\" is not a JSON Pointer: it starts with '/'"
                    + " and names one member per step, e.g. \"/meta/next\"" + (rootAllowed ? " (\"\" for the body itself)" : ""));
        }
        return pointer;
    }
}
