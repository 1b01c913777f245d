package dev.specwright.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A binary or otherwise non-JSON answer (a PDF, an image, a CSV export), as {@code client.send(request,
 * Download.class)} returns it: the bytes, with the answer's {@code Content-Type} and the file name its
 * {@code Content-Disposition} suggests.
 *
 * <pre>{@code
 * Download invoice = client.invoices().getPdf("INV-1");
 * invoice.writeTo(Path.of("out").resolve(invoice.fileName().orElse("invoice.pdf")));
 * }</pre>
 *
 * The whole answer is held in memory. Immutable; {@link #toString()} never shows the content.
 */
public final class Download {

    private final byte[] bytes;
    private final String contentType;
    private final String fileName;

    /**
     * @param bytes              the answer's body, not copied: the caller hands it over
     * @param contentType        the answer's {@code Content-Type}, or null
     * @param contentDisposition the answer's {@code Content-Disposition}, or null
     */
    Download(byte[] bytes, String contentType, String contentDisposition) {
        this.bytes = bytes;
        this.contentType = contentType;
        this.fileName = ContentDisposition.fileName(contentDisposition).orElse(null);
    }

    /** A copy of the content. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The content, to read as a stream (no copy is made). */
    public InputStream inputStream() {
        return new ByteArrayInputStream(bytes);
    }

    /** The content as text, decoded with the charset its {@code Content-Type} names, else UTF-8. */
    public String text() {
        return new String(bytes, MediaTypes.charset(contentType));
    }

    /** The answer's {@code Content-Type}, e.g. {@code application/pdf}, as the server sent it. */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /**
     * The file name the answer's {@code Content-Disposition} suggests: {@code filename*=UTF-8''…} (percent-decoded) if
     * given, else {@code filename="…"}. Only the last path segment is kept ({@code ../../etc/passwd} gives
     * {@code passwd}) and control characters are dropped, so it is safe to resolve against a folder of yours; empty
     * when there is no usable name.
     */
    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    /** The content's length in bytes. */
    public long size() {
        return bytes.length;
    }

    /**
     * Writes the content to {@code file}, creating it or replacing what it held; its folder must exist.
     *
     * @return {@code file}
     * @throws UncheckedIOException if the file cannot be written
     */
    public Path writeTo(Path file) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("the download cannot be written to " + file + ": " + e, e);
        }
    }

    /** Content type, file name and size; never the content. */
    @Override
    public String toString() {
        return "Download[contentType=" + (contentType == null ? "none" : contentType) + ", fileName="
                + (fileName == null ? "none" : fileName) + ", size=" + bytes.length + " bytes]";
    }
}
