package dev.specwright.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specwright.runtime.internal.HeaderRules;
import dev.specwright.runtime.internal.JsonMappers;
import dev.specwright.runtime.internal.ParamValues;
import dev.specwright.runtime.internal.PercentEncoder;
import dev.specwright.runtime.internal.Tokens;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One request, as a generated API method describes it: method, path template with its parameters, query, headers,
 * cookies and an optional body (JSON, form fields, multipart parts, a {@link Binary} or text), plus per-call options
 * (timeout, idempotency key, retry opt-in). Immutable; everything is validated and encoded by {@link Builder#build()},
 * so a bad value fails where it was given, not on the wire. Bodies that need the client's mapper (JSON, and objects in
 * form fields and parts) are written when the request is sent. {@code toString()} shows the method and path template
 * only: parameter values and headers may be personal data or secrets.
 */
public final class ApiRequest {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final String method;
    private final String pathTemplate;
    private final String path;
    private final String query;
    private final Map<String, String> headers;
    private final RequestBody body;
    private final Duration timeout;
    private final String idempotencyKey;
    private final boolean retryNonIdempotent;
    private final long maxInMemoryBodySize;

    private ApiRequest(Builder builder, String path, Map<String, String> headers, String idempotencyKey) {
        this.method = builder.method;
        this.pathTemplate = builder.pathTemplate;
        this.path = path;
        this.query = builder.query.toString();
        this.headers = Collections.unmodifiableMap(headers);
        this.body = builder.body instanceof RequestBody.Fields fields
                ? new RequestBody.Fields(fields.multipart(), List.copyOf(fields.fields())) : builder.body;
        this.timeout = builder.timeout;
        this.idempotencyKey = idempotencyKey;
        this.retryNonIdempotent = builder.retryNonIdempotent;
        this.maxInMemoryBodySize = builder.maxInMemoryBodySize;
    }

    /** A copy with another path and query: the next page of a {@link Paginator}. */
    private ApiRequest(ApiRequest from, String path, String query) {
        this.method = from.method;
        this.pathTemplate = from.pathTemplate;
        this.path = path;
        this.query = query;
        this.headers = from.headers;
        this.body = from.body;
        this.timeout = from.timeout;
        this.idempotencyKey = from.idempotencyKey;
        this.retryNonIdempotent = from.retryNonIdempotent;
        this.maxInMemoryBodySize = from.maxInMemoryBodySize;
    }

    /** This request sent to another path (percent-encoded, relative to the base URI) with another encoded query. */
    ApiRequest withTarget(String newPath, String newQuery) {
        return new ApiRequest(this, newPath, newQuery);
    }

    /**
     * This request with the query parameter {@code name} set to {@code value} alone: its first occurrence replaced
     * (so the query keeps its order), further ones dropped, or the parameter added at the end.
     */
    ApiRequest withQueryParameter(String name, Object value) {
        String key = PercentEncoder.encode(name);
        String pair = key + "=" + ParamValues.encoded(value);
        StringJoiner out = new StringJoiner("&");
        boolean placed = false;
        for (String part : query.isEmpty() ? new String[0] : query.split("&", -1)) {
            if (part.equals(key) || part.startsWith(key + "=")) {
                if (!placed) {
                    out.add(pair);
                    placed = true;
                }
            } else {
                out.add(part);
            }
        }
        if (!placed) {
            out.add(pair);
        }
        return withTarget(path, out.toString());
    }

