package dev.specwright.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * A binary or otherwise non-JSON answer (a PDF, an image, a CSV export), as {@code client.send(request,
 * Download.class)} returns it: the body as a stream, with the answer's {@code Content-Type} and the file name its
 * {@code Content-Disposition} suggests. The body is not read into memory: it is read as you consume it, so a download
 * of any size takes no more memory than a buffer. Close it (try-with-resources) unless you read it through
 * {@link #writeTo(Path)} or {@link #transferTo(OutputStream)}, which close it themselves; an unclosed download keeps
 * its connection busy.
 *
 * <pre>{@code
 * try (Download invoice = client.invoices().getPdf("INV-1")) {
 *     invoice.writeTo(Path.of("out").resolve(invoice.fileName().orElse("invoice.pdf")));
 * }
 * }</pre>
 *
 * The body can be read once: through {@link #inputStream()}, {@link #writeTo(Path)}, {@link #transferTo(OutputStream)},
 * or into memory with {@link #bytes()} / {@link #text()} (which then keep it, up to the client's
 * {@link ClientOptions.Builder#maxInMemoryBodySize(long) in-memory limit}, and may be called again). A download is not
 * sent again when reading it fails half-way: retries end with the answer's headers. Each read waits at most the
 * request timeout for data. Not thread-safe; {@link #toString()} never shows the content.
 */
public final class Download implements Closeable {

    private final String contentType;
    private final String fileName;
    private final OptionalLong contentLength;
    private final long memoryLimit;
    private final Function<IOException, RuntimeException> readFailure;
    private final LongFunction<RuntimeException> tooLarge;
    private InputStream stream;
    private byte[] bytes;
    private boolean taken;

    /**
     * A download already in memory.
     *
     * @param bytes              the answer's body, not copied: the caller hands it over
     * @param contentType        the answer's {@code Content-Type}, or null
     * @param contentDisposition the answer's {@code Content-Disposition}, or null
     */
    Download(byte[] bytes, String contentType, String contentDisposition) {
        this(null, contentType, contentDisposition, OptionalLong.of(bytes.length), Long.MAX_VALUE,
                e -> new UncheckedIOException(e), limit -> new IllegalStateException("over " + limit));
        this.bytes = bytes;
    }

    /**
     * A download read as it is consumed.
     *
     * @param readFailure what a failed read of the body becomes (a {@link TransportException} naming the call)
     * @param tooLarge    what {@link #bytes()} throws when the body is over {@code memoryLimit}
     */
    Download(InputStream stream, String contentType, String contentDisposition, OptionalLong contentLength,
            long memoryLimit, Function<IOException, RuntimeException> readFailure, LongFunction<RuntimeException> tooLarge) {
        this.stream = stream;
        this.contentType = contentType;
        this.fileName = ContentDisposition.fileName(contentDisposition).orElse(null);
        this.contentLength = contentLength;
        this.memoryLimit = memoryLimit;
        this.readFailure = readFailure;
        this.tooLarge = tooLarge;
    }

    /**
     * The body, to read as a stream; closing it closes the download. Can be taken once (unless the body is already in
     * memory, through {@link #bytes()}).
     *
     * @throws IllegalStateException if the body was already read or the download closed
     */
    public InputStream inputStream() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        return take();
    }

    /**
     * The whole body, read into memory (once; later calls return a copy of what was read).
     *
     * @throws ResponseTooLargeException if the body is larger than the client's in-memory limit; stream it instead
     */
    public byte[] bytes() {
        return buffered().clone();
    }

    /** The whole body as text, decoded with the charset its {@code Content-Type} names, else UTF-8; see {@link #bytes()}. */
    public String text() {
        return new String(buffered(), MediaTypes.charset(contentType));
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

    /** The body's length as the answer's {@code Content-Length} declares it (or as read, once in memory). */
    public OptionalLong contentLength() {
        return bytes != null ? OptionalLong.of(bytes.length) : contentLength;
    }

    /**
     * The content's length in bytes: as read once in memory, else the declared {@code Content-Length}, else -1 (a
     * streamed body's length is known only when the server declares it; see {@link #contentLength()}).
     */
    public long size() {
        return contentLength().orElse(-1);
    }

    /**
     * Streams the body into {@code file}, creating it or replacing what it held; its folder must exist. The body goes
     * to a temporary file next to it first, moved into place when complete, so a download that breaks off leaves
     * {@code file} as it was. Closes the download.
     *
     * @return {@code file}
     * @throws UncheckedIOException if the file cannot be written
     * @throws TransportException   if the body cannot be read to its end (the connection broke, the server stalled)
     */
    public Path writeTo(Path file) {
        Objects.requireNonNull(file, "file");
        Path folder = file.toAbsolutePath().getParent();
        Path partial;
        try {
            partial = Files.createTempFile(folder, "." + file.getFileName(), ".part");
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("the download cannot be written to " + file + ": " + e, e);
        }
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                transferTo(out, file);
            }
            moveIntoPlace(partial, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("the download cannot be written to " + file + ": " + e, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /**
     * Streams the body into {@code out} (which stays open); closes the download.
     *
     * @return the number of bytes written
     * @throws UncheckedIOException if {@code out} cannot be written
     * @throws TransportException   if the body cannot be read to its end
     */
    public long transferTo(OutputStream out) {
        Objects.requireNonNull(out, "out");
        try {
            return transferTo(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException("the download cannot be written: " + e, e);
        }
    }

    /** Closes the body's stream, which releases its connection; reading it afterwards fails. Idempotent. */
    @Override
    public void close() {
        InputStream open = stream;
        stream = null;
        taken = true;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // closing releases the connection; nothing is lost if that fails
            }
        }
    }

    /** Content type, file name and length; never the content. */
    @Override
    public String toString() {
        OptionalLong length = contentLength();
        return "Download[contentType=" + (contentType == null ? "none" : contentType) + ", fileName="
                + (fileName == null ? "none" : fileName) + ", size="
                + (length.isPresent() ? length.getAsLong() + " bytes" : "unknown") + (bytes == null ? ", streamed" : "") + "]";
    }

    /** Copies the body to {@code out}: read failures become the call's exception, write failures stay I/O errors. */
    private long transferTo(OutputStream out, Path file) throws IOException {
        if (bytes != null) {
            out.write(bytes);
            return bytes.length;
        }
        try (InputStream in = take()) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = read(in, buffer); n >= 0; n = read(in, buffer)) {
                out.write(buffer, 0, n);
                total += n;
            }
            return total;
        } finally {
            close();
        }
    }

    private int read(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw readFailure.apply(e);
        }
    }

    private byte[] buffered() {
        if (bytes != null) {
            return bytes;
        }
        if (contentLength.isPresent() && contentLength.getAsLong() > memoryLimit) {
            close();
            throw tooLarge.apply(memoryLimit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = take()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = read(in, buffer); n >= 0; n = read(in, buffer)) {
                if (out.size() + (long) n > memoryLimit) {
                    throw tooLarge.apply(memoryLimit);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException closeFailed) {
            // the body was read to its end; failing to close it loses nothing
        } finally {
            close();
        }
        bytes = out.toByteArray();
        return bytes;
    }

    private InputStream take() {
        if (taken || stream == null) {
            throw new IllegalStateException("the download's body was already read or the download closed; it can be"
                    + " read once (bytes() keeps it in memory for repeated use)");
        }
        taken = true;
        return new java.io.FilterInputStream(stream) {
            @Override
            public void close() {
                Download.this.closeStream();
            }
        };
    }

    private void closeStream() {
        InputStream open = stream;
        stream = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // see close()
            }
        }
    }

    private static void moveIntoPlace(Path partial, Path file) throws IOException {
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // a leftover .part file is all that remains; the download itself failed or succeeded already
        }
    }
}
