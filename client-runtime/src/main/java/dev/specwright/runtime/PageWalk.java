package dev.specwright.runtime;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the sync and async paginators share: fetching one page as an ordinary call of the client (its limiter,
 * retries, auth recovery, listener and error decoding), reading its items, and working out the next page's request by
 * the {@link PageStyle}. An exception that ends a walk is the call's own, told which page it was.
 */
final class PageWalk<T> {

    /** One {@code <target>; params} entry of an RFC 8288 {@code Link} header. */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile(";\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;,]+))", Pattern.CASE_INSENSITIVE);

    private final ApiClient client;
    private final ApiRequest first;
    private final PageStyle style;
    private final JavaType listType;
    private final String itemTypeName;

    PageWalk(ApiClient client, ApiRequest first, PageStyle style, JavaType itemType) {
        this.client = Objects.requireNonNull(client, "client");
        this.first = Objects.requireNonNull(first, "first (the request of the first page)");
        this.style = Objects.requireNonNull(style, "style");
        this.listType = client.objectMapper().getTypeFactory().constructCollectionType(List.class, itemType);
        this.itemTypeName = itemType.toCanonical();
    }

    ApiRequest first() {
        return first;
    }

    Page<T> fetch(int number, ApiRequest request) {
        Response<JsonNode> response;
        try {
            response = client.sendForResponse(request, JsonNode.class);
        } catch (RuntimeException e) {
            throw onPage(e, number, request);
        }
        return page(number, request, response);
    }

    CompletableFuture<Page<T>> fetchAsync(int number, ApiRequest request) {
        CompletableFuture<Page<T>> page = new CompletableFuture<>();
        client.sendForResponseAsync(request, JsonNode.class).whenComplete((response, error) -> {
            if (error != null) {
                Throwable failure = Exchange.unwrap(error);
                page.completeExceptionally(failure instanceof RuntimeException e ? onPage(e, number, request) : failure);
                return;
            }
            try {
                page.complete(page(number, request, response));
            } catch (RuntimeException e) {
                page.completeExceptionally(e);
            }
        });
        return page;
    }

    /** The page's items and the next page's request, or an exception saying which page could not be read. */
    private Page<T> page(int number, ApiRequest request, Response<JsonNode> response) {
        JsonNode body = response.body();
        List<T> items = items(number, request, body);
        return new Page<>(items, number, response, next(number, request, response, items.size()), client.objectMapper(),
                totalCount(response));
    }

    private List<T> items(int number, ApiRequest request, JsonNode body) {
        if (body == null) {
            return List.of(); // a 204 or an empty body: no items
        }
        JsonNode array = body.at(JsonPointer.compile(style.itemsPointer()));
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IllegalStateException(where(number, request) + ": the items at \"" + style.itemsPointer()
                    + "\" are a JSON " + array.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an array (" + style + ")");
        }
        try {
            return client.objectMapper().readerFor(listType).readValue(array);
        } catch (IOException e) {
            // the path names the fields only; Jackson's own message may quote a value from the body
            String path = e instanceof JsonMappingException m ? m.getPathReference() : "";
            throw new IllegalStateException(where(number, request) + ": an item cannot be read as " + itemTypeName
                    + (path.isEmpty() ? "" : " (at " + path + ")"));
        }
    }

    /** The next page's request by the style's rules; null when the walk ends after this page. */
    private ApiRequest next(int number, ApiRequest request, Response<JsonNode> response, int count) {
        return switch (style.kind()) {
            case OFFSET -> {
                long offset = number(number, request, style.requestParam()).orElse(0);
                yield lastBySize(number, request, count) ? null : request.withQueryParameter(style.requestParam(), offset + count);
            }
            case PAGE -> {
                long page = number(number, request, style.requestParam()).orElse(style.firstPageNumber());
                yield lastBySize(number, request, count) ? null : request.withQueryParameter(style.requestParam(), page + 1);
            }
            case CURSOR -> {
                Optional<String> cursor = text(response.body(), style.pointer());
                if (cursor.isEmpty()) {
                    yield null;
                }
                if (cursor.equals(request.queryParameter(style.requestParam()))) {
                    throw new IllegalStateException(where(number, request) + ": the next cursor at \"" + style.pointer()
                            + "\" is the one this page was asked with; the walk stops rather than loop");
                }
                yield request.withQueryParameter(style.requestParam(), cursor.get());
            }
            case AFTER_LAST -> {
                JsonNode more = response.body() == null ? null : response.body().at(JsonPointer.compile(style.pointer()));
                if (more == null || !more.isBoolean() || !more.booleanValue()) {
                    yield null;
                }
                JsonNode array = response.body().at(JsonPointer.compile(style.itemsPointer()));
                Optional<String> id = array.isArray() && !array.isEmpty() ? text(array.get(array.size() - 1), style.itemId())
                        : Optional.empty();
                if (id.isEmpty()) {
                    throw new IllegalStateException(where(number, request) + ": \"" + style.pointer() + "\" says more"
                            + " items follow, but the page has no last item with an id at \"" + style.itemId()
                            + "\" to ask for the next page after; the walk stops");
                }
                if (id.equals(request.queryParameter(style.requestParam()))) {
                    throw new IllegalStateException(where(number, request) + ": the last item's id is the one this page"
                            + " was asked after; the walk stops rather than loop");
                }
                yield request.withQueryParameter(style.requestParam(), id.get());
            }
            case BODY_LINK -> text(response.body(), style.pointer()).map(link -> follow(number, request, link)).orElse(null);
            case HEADER_LINK -> nextFromLinkHeader(response).map(link -> follow(number, request, link)).orElse(null);
        };
    }