    /** The decoded value of the query parameter {@code name}'s first occurrence; empty when the query has none. */
    Optional<String> queryParameter(String name) {
        String key = PercentEncoder.encode(name);
        for (String part : query.isEmpty() ? new String[0] : query.split("&", -1)) {
            if (part.equals(key)) {
                return Optional.of("");
            }
            if (part.startsWith(key + "=")) {
                String raw = part.substring(key.length() + 1);
                return Optional.of(java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /**
     * @param method       an HTTP method, e.g. {@code GET}
     * @param pathTemplate the operation's path relative to the base URI, starting with {@code /}; {@code {name}}
     *                     placeholders are filled by {@link Builder#pathParam(String, Object)}
     */
    public static Builder builder(String method, String pathTemplate) {
        return new Builder(method, pathTemplate);
    }

    public String method() {
        return method;
    }

    public String pathTemplate() {
        return pathTemplate;
    }

    /** The path with its parameters filled in and percent-encoded, e.g. {@code /products/..%2Fadmin}. */
    public String path() {
        return path;
    }

    /** The percent-encoded query without the leading {@code ?}; empty when there is none. */
    public String query() {
        return query;
    }

    /** The request's own headers, in the order given; the cookies of {@link Builder#cookie} are in its {@code Cookie}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The object to send as JSON, if any. */
    public Optional<Object> jsonBody() {
        return body instanceof RequestBody.Json json ? Optional.of(json.value()) : Optional.empty();
    }

    /** The body of whatever kind, as the builder was given it; null for none. */
    RequestBody body() {
        return body;
    }

    /** How long each attempt of this call waits for an answer, instead of the client's {@code requestTimeout}. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * The {@code Idempotency-Key} this call sends, set with {@link Builder#idempotencyKey(String)} or as a header: the
     * same on every retry of the call.
     */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** Whether the caller allowed this call to be retried after a 5xx or a lost connection whatever its method. */
    public boolean retryNonIdempotent() {
        return retryNonIdempotent;
    }

    /** This call's limit on bodies read into memory, when it has its own; else the client's applies. */
    public java.util.OptionalLong maxInMemoryBodySize() {
        return maxInMemoryBodySize > 0 ? java.util.OptionalLong.of(maxInMemoryBodySize) : java.util.OptionalLong.empty();
    }

    @Override
    public String toString() {
        return "ApiRequest[" + method + " " + pathTemplate + "]";
    }

    public static final class Builder {

        private final String method;
        private final String pathTemplate;
        private final Map<String, Object> pathParams = new LinkedHashMap<>();
        private final StringJoiner query = new StringJoiner("&");
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final StringJoiner cookies = new StringJoiner("; ");
        private RequestBody body;
        private Duration timeout;
        private boolean retryNonIdempotent;
        private long maxInMemoryBodySize;

        private Builder(String method, String pathTemplate) {
            if (!Tokens.isToken(method)) {
                throw new IllegalArgumentException("HTTP method \"" + method + "\" is not a token, e.g. GET");
            }
            if (pathTemplate == null || !pathTemplate.startsWith("/")) {
                throw new IllegalArgumentException("path template \"" + pathTemplate + "\" must start with '/'");
            }
            requireLegalPathText(pathTemplate);
            this.method = method;
            this.pathTemplate = pathTemplate;
        }

        /** Fills {@code {name}} in the path template; the value is percent-encoded as exactly one path segment. */
        public Builder pathParam(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (value == null) {
                throw new IllegalArgumentException("path parameter " + name + " of " + pathTemplate
                        + " is null; it is required");
            }
            if (pathParams.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("path parameter " + name + " of " + pathTemplate + " is given twice");
            }
            return this;
        }

        /**
         * Adds a query parameter; a null value (or an empty list) is skipped, an {@link Iterable} or array is sent as
         * one parameter with its elements joined by {@code ,}. Calling it again with the same name repeats the
         * parameter.
         */
        public Builder query(String name, Object value) {
            return queryEncoded(name, ParamValues.encoded(value));
        }

        /**
         * Adds a query parameter with its elements joined by {@code delimiter}: OpenAPI's {@code pipeDelimited}
         * ({@code "|"}) and {@code spaceDelimited} ({@code " "}) arrays. Each element is written as by
         * {@link #query} (dates in ISO 8601, enums by their JSON value) and percent-encoded, and so is the delimiter
         * ({@code ids=1%7C2%7C3}, which servers decode to {@code 1|2|3}); null elements are skipped, and a null or
         * empty list adds nothing.
         */
        public Builder queryJoined(String name, Iterable<?> values, String delimiter) {
            if (delimiter == null || delimiter.isEmpty()) {
                throw new IllegalArgumentException("query delimiter is empty; use \"|\" (pipeDelimited) or \" \" (spaceDelimited)");
            }
            return queryEncoded(name, ParamValues.encoded(values, delimiter));
        }

        private Builder queryEncoded(String name, String encoded) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("query parameter name is empty");
            }
            if (encoded != null) {
                query.add(PercentEncoder.encode(name) + "=" + encoded);
            }
            return this;
        }

        /**
         * Adds a query parameter once per element ({@code ?id=1&id=2}): OpenAPI's default for arrays ({@code style: form,
         * explode: true}). A null collection adds nothing; null elements are skipped.
         *
         * @param name the parameter name
         * @param values the values, each sent as its own {@code name=value}
         * @return this builder
         */
        public Builder queryEach(String name, Iterable<?> values) {
            if (values != null) {
                for (Object value : values) {
                    query(name, value);
                }
            }
            return this;
        }

        /**
         * Sets a request header; a null value is skipped. The value may not contain CR or LF. It overrides a default
         * or credential header of the same name.
         */
        public Builder header(String name, Object value) {
            HeaderRules.requireName(name);
            String text = ParamValues.joined(value);
            if (text != null) {
                HeaderRules.putReplacing(headers, name, text);
            }
            return this;
        }

        /**
         * The request body, written as JSON by the client's mapper. GET requests cannot have one. A request has one
         * body: this replaces a body of another kind given before (form fields, parts, binary, text).
         */
        public Builder jsonBody(Object body) {
            this.body = new RequestBody.Json(Objects.requireNonNull(body,
                    "jsonBody is null; leave jsonBody(...) out to send no body"));
            return this;
        }

        /**
         * The request body, written as JSON by the client's mapper and sent with exactly this {@code Content-Type}, no
         * charset parameter added: for JSON media types such as {@code application/vnd.api+json}, whose servers refuse
         * a {@code Content-Type} with parameters (JSON:API answers 415). Otherwise as {@link #jsonBody(Object)}.
         *
         * @param body      the object to write
         * @param mediaType a JSON media type, {@code type/subtype} without CR or LF, e.g. {@code application/vnd.api+json}
         * @return this builder
         * @throws IllegalArgumentException if {@code mediaType} is not a media type or not a JSON one
         */
        public Builder jsonBody(Object body, String mediaType) {
            Objects.requireNonNull(body, "jsonBody is null; leave jsonBody(...) out to send no body");
            String type = MediaTypes.require("JSON body media type", mediaType);
            if (!MediaTypes.isJson(type)) {
                throw new IllegalArgumentException("JSON body media type \"" + type + "\" is not a JSON type; use"
                        + " application/json or a +json type such as application/vnd.api+json, or textBody/binaryBody"
                        + " for other bodies");
            }
            this.body = new RequestBody.Json(body, type);
            return this;
        }

        /** A body already written, sent as-is with this {@code Content-Type}; replaces a body given before. */
        Builder rawBody(byte[] body, String contentType) {
            this.body = new RequestBody.Raw(Objects.requireNonNull(body, "body"),
                    HeaderRules.requireValue("Content-Type", contentType));
            return this;
        }

        /**
         * Adds a field to an {@code application/x-www-form-urlencoded} body, by OpenAPI's defaults for forms: a null
         * value is skipped; an {@link Iterable} or array gives one field per non-null element ({@code explode: true});
         * text, numbers, booleans, enums (their JSON value), dates and times (ISO 8601), UUIDs, URIs and
         * {@link FieldSelector}s are sent as text, as in the query; a {@code byte[]} as base64 (OpenAPI's
         * {@code format: byte}), a {@link Binary} as its raw octets; any other object (a model, a map) as its JSON text,
         * written by the client's mapper when the request is sent. Names and values are percent-encoded as UTF-8.
         *
         * <p>The first call makes this a form request, replacing a body of another kind given before; it stays one even
         * if every value is null, and then sends an empty body with the form {@code Content-Type}.
         *
         * @param name  the field's name, not empty
         * @param value the field's value, or null to send none
         * @return this builder
         */
        public Builder formField(String name, Object value) {
            requireFieldName("form field", name);
            fields(false, value == null ? null : new RequestBody.Field(name, value));
            return this;
        }

        /**
         * Adds the fields of a whole object to an {@code application/x-www-form-urlencoded} body, for when there is no
         * typed model: a {@link Map}'s entries in its order, each by the rules of {@link #formField}; or any other object
         * (a model, a {@code JsonNode}), which the client's mapper turns into a JSON object when the request is sent and
         * whose top-level properties become the fields (an array repeated, a nested object as JSON text, null left
         * out). Null adds nothing but, like {@link #formField}, makes this a form request.
         *
         * @throws IllegalArgumentException if {@code object} is not an object or a map (e.g. a {@code String} or a list)
         */
        public Builder formFields(Object object) {
            if (object != null) {
                BodyFields.requireObject(object, false);
            }
            fields(false, object == null ? null : new RequestBody.Field(null, object));
            return this;
        }

        /**
         * Adds a part to a {@code multipart/form-data} body (random boundary, RFC 7578): a {@link Binary} is a file
         * part ({@code filename} if it has one, its content type or {@code application/octet-stream}; a file is
         * streamed, not read into memory); a {@code byte[]} is sent like {@code Binary.of(bytes)}; an {@link Iterable}
         * or array gives one part per non-null element; a scalar (as in {@link #formField}) is a
         * {@code text/plain; charset=UTF-8} part; any other object an {@code application/json; charset=UTF-8} part
         * written by the client's mapper when the request is sent. A null value is skipped.
         *
         * <p>The first call makes this a multipart request, replacing a body of another kind given before; it stays
         * one even if every value is null (then the body is the closing boundary alone).
         *
         * @param name  the part's name, not empty, without CR or LF ({@code "} is sent as {@code %22})
         * @param value the part's value, or null to send none
         * @return this builder
         */
        public Builder part(String name, Object value) {
            requireFieldName("part", name);
            if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("part name \"" + HeaderRules.printable(name) + "\" contains a line"
                        + " break (CR or LF), which would inject part headers; remove it");
            }
            fields(true, value == null ? null : new RequestBody.Field(name, value));
            return this;
        }

        /**
         * Adds the parts of a whole object to a {@code multipart/form-data} body, for when there is no typed model: a
         * {@link Map}'s entries in its order, each by the rules of {@link #part} (so {@link Binary} values stay file
         * parts); or any other object (a model, a {@code JsonNode}), which the client's mapper turns into a JSON object
         * when the request is sent and whose top-level properties become text or JSON parts. Null adds nothing but,
         * like {@link #part}, makes this a multipart request.
         *
         * @throws IllegalArgumentException if {@code object} is not an object or a map (e.g. a {@code String} or a list)
         */
        public Builder parts(Object object) {
            if (object != null) {
                BodyFields.requireObject(object, true);
            }
            fields(true, object == null ? null : new RequestBody.Field(null, object));
            return this;
        }

        /**
         * The body is {@code body}'s bytes, sent as-is (a file is streamed, opened anew for each attempt). Its
         * {@code Content-Type}: the {@link Binary}'s own if it has one; else {@code declaredContentType} (the
         * operation's request media type) unless that is missing or a range such as {@code application/*}; else
         * {@code application/octet-stream}. Replaces a body of another kind given before.
         *
         * @param body                the content
         * @param declaredContentType the media type the operation declares, or null
         * @return this builder
         */
        public Builder binaryBody(Binary body, String declaredContentType) {
            Objects.requireNonNull(body, "binaryBody is null; leave binaryBody(...) out to send no body");
            String contentType = body.contentType().orElseGet(() ->
                    declaredContentType == null || MediaTypes.isRange(declaredContentType) ? MediaTypes.OCTET_STREAM
                            : MediaTypes.require("declared content type", declaredContentType));
            this.body = new RequestBody.Upload(body, contentType);
            return this;
        }

        /**
         * The body is {@code body} as text with this {@code Content-Type}; {@code ; charset=UTF-8} is added when it
         * names no charset, and the text is encoded in the charset it names (characters that charset cannot hold
         * become {@code ?}). A null or range type ({@code text/*}) is sent as {@code text/plain}. Replaces a body of
         * another kind given before.
         *
         * @param body        the text
         * @param contentType the media type, e.g. {@code text/csv}
         * @return this builder
         * @throws IllegalArgumentException if the type is not {@code type/subtype} or names a charset this JVM lacks
         */
        public Builder textBody(String body, String contentType) {
            Objects.requireNonNull(body, "textBody is null; leave textBody(...) out to send no body");
            String type = contentType == null || MediaTypes.isRange(contentType) ? "text/plain"
                    : MediaTypes.require("text body content type", contentType);
            Optional<String> charsetName = MediaTypes.charsetName(type);
            Charset charset = StandardCharsets.UTF_8;
            if (charsetName.isEmpty()) {
                type = type + "; charset=UTF-8";
            } else {
                try {
                    charset = Charset.forName(charsetName.get());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("text body content type names charset \"" + charsetName.get()
                            + "\", which this JVM does not support; leave the charset out to send UTF-8", e);
                }
            }
            this.body = new RequestBody.Raw(body.getBytes(charset), type);
            return this;
        }

        /**
         * Adds {@code name=value} to the request's {@code Cookie} header (several cookies: {@code a=1; b=2}), after a
         * {@code Cookie} header given with {@link #header} and after the credentials' cookies. A null value is skipped;
         * the value is the parameter's text (a list joined with {@code ,}), with every character that is not an RFC
         * 6265 {@code cookie-octet} (whitespace, {@code "}, {@code ,}, {@code ;}, {@code \}, controls, non-ASCII) and
         * {@code %} itself percent-encoded as UTF-8.
         *
         * @param name the cookie's name, an RFC 7230 token
         * @throws IllegalArgumentException if the name is not a token
         */
        public Builder cookie(String name, Object value) {
            if (!Tokens.isToken(name)) {
                throw new IllegalArgumentException("cookie name \"" + (name == null ? "null" : HeaderRules.printable(name))
                        + "\" is not an RFC 7230 token; use only " + Tokens.ALLOWED
                        + " (the value may hold anything: it is percent-encoded)");
            }
            String text = ParamValues.joined(value);
            if (text != null) {
                cookies.add(name + "=" + PercentEncoder.encodeCookieValue(text));
            }
            return this;
        }

        /**
         * Adds a query parameter in OpenAPI's {@code style: deepObject}: a {@link Map} or an object (a model, a
         * {@code JsonNode}) becomes {@code name[key]=value} per property, a nested object {@code name[key][sub]=value},
         * an array {@code name[key]=a&name[key]=b} (an object inside an array {@code name[key][0][sub]=value}, by its
         * index); null properties are left out, a null value adds nothing. Objects are turned into JSON by the shared
         * mapper, configured like the client's (ISO dates, enums by their JSON value), as the query is built now.
         *
         * <p>The brackets are sent percent-encoded ({@code %5B}, {@code %5D}), as RFC 3986 wants outside an IP literal
         * and as {@code java.net.URI} insists; servers decode them before they parse the query, so Rails, Stripe-style
         * and Spring servers read {@code name[key]} all the same.
         *
         * @throws IllegalArgumentException if the value is not an object or a map
         */
        public Builder queryDeep(String name, Object value) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("query parameter name is empty");
            }
            if (value == null) {
                return this;
            }
            JsonNode tree = value instanceof JsonNode node ? node : deepTree(name, value);
            if (tree.isNull() || tree.isMissingNode()) {
                return this;
            }
            if (!tree.isObject()) {
                throw new IllegalArgumentException("deepObject query parameter " + name + " got "
                        + value.getClass().getName() + " (a JSON " + tree.getNodeType() + "): it must be an object or a"
                        + " map; send a single value or a list with query(name, value) or queryEach(name, values)");
            }
            addDeep(PercentEncoder.encode(name), tree);
            return this;
        }

