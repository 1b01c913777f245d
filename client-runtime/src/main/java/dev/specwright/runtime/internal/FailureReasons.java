package dev.specwright.runtime.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.runtime.HttpFailure;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A one-line reason for an error answer, for exception messages: the message field of a JSON error document, the title
 * of an HTML page (what proxies and load balancers send), or the start of a text body. The full body stays available as
 * {@link HttpFailure#body()}.
 */
public final class FailureReasons {

    private static final int MAX_LENGTH = 200;

    /** Where common JSON error documents put their human-readable text, most specific first. */
    private static final List<String> MESSAGE_FIELDS =
            List.of("message", "defaultMessage", "error_description", "detail", "title", "error");

    private static final Pattern HTML_TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private FailureReasons() {}

    public static String of(HttpFailure failure, ObjectMapper mapper) {
        if (failure.status() / 100 == 3) {
            return redirect(failure);
        }
        String body = failure.body();
        if (body.isBlank()) {
            return "empty response body";
        }
        if (failure.isJson()) {
            return fromJson(body, mapper);
        }
        if (isHtml(failure, body)) {
            return fromHtml(body);
        }
        return shorten(body);
    }

    /**
     * A 3xx: the client follows no redirect, because the JDK's client would send the {@code Authorization} header and
     * the cookies along to whatever host the {@code Location} names (and over plain HTTP, if it says so).
     */
    private static String redirect(HttpFailure failure) {
        String location = failure.firstHeader("Location").map(FailureReasons::withoutQuery).orElse("no Location");
        return "redirect to " + location + " not followed (the client follows no redirect, so that credentials never go"
                + " to another host or over plain HTTP); if the API has moved, change the base URI";
    }

    private static String withoutQuery(String location) {
        int cut = location.length();
        for (char c : new char[] {'?', '#'}) {
            int at = location.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return shorten(location.substring(0, cut));
    }

    private static String fromJson(String body, ObjectMapper mapper) {
        try {
            JsonNode document = mapper.readTree(body);
            for (String field : MESSAGE_FIELDS) {
                JsonNode text = document.path(field);
                if (text.isTextual() && !text.asText().isBlank()) {
                    return shorten(text.asText());
                }
            }
            return "JSON error document without a message (" + body.length() + " characters)";
        } catch (JacksonException e) {
            return "malformed JSON body (" + body.length() + " characters)";
        }
    }

    private static boolean isHtml(HttpFailure failure, String body) {
        String type = failure.firstHeader("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || body.stripLeading().startsWith("<");
    }

    private static String fromHtml(String body) {
        Matcher title = HTML_TITLE.matcher(body);
        if (title.find() && !title.group(1).isBlank()) {
            return "HTML page \"" + shorten(title.group(1)) + "\"";
        }
        return "HTML page (" + body.length() + " characters)";
    }

    private static String shorten(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH) + "…";
    }
}
