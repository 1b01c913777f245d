package dev.specwright.runtime.internal;

import dev.specwright.runtime.FieldSelector;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Turns parameter values (path, query, header) into text the way the server expects it: field selectors by field name,
 * enums by their JSON value, dates in ISO 8601, and lists ({@link Iterable} or array) joined with {@code ,}.
 */
public final class ParamValues {

    private ParamValues() {}

    /**
     * Whether {@link #text} gives the value's wire form: text, numbers, booleans, enums, field selectors, dates and
     * times, UUIDs and URIs. Other objects (models, maps, lists) are not scalars; bodies write them as JSON instead.
     */
    public static boolean isScalar(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?> || value instanceof FieldSelector
                || value instanceof TemporalAccessor || value instanceof UUID || value instanceof URI;
    }

    /** The text of one value. */
    public static String text(Object value) {
        if (value instanceof FieldSelector selector) {
            return selector.fieldName();
        }
        if (value instanceof Enum<?> constant) {
            return EnumJsonValues.of(constant);
        }
        if (value instanceof OffsetDateTime dateTime) {
            // not toString(): that drops zero seconds ("06:58Z"), which strict ISO parsers refuse
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
        }
        if (value instanceof ZonedDateTime dateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
        }
        if (value instanceof LocalDateTime dateTime) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime);
        }
        return value.toString(); // LocalDate and Instant print ISO 8601 already
    }

    /**
     * The percent-encoded form of a query or path value: each element encoded on its own and joined with a literal
     * {@code ,}; {@code null} when there is nothing to send (null, or a list without non-null elements).
     */
    public static String encoded(Object value) {
        return join(value, PercentEncoder::encode, ",");
    }

    /**
     * As {@link #encoded(Object)}, with the elements joined by {@code delimiter}, itself percent-encoded (OpenAPI's
     * {@code pipeDelimited} {@code |} is sent as {@code %7C}, {@code spaceDelimited} as {@code %20}).
     */
    public static String encoded(Object value, String delimiter) {
        return join(value, PercentEncoder::encode, PercentEncoder.encode(delimiter));
    }

    /** The unencoded form (for headers): elements joined with {@code ,}; {@code null} when there is nothing to send. */
    public static String joined(Object value) {
        return join(value, UnaryOperator.identity(), ",");
    }

    private static String join(Object value, UnaryOperator<String> encoder, String separator) {
        if (value == null) {
            return null;
        }
        Iterable<?> elements = elements(value);
        if (elements == null) {
            return encoder.apply(text(value));
        }
        StringJoiner out = new StringJoiner(separator);
        int count = 0;
        for (Object element : elements) {
            if (element != null) {
                out.add(encoder.apply(text(element)));
                count++;
            }
        }
        return count == 0 ? null : out.toString();
    }

    /** The elements of a list-like value, or null for a single value. */
    private static Iterable<?> elements(Object value) {
        if (value instanceof Iterable<?> iterable) {
            return iterable;
        }
        if (value instanceof Object[] array) {
            return Arrays.asList(array);
        }
        return null;
    }
}
