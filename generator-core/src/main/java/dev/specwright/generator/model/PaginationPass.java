package dev.specwright.generator.model;

import dev.specwright.generator.SpecProblem;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pagination pass: which operations return a list a page at a time, and how ({@link Pagination}), from the
 * operation's {@code x-pagination} where the spec declares it, else by the five rules below where the spec leaves no
 * doubt. A detected style that turns out wrong would walk a list wrongly, so the rules are narrow; anything else pages
 * only when declared. An operation is a candidate only if it is a {@code GET} whose success answer is JSON.
 *
 * <ol>
 *   <li><b>Link header</b>: the success answer declares a {@code Link} header and its body is an array (GitHub's lists)
 *       → {@code linkHeader}.</li>
 *   <li><b>Offset</b>: the operation has integer query parameters named exactly {@code offset} and {@code limit}, and
 *       its body is an array → {@code offset} with them.</li>
 *   <li><b>JSON:API pages</b>: integer query parameters {@code page[number]} and {@code page[size]}, and a body with an
 *       array {@code data} → {@code page} with them, items at {@code /data}.</li>
 *   <li><b>Stripe lists</b>: a string query parameter {@code starting_after}, and a body with a boolean
 *       {@code has_more} and an array {@code data} of objects with an {@code id} → {@code afterLast} with them.</li>
 *   <li><b>Google's page tokens</b> (AIP-158): a string query parameter {@code pageToken}, and a body with a string
 *       {@code nextPageToken} and exactly one array member → {@code cursor("pageToken", "/nextPageToken")}, items
 *       at that member (a body with two arrays, e.g. {@code unreachable} beside the items, is not detected).</li>
 * </ol>
 *
 * <p>AutoRest's {@code x-ms-pageable} (Azure's specs) is read as a declaration when there is no {@code x-pagination}:
 * {@code nextLinkName} → {@code nextLink} at that member, items at {@code itemName} (default {@code value}); with
 * {@code nextLinkName: null}, an {@code operationName}, a method other than {@code GET} or no such array, the
 * operation is not paged.
 *
 * <p>{@code x-pagination: false} turns detection off for an operation. The declared form, every key checked (a bad one
 * is a located {@link SpecProblem}, never silently no paginator):
 * <pre>
 * x-pagination: {style: offset, offsetParam: offset, limitParam: limit, items: /items}
 * x-pagination: {style: page, pageParam: page[number], sizeParam: page[size], items: /data, firstPage: 1}
 * x-pagination: {style: cursor, cursorParam: after, nextCursor: /meta/next, items: /data}
 * x-pagination: {style: afterLast, afterParam: starting_after, itemId: /id, hasMore: /has_more, items: /data}
 * x-pagination: {style: nextLink, nextLink: /links/next, items: /data}
 * x-pagination: {style: linkHeader}
 * </pre>
 * Parameters default to the names above ({@code offset}/{@code limit}, {@code page}/{@code size}); a cursor's
 * parameter and pointer have no default. {@code items} is a JSON Pointer into the success body to an array (left out:
 * the body is the array). The page size's {@code default} in the spec becomes the walk's default size, so a short
 * page ends it, and its {@code maximum} the most a page holds (a page that full is not the last).
 *
 * <p>The list's total ({@code Page.totalCount()}), for any style: {@code totalCount: header:X-Total-Count} (a
 * response header), {@code totalCount: /meta/total} (a JSON Pointer into the body) or {@code totalCount: false}.
 * Left out, it is detected when exactly one candidate is there: the success answer's declared header
 * {@code X-Total-Count} or {@code X-Include-Total-Count} (JSON:API), or the body's integer {@code /meta/total},
 * {@code /total} or {@code /total_count}; two candidates detect none.
 */
final class PaginationPass {

    static final String EXTENSION = "x-pagination";

    /** AutoRest's declaration of a list paged by a next link in the body (Azure's specs). */
    static final String MS_PAGEABLE = "x-ms-pageable";

