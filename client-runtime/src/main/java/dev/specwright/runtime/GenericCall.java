package dev.specwright.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A call to an endpoint the spec does not describe, built step by step: {@link ApiClient#call(String, String)}, then
 * parameters, headers, cookies and a body (JSON, XML, form fields, multipart parts, raw bytes or text), then
 * {@code execute}. It goes through everything a generated call goes through — credentials and authenticators, the rate
 * limit, the retry rules, the error decoder — and reads the answer as JSON or XML by its {@code Content-Type}, or as a
 * {@link Download} (any content), a {@code String} (text) or a {@code byte[]} when asked for one:
 *
 * <pre>{@code
 * Invoice invoice = client.call("POST", "/v2/invoices/{id}/send")
 *     .pathParam("id", 42)
 *     .query("notify", true)
 *     .xmlBody(new SendOrder("email"), "sendOrder")
 *     .execute(Invoice.class);
 * JsonNode tree = client.call("GET", "/v2/status").executeForTree();
 * Download pdf = client.call("POST", "/v2/reports")
 *     .part("template", Binary.of(Path.of("report.odt")))
 *     .part("title", "Q3")
 *     .execute(Download.class);   // streamed: close it, or writeTo(path)
 * }</pre>
 *
 * One instance describes one call and is not thread-safe; each {@code execute} sends it anew (and may be called again,
 * e.g. to poll). Values are validated as they are given, as by {@link ApiRequest.Builder}.
 */
public final class GenericCall {

    private static final String XML_UTF8 = "application/xml; charset=UTF-8";

    private final ApiClient client;
    private final ApiRequest.Builder request;
    private final String method;
    private final String path;
    private boolean acceptSet;

    GenericCall(ApiClient client, String method, String path) {
        this.client = client;
        this.method = method;
        this.path = path;
        this.request = ApiRequest.builder(method, path);
    }

    /** Fills {@code {name}} in the path; the value is percent-encoded as exactly one path segment. */
    public GenericCall pathParam(String name, Object value) {
        request.pathParam(name, value);
        return this;
    }

    /** Adds a query parameter: null skipped, a list joined with {@code ,}, a repeated name repeated. */
    public GenericCall query(String name, Object value) {
        request.query(name, value);
        return this;
    }

    /** Sets a header (CR/LF refused); it overrides a default or credential header of the same name. */
    public GenericCall header(String name, Object value) {
        if (name != null && name.equalsIgnoreCase("Accept")) {
            acceptSet = true;
        }
        request.header(name, value);
        return this;
    }

    /** The body, written as JSON ({@code Content-Type: application/json}) by the client's mapper. */
    public GenericCall jsonBody(Object body) {
        request.jsonBody(body);
        return this;
    }

    /**
     * The body, written as XML ({@code Content-Type: application/xml}); the root element is named after the class
     * (or its {@code @JacksonXmlRootElement}). Unless an {@code Accept} header is given, XML is asked for in return.
     */
    public GenericCall xmlBody(Object body) {
        return xmlBody(body, null);
    }

    /** As {@link #xmlBody(Object)}, with the root element named {@code rootElement}, e.g. for a {@code Map}. */
    public GenericCall xmlBody(Object body, String rootElement) {
        Objects.requireNonNull(body, "xmlBody is null; leave xmlBody(...) out to send no body");
        try {
            byte[] xml = (rootElement == null ? client.xmlMapper().writer() : client.xmlMapper().writer().withRootName(rootElement))
                    .writeValueAsBytes(body);
            request.rawBody(xml, XML_UTF8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body of " + method + " " + path + " (" + body.getClass().getName()
                    + ") cannot be written as XML: " + e.getOriginalMessage(), e);
        }
        if (!acceptSet) {
            request.header("Accept", "application/xml, application/json;q=0.5");
        }
        return this;
    }

    /** Adds a cookie to the {@code Cookie} header, as {@link ApiRequest.Builder#cookie}: null skipped, the value percent-encoded. */
    public GenericCall cookie(String name, Object value) {
        request.cookie(name, value);
        return this;
    }

    /** Adds a {@code style: deepObject} query parameter ({@code name[key]=value}), as {@link ApiRequest.Builder#queryDeep}. */
    public GenericCall queryDeep(String name, Object value) {
        request.queryDeep(name, value);
        return this;
    }

    /** Adds a field to an {@code application/x-www-form-urlencoded} body, by the rules of {@link ApiRequest.Builder#formField}. */
    public GenericCall formField(String name, Object value) {
        request.formField(name, value);
        return this;
    }

    /** Adds the fields of a map or an object to a form body, by the rules of {@link ApiRequest.Builder#formFields}. */
    public GenericCall formFields(Object object) {
        request.formFields(object);
        return this;
    }

    /**
     * Adds a part to a {@code multipart/form-data} body, by the rules of {@link ApiRequest.Builder#part}: a
     * {@link Binary} is a file part (streamed from disk, reopened for each retry), a scalar a text part, an object JSON.
     */
    public GenericCall part(String name, Object value) {
        request.part(name, value);
        return this;
    }

    /** Adds the parts of a map or an object to a multipart body, by the rules of {@link ApiRequest.Builder#parts}. */
    public GenericCall parts(Object object) {
        request.parts(object);
        return this;
    }

    /**
     * The body is the content's bytes, sent as-is, with the {@link Binary}'s own content type or else
     * {@code application/octet-stream}.
     */
    public GenericCall binaryBody(Binary body) {
        request.binaryBody(body, null);
        return this;
    }

    /** The body is {@code text}, with this content type ({@code ; charset=UTF-8} added when it names none). */
    public GenericCall textBody(String text, String contentType) {
        request.textBody(text, contentType);
        return this;
    }

    /** How long each attempt waits for an answer; overrides the client's {@code requestTimeout}. */
    public GenericCall timeout(Duration timeout) {
        request.timeout(timeout);
        return this;
    }

    /** This call's limit on bodies read into memory; overrides the client's {@code maxInMemoryBodySize}. */
    public GenericCall maxInMemoryBodySize(long bytes) {
        request.maxInMemoryBodySize(bytes);
        return this;
    }

    /** Sends {@code Idempotency-Key: key} on every attempt, which also makes a POST retryable (see {@link RetryPolicy}). */
    public GenericCall idempotencyKey(String key) {
        request.idempotencyKey(key);
        return this;
    }

    /** Allows a retry after a 5xx or a lost connection whatever the method: say so only when sending twice does no harm. */
    public GenericCall retryNonIdempotent(boolean allow) {
        request.retryNonIdempotent(allow);
        return this;
    }

    /** Sends the call; returns on any 2xx. */
    public void execute() {
        client.send(request.build());
    }

    /**
     * Sends the call and reads the 2xx body, JSON or XML by its {@code Content-Type}, as {@code type}; null when empty
     * (for {@code JsonNode}, a {@link MissingNode}). {@code Download.class} takes any content whole, with its type and
     * file name; {@code String.class} and {@code byte[].class} take a body that is not JSON as text or bytes.
     */
    public <T> T execute(Class<T> type) {
        return client.sendReading(request.build(), javaType(type));
    }

    /** As {@link #execute(Class)}, for a generic type, e.g. {@code new TypeReference<List<Invoice>>() {}}. */
    public <T> T execute(TypeReference<T> type) {
        return client.sendReading(request.build(), javaType(type));
    }

    /** Sends the call and reads the 2xx body, JSON or XML, as a tree; a {@link MissingNode} when the body is empty. */
    public JsonNode executeForTree() {
        return client.sendReading(request.build(), javaType(JsonNode.class));
    }

    /** {@link #execute()} without blocking. */
    public CompletableFuture<Void> executeAsync() {
        return client.sendAsync(request.build());
    }

    /** {@link #execute(Class)} without blocking. */
    public <T> CompletableFuture<T> executeAsync(Class<T> type) {
        return client.sendReadingAsync(request.build(), javaType(type));
    }

    /** {@link #execute(TypeReference)} without blocking. */
    public <T> CompletableFuture<T> executeAsync(TypeReference<T> type) {
        return client.sendReadingAsync(request.build(), javaType(type));
    }

    /** {@link #executeForTree()} without blocking. */
    public CompletableFuture<JsonNode> executeForTreeAsync() {
        return client.sendReadingAsync(request.build(), javaType(JsonNode.class));
    }

    private JavaType javaType(Class<?> type) {
        return client.objectMapper().getTypeFactory().constructType(Objects.requireNonNull(type, "type"));
    }

    private JavaType javaType(TypeReference<?> type) {
        return client.objectMapper().getTypeFactory().constructType(Objects.requireNonNull(type, "type"));
    }

    /** The method and path only: values may be personal data or secrets. */
    @Override
    public String toString() {
        return "GenericCall[" + method + " " + path + "]";
    }
}
