package dev.specwright.generator.model;

import java.util.Optional;

/**
 * How one operation's list is paged ({@link PaginationPass}), for its {@code <op>All} method returning the runtime's
 * {@code Paginator} ({@code AsyncPaginator} in the async class).
 *
 * @param style        how the next page is asked for
 * @param requestParam the query parameter the next page changes: the offset, the page number, the cursor or the
 *                     last item's id; empty
 *                     for the link styles
 * @param sizeParam    the page size's query parameter (offset and page styles); empty otherwise
 * @param pointer      where the body gives the next cursor or link, or the after-last style's "more follow" flag (a
 *                     JSON Pointer); empty for the other styles
 * @param itemsPointer where the items are in the body (a JSON Pointer); empty when the body is the array
 * @param defaultSize  the size parameter's default in the spec: the page size when the caller sends none
 * @param maxSize      the size parameter's maximum in the spec: the most a page holds, whatever was asked
 * @param firstPage    the page style's first page number (1 unless declared)
 * @param itemType     the items' type
 * @param declared     whether the spec declared it ({@code x-pagination}) rather than the generator detecting it
 * @param methodName   the paginator method, named in the class's scope after every other member
 * @param totalCount   where an answer gives the list's total: {@code header:<name>} for a response header, a JSON
 *                     Pointer into the body ({@code /meta/total}), or empty for none
 * @param itemId       the after-last style's JSON Pointer into the last item to its id ({@code /id}); empty otherwise
 */
public record Pagination(Style style, String requestParam, String sizeParam, String pointer, String itemsPointer,
        Optional<Integer> defaultSize, Optional<Integer> maxSize, long firstPage, TypeRef itemType, boolean declared, String methodName,
        String totalCount, String itemId) {

    /** The prefix of {@link #totalCount()} for a response header. */
    public static final String HEADER = "header:";

    /** The styles of {@code x-pagination}'s {@code style}, with the runtime's {@code PageStyle} factory of each. */
    public enum Style {
        OFFSET("offset"), PAGE("page"), CURSOR("cursor"), AFTER_LAST("afterLast"), NEXT_LINK("nextLink"), LINK_HEADER("linkHeader");

        private final String specName;

        Style(String specName) {
            this.specName = specName;
        }

        /** The name {@code x-pagination.style} gives it. */
        public String specName() {
            return specName;
        }
    }

    Pagination named(String name) {
        return new Pagination(style, requestParam, sizeParam, pointer, itemsPointer, defaultSize, maxSize, firstPage, itemType,
                declared, name, totalCount, itemId);
    }

    Pagination withTotalCount(String total) {
        return new Pagination(style, requestParam, sizeParam, pointer, itemsPointer, defaultSize, maxSize, firstPage, itemType,
                declared, methodName, total, itemId);
    }
}