    private static final Map<String, Set<String>> KEYS = Map.of(
            "offset", Set.of("style", "offsetParam", "limitParam", "items", "totalCount"),
            "page", Set.of("style", "pageParam", "sizeParam", "items", "firstPage", "totalCount"),
            "cursor", Set.of("style", "cursorParam", "nextCursor", "items", "totalCount"),
            "afterLast", Set.of("style", "afterParam", "itemId", "hasMore", "items", "totalCount"),
            "nextLink", Set.of("style", "nextLink", "items", "totalCount"),
            "linkHeader", Set.of("style", "items", "totalCount"));

    /** The response headers that carry a list's total, detected when the only candidate (any case). */
    private static final List<String> TOTAL_HEADERS = List.of("X-Total-Count", "X-Include-Total-Count");

    /** The body members that carry a list's total, detected when the only candidate and an integer. */
    private static final List<String> TOTAL_MEMBERS = List.of("/meta/total", "/total", "/total_count");

    private final OpenAPI api;
    private final Map<String, ModelDef> models;
    private final String file;
    private final List<SpecProblem> problems;

    private PaginationPass(OpenAPI api, List<ModelDef> models, String file, List<SpecProblem> problems) {
        this.api = api;
        this.models = models.stream().collect(Collectors.toUnmodifiableMap(ModelDef::className, Function.identity(), (a, b) -> a));
        this.file = file;
        this.problems = problems;
    }

    /**
     * The result: by operation pointer, in declaration order; the methods are not named yet
     * ({@link OperationFormsPass} names them with the class's other members).
     */
    record Paginations(Map<String, Pagination> byOperation) {}

    static Paginations run(OpenAPI api, List<ApiGroup> groups, List<ModelDef> models, String file, List<SpecProblem> problems) {
        PaginationPass pass = new PaginationPass(api, models, file, problems);
        Map<String, Pagination> found = new LinkedHashMap<>();
        for (ApiGroup group : groups) {
            for (Operation op : group.operations()) {
                pass.of(op).ifPresent(p -> found.put(op.pointer(), p));
            }
        }
        return new Paginations(found);
    }

    private Optional<Pagination> of(Operation op) {
        io.swagger.v3.oas.models.Operation raw = raw(op);
        Object declared = raw == null || raw.getExtensions() == null ? null : raw.getExtensions().get(EXTENSION);
        if (Boolean.FALSE.equals(declared)) {
            return Optional.empty();
        }
        Object azure = raw == null || raw.getExtensions() == null ? null : raw.getExtensions().get(MS_PAGEABLE);
        Optional<Pagination> paging = declared != null ? declared(op, declared)
                : azure != null ? msPageable(op, azure) : detected(op, raw);
        Object total = declared instanceof Map<?, ?> map ? map.get("totalCount") : null;
        return paging.flatMap(p -> total == null ? Optional.of(p.withTotalCount(detectedTotal(op, raw).orElse("")))
                : declaredTotal(op, total).map(p::withTotalCount));
    }

    // ---- detection -------------------------------------------------------------------------------------------------

    private Optional<Pagination> detected(Operation op, io.swagger.v3.oas.models.Operation raw) {
        if (raw == null || !op.httpMethod().equalsIgnoreCase("GET") || op.responseType().isEmpty()) {
            return Optional.empty();
        }
        Optional<TypeRef> rootItems = items(op.responseType().get(), "");
        if (rootItems.isPresent() && declaresLinkHeader(raw)) {
            return Optional.of(new Pagination(Pagination.Style.LINK_HEADER, "", "", "", "", Optional.empty(), Optional.empty(), 1,
                    rootItems.get(), false, "", "", ""));
        }
        if (rootItems.isPresent() && integerQuery(op, "offset") && integerQuery(op, "limit")) {
            return Optional.of(new Pagination(Pagination.Style.OFFSET, "offset", "limit", "", "", defaultOf(op, "limit"),
                    maximumOf(op, "limit"), 1,
                    rootItems.get(), false, "", "", ""));
        }
        Optional<TypeRef> data = items(op.responseType().get(), "/data");
        if (data.isPresent() && integerQuery(op, "page[number]") && integerQuery(op, "page[size]")) {
            return Optional.of(new Pagination(Pagination.Style.PAGE, "page[number]", "page[size]", "", "/data",
                    defaultOf(op, "page[size]"), maximumOf(op, "page[size]"), 1, data.get(), false, "", "", ""));
        }
        if (data.isPresent() && stringQuery(op, "starting_after") && hasId(data.get())
                && typeAt(op.responseType().get(), "/has_more").filter(t -> t == TypeRef.Builtin.BOOLEAN).isPresent()) {
            return Optional.of(new Pagination(Pagination.Style.AFTER_LAST, "starting_after", "", "/has_more", "/data",
                    Optional.empty(), Optional.empty(), 1, data.get(), false, "", "", "/id"));
        }
        Optional<String> onlyArray = onlyArrayMember(op.responseType().get());
        if (onlyArray.isPresent() && stringQuery(op, "pageToken")
                && typeAt(op.responseType().get(), "/nextPageToken").filter(t -> t == TypeRef.Builtin.STRING).isPresent()) {
            String pointer = "/" + escape(onlyArray.get());
            return items(op.responseType().get(), pointer).map(item -> new Pagination(Pagination.Style.CURSOR, "pageToken", "",
                    "/nextPageToken", pointer, Optional.empty(), Optional.empty(), 1, item, false, "", "", ""));
        }
        return Optional.empty();
    }

