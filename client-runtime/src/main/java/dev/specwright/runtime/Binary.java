package dev.specwright.runtime;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Content to upload: a file part of a {@code multipart/form-data} body, or a whole binary body. Made from bytes
 * ({@link #of(byte[])}) or from a file ({@link #of(Path)}), which is read only when the request is sent and then
 * streamed, not loaded into memory; optionally with a file name and a content type to send with it. Immutable: the
 * {@code with…} methods return new instances.
 *
 * <pre>{@code
 * Binary report = Binary.of(Path.of("report.pdf")).withContentType("application/pdf");
 * }</pre>
 *
 * In JSON (a model property of OpenAPI type {@code string}, format {@code byte} or {@code binary}) it is written and read
 * as base64 text, like a {@code byte[]}. {@link #equals} compares content, file name and content type;
 * {@link #toString()} never shows the content.
 */
public final class Binary {

    /** The content when made from bytes; null when backed by a file. */
    private final byte[] bytes;
    /** The file when backed by one; null when made from bytes. */
    private final Path file;
    private final String fileName;
    private final String contentType;

    private Binary(byte[] bytes, Path file, String fileName, String contentType) {
        this.bytes = bytes;
        this.file = file;
        this.fileName = fileName;
        this.contentType = contentType;
    }

    /** Content held in memory (a copy of {@code bytes}), with no file name and no content type. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Binary of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes is null; use new byte[0] for empty content");
        return new Binary(bytes.clone(), null, null, null);
    }

    /**
     * The content of a file, read each time the request is sent (so a retry sends it again) and streamed. The file
     * name defaults to the path's last element; no content type is set (see {@link #withContentType(String)}).
     *
     * @throws IllegalArgumentException if the file does not exist, is a directory, or cannot be read
     */
    public static Binary of(Path file) {
        Objects.requireNonNull(file, "file is null");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("file " + file + " does not exist; check the path (relative paths start"
                    + " at " + Path.of("").toAbsolutePath() + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a regular file; give the path of a file to upload");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("file " + file + " cannot be read; check its permissions");
        }
        Path name = file.getFileName();
        return new Binary(null, file, name == null ? null : name.toString(), null);
    }

    /**
     * The same content with this file name, sent in a multipart part's {@code Content-Disposition}; null for none.
     *
     * @throws IllegalArgumentException if the name is empty or contains CR or LF
     */
    public Binary withFileName(String name) {
        if (name != null) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("file name is blank; give a name such as report.pdf, or null for none");
            }
            if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("file name contains a line break (CR or LF), which would inject part"
                        + " headers; remove it");
            }
        }
        return new Binary(bytes, file, name, contentType);
    }

    /**
     * The same content with this media type, sent as its {@code Content-Type}; null for none (then the operation's
     * declared type or {@code application/octet-stream} is sent).
     *
     * @throws IllegalArgumentException if it is not {@code type/subtype} (with optional parameters) or has CR or LF
     */
    public Binary withContentType(String mediaType) {
        String checked = mediaType == null ? null : MediaTypes.require("content type", mediaType);
        if (checked != null && MediaTypes.isRange(checked)) {
            throw new IllegalArgumentException("content type \"" + checked + "\" is a range, not a media type; use a"
                    + " concrete type such as image/png, or null to leave it open");
        }
        return new Binary(bytes, file, fileName, checked);
    }

    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /**
     * A copy of the content; for a file, read now.
     *
     * @throws UncheckedIOException if the file cannot be read (any more)
     */
    @JsonValue
    public byte[] bytes() {
        if (bytes != null) {
            return bytes.clone();
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("file " + file + " cannot be read: " + e, e);
        }
    }

    /**
     * The content's length in bytes; for a file, its size now.
     *
     * @throws UncheckedIOException if the file's size cannot be read (any more)
     */
    public long size() {
        if (bytes != null) {
            return bytes.length;
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the size of file " + file + " cannot be read: " + e, e);
        }
    }

    /**
     * A publisher of the content for one attempt of a request: the bytes, or the file opened anew and streamed. Call
     * it once per attempt.
     */
    BodyPublisher publisher() {
        if (bytes != null) {
            return BodyPublishers.ofByteArray(bytes); // never changed, so it need not be copied
        }
        try {
            return BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("file " + file + " cannot be sent: it no longer exists or cannot be read", e);
        }
    }

    /** Same content (a file is read to compare), same file name, same content type. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Binary that && Objects.equals(fileName, that.fileName)
                && Objects.equals(contentType, that.contentType) && Arrays.equals(bytes(), that.bytes());
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(bytes()));
    }

    /** File name, content type and size; never the content, nor a file's directory. */
    @Override
    public String toString() {
        String size;
        try {
            size = size() + " bytes";
        } catch (UncheckedIOException e) {
            size = "unreadable";
        }
        return "Binary[fileName=" + Objects.toString(fileName, "none") + ", contentType="
                + Objects.toString(contentType, "none") + ", size=" + size + "]";
    }
}
