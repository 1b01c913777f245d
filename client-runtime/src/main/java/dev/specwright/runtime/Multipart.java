package dev.specwright.runtime;

import dev.specwright.runtime.BodyFields.File;
import dev.specwright.runtime.BodyFields.Json;
import dev.specwright.runtime.BodyFields.Leaf;
import dev.specwright.runtime.BodyFields.Text;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a {@code multipart/form-data} body (RFC 7578). Part headers and text are UTF-8; a part's name and file name
 * are quoted, with {@code "}, CR and LF percent-encoded as browsers do, so no value can end the header or start another.
 * Content held in memory is copied into the body once; a file is not read here but streamed by a publisher of its
 * own, opened anew for each attempt.
 */
final class Multipart {

    private static final String TEXT = "text/plain; charset=UTF-8";
    private static final String JSON = "application/json; charset=UTF-8";

    /** The body's pieces in order: {@code byte[]} written here, file-backed {@link Binary}s streamed at send time. */
    private final List<Object> segments = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final String boundary;

    private Multipart(String boundary) {
        this.boundary = boundary;
    }

    /**
     * A random boundary: 32 hex digits from a random UUID after a fixed prefix, 43 characters in all (RFC 2046 allows
     * 70). Content that happens to contain it is practically impossible.
     */
    static String newBoundary() {
        return "specwright-" + UUID.randomUUID().toString().replace("-", "");
    }

    static String contentType(String boundary) {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The parts in order, then the close delimiter; with no parts, the close delimiter alone. */
    static HttpRequestFactory.Body write(List<Leaf> leaves, String boundary) {
        Multipart body = new Multipart(boundary);
        leaves.forEach(body::part);
        body.ascii("--" + boundary + "--\r\n");
        body.flush();
        return new HttpRequestFactory.Body(contentType(boundary), body::publisher);
    }

    private void part(Leaf leaf) {
        ascii("--" + boundary + "\r\n");
        StringBuilder disposition = new StringBuilder("Content-Disposition: form-data; name=\"")
                .append(quoted(leaf.name())).append('"');
        if (leaf instanceof File file) {
            file.content().fileName()
                    .ifPresent(name -> disposition.append("; filename=\"").append(quoted(name)).append('"'));
        }
        utf8(disposition.append("\r\n").toString());
        if (leaf instanceof Text text) {
            utf8("Content-Type: " + TEXT + "\r\n\r\n" + text.text());
        } else if (leaf instanceof Json json) {
            utf8("Content-Type: " + JSON + "\r\n\r\n" + json.json());
        } else {
            Binary content = ((File) leaf).content();
            utf8("Content-Type: " + content.contentType().orElse(MediaTypes.OCTET_STREAM) + "\r\n\r\n");
            flush();
            segments.add(content); // its own publisher per attempt: a file streamed, bytes sent without a copy
        }
        ascii("\r\n");
    }

    /** {@code "}, CR and LF percent-encoded (RFC 7578 §4.2, as the HTML standard does for form submission). */
    private static String quoted(String text) {
        return text.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private void ascii(String text) {
        pending.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private void utf8(String text) {
        pending.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private void flush() {
        if (pending.size() > 0) {
            segments.add(pending.toByteArray());
            pending.reset();
        }
    }

    /** A new publisher of the whole body, for one attempt: files are opened when it is subscribed to. */
    private BodyPublisher publisher() {
        if (segments.size() == 1 && segments.get(0) instanceof byte[] only) {
            return BodyPublishers.ofByteArray(only);
        }
        BodyPublisher[] publishers = new BodyPublisher[segments.size()];
        for (int i = 0; i < publishers.length; i++) {
            Object segment = segments.get(i);
            publishers[i] = segment instanceof byte[] bytes ? BodyPublishers.ofByteArray(bytes)
                    : ((Binary) segment).publisher();
        }
        return BodyPublishers.concat(publishers);
    }
}