    /**
     * The list's total where the spec leaves no doubt: exactly one candidate among the success answer's declared
     * headers {@code X-Total-Count}/{@code X-Include-Total-Count} and the body's integer members {@code /meta/total},
     * {@code /total}, {@code /total_count}; none, or several, detect nothing.
     */
    private Optional<String> detectedTotal(Operation op, io.swagger.v3.oas.models.Operation raw) {
        List<String> found = new ArrayList<>();
        for (String header : successHeaders(raw)) {
            if (TOTAL_HEADERS.stream().anyMatch(header::equalsIgnoreCase)) {
                found.add(Pagination.HEADER + header);
            }
        }
        if (op.responseType().isPresent()) {
            for (String member : TOTAL_MEMBERS) {
                typeAt(op.responseType().get(), member).filter(t -> t == TypeRef.Builtin.INTEGER || t == TypeRef.Builtin.LONG)
                        .ifPresent(t -> found.add(member));
            }
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** {@code x-pagination.totalCount}: {@code header:<name>}, a JSON Pointer, or false for none; empty after a problem. */
    private Optional<String> declaredTotal(Operation op, Object total) {
        String at = op.pointer() + "/" + EXTENSION + "/totalCount";
        if (Boolean.FALSE.equals(total)) {
            return Optional.of("");
        }
        if (total instanceof String text && text.startsWith(Pagination.HEADER)
                && !text.substring(Pagination.HEADER.length()).isBlank()) {
            return Optional.of(Pagination.HEADER + text.substring(Pagination.HEADER.length()).strip());
        }
        if (total instanceof String text && text.startsWith("/")) {
            return Optional.of(text);
        }
        problem(at, EXTENSION + ".totalCount must name a response header (header:X-Total-Count) or a JSON Pointer into the"
                + " body (/meta/total), not " + total + ".", "write e.g. totalCount: header:X-Total-Count, totalCount: /meta/total,"
                + " or totalCount: false for none.");
        return Optional.empty();
    }

    /** The header names the success answers declare. */
    private List<String> successHeaders(io.swagger.v3.oas.models.Operation raw) {
        if (raw == null || raw.getResponses() == null) {
            return List.of();
        }
        return raw.getResponses().entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                .map(e -> OperationPass.resolveResponse(api, e.getValue())).filter(r -> r != null && r.getHeaders() != null)
                .flatMap(r -> r.getHeaders().keySet().stream()).distinct().toList();
    }

    private boolean declaresLinkHeader(io.swagger.v3.oas.models.Operation raw) {
        if (raw.getResponses() == null) {
            return false;
        }
        return raw.getResponses().entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                .map(e -> OperationPass.resolveResponse(api, e.getValue())).filter(r -> r != null && r.getHeaders() != null)
                .map(ApiResponse::getHeaders)
                .anyMatch(headers -> headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Link")));
    }

    private static boolean stringQuery(Operation op, String name) {
        return queryParameter(op, name).filter(p -> p.type() == TypeRef.Builtin.STRING).isPresent();
    }

    /** The body's one array member, when it has exactly one (Google's list answers); empty otherwise. */
    private Optional<String> onlyArrayMember(TypeRef body) {
        if (!(body instanceof TypeRef.Named named) || !models.containsKey(named.className())) {
            return Optional.empty();
        }
        List<String> arrays = models.get(named.className()).properties().stream()
                .filter(p -> p.type() instanceof TypeRef.ListOf).map(ModelDef.Property::jsonName).toList();
        return arrays.size() == 1 ? Optional.of(arrays.get(0)) : Optional.empty();
    }

    /** Whether the items are objects of a model with an {@code id} member. */
    private boolean hasId(TypeRef item) {
        return item instanceof TypeRef.Named named && models.containsKey(named.className())
                && models.get(named.className()).properties().stream().anyMatch(p -> p.jsonName().equals("id"));
    }

    private static boolean integerQuery(Operation op, String name) {
        return queryParameter(op, name).filter(p -> p.type() == TypeRef.Builtin.INTEGER || p.type() == TypeRef.Builtin.LONG)
                .isPresent();
    }

    private static Optional<dev.specwright.generator.model.Parameter> queryParameter(Operation op, String name) {
        return op.parameters().stream().filter(p -> p.in() == dev.specwright.generator.model.Parameter.Location.QUERY
                && p.name().equals(name)).findFirst();
    }

    /**
     * AutoRest's {@code x-ms-pageable: {nextLinkName: nextLink, itemName: value}} on a {@code GET}: a next link in
     * the body at {@code nextLinkName}, the items at {@code itemName} ({@code value} when left out). Nothing when
     * {@code nextLinkName} is null (AutoRest's "one page"), when {@code operationName} sends the next page through
     * another operation, or when the body has no such array: those are not this style, and are not guessed at.
     */
    private Optional<Pagination> msPageable(Operation op, Object declared) {
        if (!(declared instanceof Map<?, ?> map) || !op.httpMethod().equalsIgnoreCase("GET") || op.responseType().isEmpty()
                || map.get("operationName") != null || !(map.get("nextLinkName") instanceof String next) || next.isBlank()) {
            return Optional.empty();
        }
        Object itemName = map.containsKey("itemName") ? map.get("itemName") : "value";
        if (!(itemName instanceof String name) || name.isBlank()) {
            return Optional.empty();
        }
        String items = "/" + escape(name);
        return items(op.responseType().get(), items).map(item -> new Pagination(Pagination.Style.NEXT_LINK, "", "",
                "/" + escape(next), items, Optional.empty(), Optional.empty(), 1, item, true, "", "", ""));
    }

    /** A member name as one step of a JSON Pointer. */
    private static String escape(String member) {
        return member.replace("~", "~0").replace("/", "~1");
    }

    // ---- the declared form -----------------------------------------------------------------------------------------

    private Optional<Pagination> declared(Operation op, Object declared) {
        String at = op.pointer() + "/" + EXTENSION;
        if (!(declared instanceof Map<?, ?> map)) {
            problem(at, EXTENSION + " must be an object naming the style, or false to turn detection off.",
                    "write e.g. {style: offset, offsetParam: offset, limitParam: limit} (see the README).");
            return Optional.empty();
        }
        if (!(map.get("style") instanceof String style) || !KEYS.containsKey(style)) {
            problem(at + "/style", EXTENSION + ".style must be one of " + String.join(", ", KEYS.keySet().stream().sorted().toList())
                    + (map.get("style") == null ? "; it is missing." : ", not " + map.get("style") + "."),
                    "write style: offset (offset/limit parameters), page (page number and size), cursor (a parameter fed"
                            + " from the body), afterLast (the last item's id while the body says more follow), nextLink (a link in the body) or linkHeader (the Link header).");
            return Optional.empty();
        }
        boolean ok = true;
        for (Object key : map.keySet()) {
            if (!KEYS.get(style).contains(String.valueOf(key))) {
                problem(at + "/" + key, EXTENSION + " with style " + style + " has no key " + key + ".",
                        "use only " + String.join(", ", KEYS.get(style).stream().sorted().toList()) + ".");
                ok = false;
            }
        }
        if (op.responseType().isEmpty()) {
            problem(at, op.operationId() + " declares " + EXTENSION + " but its success answer has no JSON body to read"
                    + " items from.", "declare the list's JSON schema in its 2xx response, or remove " + EXTENSION + ".");
            return Optional.empty();
        }
        Optional<String> items = pointer(map, "items", at, "", true);
        Optional<TypeRef> itemType = items.flatMap(pointer -> {
            Optional<TypeRef> type = items(op.responseType().get(), pointer);
            if (type.isEmpty()) {
                problem(at + "/items", EXTENSION + ".items " + (pointer.isEmpty() ? "is left out, so the body must be"
                        + " an array, but it is not" : "\"" + pointer + "\" does not lead to an array in the success body")
                        + ".", "give the JSON Pointer of the items' array in the body, e.g. items: /data.");
            }
            return type;
        });
        Pagination.Style kind = switch (style) {
            case "offset" -> Pagination.Style.OFFSET;
            case "page" -> Pagination.Style.PAGE;
            case "cursor" -> Pagination.Style.CURSOR;
            case "afterLast" -> Pagination.Style.AFTER_LAST;
            case "nextLink" -> Pagination.Style.NEXT_LINK;
            default -> Pagination.Style.LINK_HEADER;
        };
        Optional<String> request = Optional.of("");
        Optional<String> size = Optional.of("");
        Optional<String> pointer = Optional.of("");
        Optional<String> itemId = Optional.of("");
        long firstPage = 1;
        switch (kind) {
            case OFFSET -> {
                request = parameter(op, map, "offsetParam", "offset", at);
                size = parameter(op, map, "limitParam", "limit", at);
            }
            case PAGE -> {
                request = parameter(op, map, "pageParam", "page", at);
                size = parameter(op, map, "sizeParam", "size", at);
                Object first = map.get("firstPage");
                if (first != null && !(first instanceof Integer || first instanceof Long)) {
                    problem(at + "/firstPage", EXTENSION + ".firstPage must be a whole number, not " + first + ".",
                            "write firstPage: 1 (or 0 for an API that counts pages from 0).");
                    ok = false;
                } else if (first != null) {
                    firstPage = ((Number) first).longValue();
                }
            }
            case CURSOR -> {
                request = parameter(op, map, "cursorParam", null, at);
                pointer = pointer(map, "nextCursor", at, null, false);
            }
            case AFTER_LAST -> {
                request = parameter(op, map, "afterParam", "starting_after", at);
                itemId = pointer(map, "itemId", at, "/id", false);
                pointer = pointer(map, "hasMore", at, "/has_more", false);
            }
            case NEXT_LINK -> pointer = pointer(map, "nextLink", at, "/links/next", false);
            case LINK_HEADER -> { }
        }
        if (!ok || itemType.isEmpty() || request.isEmpty() || size.isEmpty() || pointer.isEmpty() || itemId.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> defaultSize = size.get().isEmpty() ? Optional.empty() : defaultOf(op, size.get());
        Optional<Integer> maxSize = size.get().isEmpty() ? Optional.empty() : maximumOf(op, size.get());
        return Optional.of(new Pagination(kind, request.get(), size.get(), pointer.get(), items.get(), defaultSize, maxSize, firstPage,
                itemType.get(), true, "", "", itemId.get()));
    }

    /** A query parameter the extension names (or its default name); empty after a problem. */
    private Optional<String> parameter(Operation op, Map<?, ?> map, String key, String defaultName, String at) {
        Object value = map.containsKey(key) ? map.get(key) : defaultName;
        if (!(value instanceof String name) || name.isBlank()) {
            problem(at + "/" + key, EXTENSION + "." + key + (value == null ? " is missing" : " must be a parameter's name")
                    + ".", "name the query parameter, e.g. " + key + ": " + (defaultName == null ? "cursor" : defaultName) + ".");
            return Optional.empty();
        }
        if (queryParameter(op, name).isEmpty()) {
            List<String> query = op.parameters().stream().filter(p -> p.in() == dev.specwright.generator.model.Parameter.Location.QUERY)
                    .map(dev.specwright.generator.model.Parameter::name).toList();
            problem(at + "/" + key, EXTENSION + "." + key + " names \"" + name + "\", which is not a query parameter of "
                    + op.operationId() + ".", query.isEmpty() ? "declare it among the operation's parameters."
                    : "name one of its query parameters: " + String.join(", ", query) + ".");
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** A JSON Pointer the extension gives (or its default); empty after a problem. */
    private Optional<String> pointer(Map<?, ?> map, String key, String at, String defaultPointer, boolean rootAllowed) {
        Object value = map.containsKey(key) ? map.get(key) : defaultPointer;
        if (value == null) {
            problem(at + "/" + key, EXTENSION + "." + key + " is missing.", "give the JSON Pointer into the body, e.g. "
                    + key + ": /meta/next.");
            return Optional.empty();
        }
        if (!(value instanceof String pointer) || !(pointer.isEmpty() ? rootAllowed : pointer.startsWith("/"))) {
            problem(at + "/" + key, EXTENSION + "." + key + " must be a JSON Pointer into the body, not " + value + ".",
                    "write it with a leading /, one member per step, e.g. /meta/next.");
            return Optional.empty();
        }
        return Optional.of(pointer);
    }

    // ---- shared ------------------------------------------------------------------------------------------------------

    /** The items' type at the pointer into a body of {@code type}: an array's element type; empty if none is there. */
    Optional<TypeRef> items(TypeRef type, String pointer) {
        return typeAt(type, pointer).flatMap(at -> at instanceof TypeRef.ListOf list ? Optional.of(list.element()) : Optional.empty());
    }

    /** The type at the pointer into a body of {@code type}, through the models' properties; empty if none is there. */
    private Optional<TypeRef> typeAt(TypeRef type, String pointer) {
        TypeRef at = type;
        if (!pointer.isEmpty()) {
            for (String token : pointer.substring(1).split("/", -1)) {
                String member = token.replace("~1", "/").replace("~0", "~");
                if (!(at instanceof TypeRef.Named named) || !models.containsKey(named.className())) {
                    return Optional.empty();
                }
                Optional<ModelDef.Property> property = models.get(named.className()).properties().stream()
                        .filter(p -> p.jsonName().equals(member)).findFirst();
                if (property.isEmpty()) {
                    return Optional.empty();
                }
                at = property.get().type();
            }
        }
        return Optional.of(at);
    }

    /** The spec's default of a query parameter, when a positive whole number. */
    private Optional<Integer> defaultOf(Operation op, String name) {
        return schemaOf(op, name).map(schema -> schema.getDefault() instanceof Number n ? n : null)
                .filter(n -> n.intValue() > 0 && n.doubleValue() == n.intValue()).map(Number::intValue);
    }

    /** The spec's maximum of a query parameter, when a positive whole number. */
    private Optional<Integer> maximumOf(Operation op, String name) {
        return schemaOf(op, name).map(schema -> schema.getMaximum()).filter(max -> max.signum() > 0
                && max.stripTrailingZeros().scale() <= 0 && max.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0)
                .map(java.math.BigDecimal::intValue);
    }

    /** A query parameter's schema (operation or path level, {@code $ref}s followed). */
    private Optional<io.swagger.v3.oas.models.media.Schema<?>> schemaOf(Operation op, String name) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(op.path());
        io.swagger.v3.oas.models.Operation raw = raw(op);
        List<Parameter> all = new ArrayList<>();
        if (raw != null && raw.getParameters() != null) {
            all.addAll(raw.getParameters());
        }
        if (item != null && item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        for (Parameter p : all) {
            Parameter resolved = resolve(p);
            if (resolved != null && name.equals(resolved.getName()) && "query".equals(resolved.getIn()) && resolved.getSchema() != null) {
                return Optional.of(resolved.getSchema());
            }
        }
        return Optional.empty();
    }

    private Parameter resolve(Parameter p) {
        if (p.get$ref() == null) {
            return p;
        }
        String ref = p.get$ref();
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        return api.getComponents() == null || api.getComponents().getParameters() == null ? null
                : api.getComponents().getParameters().get(name);
    }

    private io.swagger.v3.oas.models.Operation raw(Operation op) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(op.path());
        return item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(op.httpMethod().toUpperCase(Locale.ROOT)));
    }

    private void problem(String pointer, String message, String fix) {
        problems.add(new SpecProblem(file, pointer, message, fix));
    }
}