    /** The list's total as the answer gives it where the style says; empty if it names none or the answer has none. */
    private java.util.OptionalLong totalCount(Response<JsonNode> response) {
        String text;
        if (!style.totalHeader().isEmpty()) {
            text = response.header(style.totalHeader()).orElse(null);
        } else if (!style.totalPointer().isEmpty() && response.body() != null) {
            JsonNode node = response.body().at(JsonPointer.compile(style.totalPointer()));
            text = node.isIntegralNumber() || node.isTextual() ? node.asText() : null;
        } else {
            text = null;
        }
        if (text == null) {
            return java.util.OptionalLong.empty();
        }
        try {
            long total = Long.parseLong(text.strip());
            return total >= 0 ? java.util.OptionalLong.of(total) : java.util.OptionalLong.empty();
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** Whether a page of {@code count} items is the last by its size: empty, or shorter than the size asked for. */
    private boolean lastBySize(int number, ApiRequest request, int count) {
        if (count == 0) {
            return true;
        }
        OptionalInt size = request.queryParameter(style.sizeParam()).isPresent()
                ? OptionalInt.of((int) Math.min(Integer.MAX_VALUE, number(number, request, style.sizeParam()).orElse(0)))
                : style.defaultPageSize();
        if (size.isEmpty()) {
            return false;
        }
        int full = style.maxPageSize().isPresent() ? Math.min(size.getAsInt(), style.maxPageSize().getAsInt()) : size.getAsInt();
        return count < full;
    }

    private static java.util.OptionalLong number(int page, ApiRequest request, String param) {
        Optional<String> value = request.queryParameter(param);
        if (value.isEmpty()) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(Long.parseLong(value.get().strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where(page, request) + ": the query parameter " + param
                    + " must be a whole number to page by it, was \"" + value.get() + "\"");
        }
    }

    /** Text at the pointer: empty when missing, null or an empty string. */
    private static Optional<String> text(JsonNode body, String pointer) {
        if (body == null) {
            return Optional.empty();
        }
        JsonNode node = body.at(JsonPointer.compile(pointer));
        if (node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return Optional.empty();
        }
        String text = node.asText();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The first {@code rel="next"} target of the answer's {@code Link} headers (a rel may list several types). */
    static Optional<String> nextFromLinkHeader(Response<?> response) {
        for (String header : response.headerValues("Link")) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                while (rel.find()) {
                    String types = rel.group(1) != null ? rel.group(1) : rel.group(2);
                    for (String type : types.trim().split("\\s+")) {
                        if (type.equalsIgnoreCase("next")) {
                            return Optional.of(link.group(1).trim());
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The next page's request from a link: this request sent to the link's path and query, which must be on the
     * client's origin and under its base path (the walk never takes the client's credentials elsewhere). Query
     * parameters the credentials send are left out of the link's query: the client adds them itself.
     */
    private ApiRequest follow(int number, ApiRequest request, String link) {
        URI base = client.options().baseUri();
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        URI current = URI.create(base.toASCIIString().replaceAll("/+$", "") + request.path()
                + (request.query().isEmpty() ? "" : "?" + request.query()));
        URI next;
        try {
            next = current.resolve(link);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where(number, request) + ": the next link is not a URI ("
                    + e.getMessage() + ")");
        }
        boolean sameOrigin = base.getScheme().equalsIgnoreCase(next.getScheme()) && next.getHost() != null
                && base.getHost().equalsIgnoreCase(next.getHost()) && port(base) == port(next) && next.getRawUserInfo() == null;
        String path = next.getRawPath() == null ? "" : next.getRawPath();
        if (!sameOrigin || !(path.equals(basePath) || path.startsWith(basePath + "/"))) {
            throw new IllegalStateException(where(number, request) + ": the next link leads to " + next.getScheme() + "://"
                    + next.getHost() + (next.getPort() < 0 ? "" : ":" + next.getPort()) + path
                    + ", not under the client's base URI " + base + "; the walk stops rather than send the client's"
                    + " credentials there");
        }
        String relative = path.substring(basePath.length());
        ApiRequest target = request.withTarget(relative.isEmpty() ? "/" : relative, withoutCredentialQuery(next.getRawQuery()));
        if (target.path().equals(request.path()) && target.query().equals(request.query())) {
            throw new IllegalStateException(where(number, request) + ": the next link is this page's own URL;"
                    + " the walk stops rather than loop");
        }
        return target;
    }

    private String withoutCredentialQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        Set<String> secret = client.options().credentials().queryParameters().keySet().stream()
                .map(dev.specwright.runtime.internal.PercentEncoder::encode).collect(java.util.stream.Collectors.toSet());
        StringJoiner kept = new StringJoiner("&");
        for (String part : rawQuery.split("&", -1)) {
            int eq = part.indexOf('=');
            if (!secret.contains(eq < 0 ? part : part.substring(0, eq))) {
                kept.add(part);
            }
        }
        return kept.toString();
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    /** {@code page 2 of GET /products}: where an exception that ends a walk happened. */
    private static String where(int number, ApiRequest request) {
        return "page " + number + " of " + request.method() + " " + request.pathTemplate();
    }

    /** The call's own exception, told which page of the walk it ended: its type (and so its catch) unchanged. */
    static RuntimeException onPage(RuntimeException e, int number, ApiRequest request) {
        String note = "(" + where(number, request) + ", fetched by a paginator)";
        if (e instanceof ApiException api) {
            api.notePage(note);
        } else if (e instanceof TransportException transport) {
            transport.notePage(note);
        } else {
            e.addSuppressed(new PageNote(note));
        }
        return e;
    }

    /** The page a failure of another kind happened on, as a suppressed exception without a stack trace of its own. */
    static final class PageNote extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PageNote(String note) {
            super(note, null, false, false);
        }
    }
}
