package dev.specwright.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.runtime.RequestBody.Field;
import dev.specwright.runtime.internal.ParamValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns the fields of a form or multipart body into the flat list of named values that goes on the wire, by OpenAPI's
 * defaults for {@code application/x-www-form-urlencoded} and {@code multipart/form-data}: null skipped, a list one
 * field per element, a scalar as text, any other object as JSON. One set of rules for both, so a value travels the
 * same way whichever of the two the operation declares.
 */
final class BodyFields {

    /** One field as sent. */
    sealed interface Leaf {
        String name();
    }

    /** A scalar's text, e.g. an enum's JSON value or an ISO date. */
    record Text(String name, String text) implements Leaf {}

    /** An object written as JSON text. */
    record Json(String name, String json) implements Leaf {}

    /** Content to upload: a file part in multipart; in a form, the raw octets as the field's value. */
    record File(String name, Binary content) implements Leaf {}

    private final ObjectMapper mapper;
    private final boolean multipart;
    private final String where;
    private final List<Leaf> leaves = new ArrayList<>();

    private BodyFields(ObjectMapper mapper, boolean multipart, String where) {
        this.mapper = mapper;
        this.multipart = multipart;
        this.where = where;
    }

    /**
     * @param where the request, for messages
     */
    static List<Leaf> flatten(RequestBody.Fields fields, ObjectMapper mapper, String where) {
        BodyFields out = new BodyFields(mapper, fields.multipart(), where);
        for (Field field : fields.fields()) {
            if (field.spread()) {
                out.spread(field.value());
            } else {
                out.value(field.name(), field.value(), true);
            }
        }
        return out.leaves;
    }

    /**
     * Fails at once for values that can never be a whole form or multipart body (text, numbers, lists); other objects
     * are checked when written, by what the mapper makes of them.
     */
    static void requireObject(Object value, boolean multipart) {
        boolean notObject = value instanceof JsonNode node ? !node.isObject() && !node.isNull()
                : ParamValues.isScalar(value) || value instanceof Iterable<?> || value.getClass().isArray()
                        || value instanceof Binary;
        if (notObject) {
            throw notAnObject(value.getClass().getName(), multipart);
        }
    }

    private static IllegalArgumentException notAnObject(String type, boolean multipart) {
        return new IllegalArgumentException(multipart
                ? "parts(...) got " + type + ": a multipart body must be an object or a map whose entries become parts;"
                        + " add single parts with part(name, value)"
                : "formFields(...) got " + type + ": a form body must be an object or a map whose entries become"
                        + " fields; add single fields with formField(name, value)");
    }

    /** The properties of an object or the entries of a map, each a field by the rules of {@link #value}. */
    private void spread(Object object) {
        if (object instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey() == null) {
                    throw new IllegalArgumentException("the body of " + where + " has a map entry with a null key; every"
                            + " field needs a name");
                }
                value(entry.getKey().toString(), entry.getValue(), true);
            }
            return;
        }
        JsonNode tree = object instanceof JsonNode node ? node : tree("the body", object);
        if (tree.isNull() || tree.isMissingNode()) {
            return;
        }
        if (!tree.isObject()) {
            throw notAnObject(object.getClass().getName() + " (written as a JSON " + tree.getNodeType() + ")", multipart);
        }
        for (Map.Entry<String, JsonNode> property : tree.properties()) {
            node(property.getKey(), property.getValue(), true);
        }
    }

    /** @param top whether a list here is the field's own value, sent as one field per element */
    private void value(String name, Object value, boolean top) {
        if (value == null) {
            return;
        }
        if (value instanceof JsonNode node) {
            node(name, node, top); // before Iterable: every JsonNode is one, an object too
        } else if (value instanceof Binary binary) {
            leaves.add(new File(name, binary));
        } else if (value instanceof byte[] bytes) {
            // a part's byte[] is content to upload; in a form it is what it is in JSON, base64 text (format: byte)
            leaves.add(multipart ? new File(name, Binary.of(bytes))
                    : new Text(name, Base64.getEncoder().encodeToString(bytes)));
        } else if (top && value instanceof Iterable<?> elements) {
            elements.forEach(element -> value(name, element, false));
        } else if (top && value instanceof Object[] elements) {
            Arrays.asList(elements).forEach(element -> value(name, element, false));
        } else if (ParamValues.isScalar(value)) {
            leaves.add(new Text(name, ParamValues.text(value)));
        } else {
            node(name, tree("field " + name, value), top);
        }
    }

    /** A JSON value: null skipped, a top-level array one field per element, a scalar as text, the rest as JSON. */
    private void node(String name, JsonNode node, boolean top) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (top && node.isArray()) {
            node.forEach(element -> node(name, element, false));
        } else if (node.isValueNode()) {
            leaves.add(new Text(name, node.asText()));
        } else {
            leaves.add(new Json(name, json(name, node)));
        }
    }

    private JsonNode tree(String what, Object value) {
        try {
            return mapper.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " of " + where + " (" + value.getClass().getName()
                    + ") cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private String json(String name, JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("field " + name + " of " + where + " cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