        private static JsonNode deepTree(String name, Object value) {
            try {
                return JsonMappers.shared().valueToTree(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("deepObject query parameter " + name + " (" + value.getClass().getName()
                        + ") cannot be turned into JSON: " + e.getMessage(), e);
            }
        }

        /** {@code prefix=value} for a scalar, one bracketed key per level for containers; nulls left out. */
        private void addDeep(String prefix, JsonNode node) {
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    addDeep(prefix + "%5B" + PercentEncoder.encode(property.getKey()) + "%5D", property.getValue());
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    JsonNode element = node.get(i);
                    addDeep(element.isContainerNode() ? prefix + "%5B" + i + "%5D" : prefix, element);
                }
            } else if (!node.isNull() && !node.isMissingNode()) {
                query.add(prefix + "=" + PercentEncoder.encode(node.asText()));
            }
        }

        /** Makes the body a form or multipart body (keeping the fields so far if it is one already) and adds a field. */
        private void fields(boolean multipart, RequestBody.Field field) {
            if (!(body instanceof RequestBody.Fields fields && fields.multipart() == multipart)) {
                body = new RequestBody.Fields(multipart, new ArrayList<>());
            }
            if (field != null) {
                ((RequestBody.Fields) body).fields().add(field);
            }
        }

        private static void requireFieldName(String what, String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException(what + " name is empty; use the property name the operation's schema"
                        + " gives");
            }
        }

        /** How long each attempt of this call waits for an answer; overrides the client's {@code requestTimeout}. */
        public Builder timeout(Duration timeout) {
            this.timeout = dev.specwright.runtime.internal.Durations.requirePositive("timeout", timeout);
            return this;
        }

        /**
         * Sends {@code Idempotency-Key: key}, the same on every attempt of this call, so a server that deduplicates by
         * it carries the request out at most once. That makes a POST or PATCH safe to retry after a 5xx or a lost
         * connection, so such a call is retried like a GET (see {@link RetryPolicy}). Use a fresh key, e.g. a random
         * UUID, per logical operation, not per attempt.
         */
        public Builder idempotencyKey(String key) {
            return header(IDEMPOTENCY_KEY, requireIdempotencyKey(key));
        }

        /** This call's limit on bodies read into memory; see {@link ClientOptions.Builder#maxInMemoryBodySize(long)}. */
        public Builder maxInMemoryBodySize(long bytes) {
            this.maxInMemoryBodySize = ClientOptions.Builder.requireBodySize(bytes);
            return this;
        }

        /**
         * Allows this call to be retried after a 5xx or a lost connection even if its method is not idempotent (POST,
         * PATCH): say so only when sending it twice does no harm. Off by default.
         */

        public Builder retryNonIdempotent(boolean allow) {
            this.retryNonIdempotent = allow;
            return this;
        }

        public ApiRequest build() {
            if (body != null && (method.equals("GET") || method.equals("HEAD"))) {
                throw new IllegalArgumentException(method + " " + pathTemplate + " cannot have a body: the API refuses "
                        + method + " requests with a body; send the data as query parameters");
            }
            String idempotencyKey = headerValue(IDEMPOTENCY_KEY);
            Map<String, String> allHeaders = new LinkedHashMap<>(headers);
            if (cookies.length() > 0) {
                String explicit = headerValue("Cookie");
                String all = explicit == null ? cookies.toString() : explicit + "; " + cookies;
                HeaderRules.putReplacing(allHeaders, "Cookie", all);
            }
            return new ApiRequest(this, expandPath(), allHeaders, idempotencyKey);
        }

        private String headerValue(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        private String expandPath() {
            StringBuilder out = new StringBuilder(pathTemplate.length() + 32);
            Set<String> used = new HashSet<>();
            int at = 0;
            while (at < pathTemplate.length()) {
                int open = pathTemplate.indexOf('{', at);
                if (open < 0) {
                    out.append(pathTemplate, at, pathTemplate.length());
                    break;
                }
                int close = pathTemplate.indexOf('}', open);
                if (close < 0) {
                    throw new IllegalArgumentException("path template " + pathTemplate + " has a '{' without '}'");
                }
                String name = pathTemplate.substring(open + 1, close);
                out.append(pathTemplate, at, open).append(segment(name));
                used.add(name);
                at = close + 1;
            }
            if (!used.containsAll(pathParams.keySet())) {
                Set<String> unknown = new LinkedHashSet<>(pathParams.keySet());
                unknown.removeAll(used);
                throw new IllegalArgumentException("path template " + pathTemplate + " has no placeholder for path"
                        + " parameter " + unknown + "; a placeholder looks like {name}");
            }
            return out.toString();
        }

        private String segment(String name) {
            Object value = pathParams.get(name);
            if (value == null) {
                throw new IllegalArgumentException("path parameter {" + name + "} of " + pathTemplate
                        + " has no value; call pathParam(\"" + name + "\", value)");
            }
            String text = ParamValues.joined(value);
            if (text == null || text.isEmpty()) {
                // an empty segment would turn /products/{sku} into /products/, a different resource
                throw new IllegalArgumentException("path parameter {" + name + "} of " + pathTemplate + " is empty");
            }
            return PercentEncoder.isDotSegment(text) ? PercentEncoder.encodeSegment(text) : ParamValues.encoded(value);
        }

        /** Template text outside placeholders goes on the wire as-is, so it must already be a legal URI path. */
        private static void requireLegalPathText(String pathTemplate) {
            boolean inPlaceholder = false;
            for (int i = 0; i < pathTemplate.length(); i++) {
                char c = pathTemplate.charAt(i);
                if (c == '{' || c == '}') {
                    inPlaceholder = c == '{';
                } else if (!inPlaceholder && !PercentEncoder.isPathChar(c)) {
                    throw new IllegalArgumentException("path template " + pathTemplate + " contains '" + c
                            + "' outside a placeholder; percent-encode it in the template");
                }
            }
        }
    }

    static String requireIdempotencyKey(String key) {
        Objects.requireNonNull(key, "idempotency key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("idempotency key is blank; use e.g. UUID.randomUUID().toString()");
        }
        return key;
    }
}
