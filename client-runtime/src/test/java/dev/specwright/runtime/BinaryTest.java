package dev.specwright.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.runtime.internal.JsonMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryTest {

    @TempDir
    Path folder;

    record Attachment(String name, Binary content) {}

    private final ObjectMapper mapper = JsonMappers.create();

    @Test
    void roundTripsThroughJsonAsBase64InAModel() throws IOException {
        Attachment attachment = new Attachment("a", Binary.of(new byte[] {1, 2, 3}));

        String json = mapper.writeValueAsString(attachment);

        assertThat(json).isEqualTo("{\"name\":\"a\",\"content\":\"AQID\"}");
        assertThat(mapper.readValue(json, Attachment.class)).isEqualTo(attachment);
        assertThat(mapper.readValue("{\"name\":\"a\",\"content\":null}", Attachment.class).content()).isNull();
    }

    @Test
    void writesAFilesContentAsBase64() throws IOException {
        Path file = Files.write(folder.resolve("f.bin"), new byte[] {1, 2, 3});

        assertThat(mapper.writeValueAsString(new Attachment("f", Binary.of(file))))
                .isEqualTo("{\"name\":\"f\",\"content\":\"AQID\"}");
    }

    @Test
    void copiesBytesInAndOut() {
        byte[] source = {1, 2};
        Binary binary = Binary.of(source);
        source[0] = 9;
        binary.bytes()[1] = 9;

        assertThat(binary.bytes()).containsExactly(1, 2);
        assertThat(binary.size()).isEqualTo(2);
        assertThat(binary.fileName()).isEmpty();
        assertThat(binary.contentType()).isEmpty();
    }

    @Test
    void readsAFileWhenAskedAndNamesItAfterThePath() throws IOException {
        Path file = Files.writeString(folder.resolve("notes.txt"), "v1");
        Binary binary = Binary.of(file);
        Files.writeString(file, "version 2");

        assertThat(binary.fileName()).contains("notes.txt");
        assertThat(binary.bytes()).isEqualTo("version 2".getBytes(StandardCharsets.UTF_8));
        assertThat(binary.size()).isEqualTo(9);
        assertThat(binary.withFileName("other.txt").withContentType("text/plain; charset=UTF-8"))
                .satisfies(renamed -> {
                    assertThat(renamed.fileName()).contains("other.txt");
                    assertThat(renamed.contentType()).contains("text/plain; charset=UTF-8");
                });
        assertThat(binary.fileName()).contains("notes.txt"); // unchanged: with… makes a new instance
    }

    @Test
    void failsClearlyForAFileThatIsMissingOrNotAFile() throws IOException {
        Path missing = folder.resolve("missing.pdf");

        assertThatThrownBy(() -> Binary.of(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file " + missing + " does not exist; check the path");
        assertThatThrownBy(() -> Binary.of(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a regular file; give the path of a file to upload");

        Path gone = Files.writeString(folder.resolve("gone.txt"), "x");
        Binary binary = Binary.of(gone);
        Files.delete(gone);
        assertThatThrownBy(binary::bytes).isInstanceOf(UncheckedIOException.class).hasMessageContaining(gone.toString());
        assertThatThrownBy(binary::publisher).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(gone.toString());
        assertThat(binary).hasToString("Binary[fileName=gone.txt, contentType=none, size=unreadable]");
    }

    @Test
    void refusesAContentTypeThatIsNotAMediaTypeAndSaysWhatToUse() {
        Binary binary = Binary.of(new byte[0]);

        assertThatThrownBy(() -> binary.withContentType("pdf")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("content type \"pdf\" is not a media type; use type/subtype, e.g. application/pdf");
        assertThatThrownBy(() -> binary.withContentType("text/plain\r\nX-Injected: 1"))
                .hasMessageContaining("line break (CR or LF), which would inject headers; remove it")
                .hasMessageNotContaining("X-Injected");
        assertThatThrownBy(() -> binary.withContentType("image/*"))
                .hasMessageContaining("is a range, not a media type; use a concrete type such as image/png");
        assertThat(binary.withContentType("image/png").withContentType(null).contentType()).isEmpty();
    }

    @Test
    void refusesAFileNameThatIsBlankOrBreaksTheLine() {
        Binary binary = Binary.of(new byte[0]);

        assertThatThrownBy(() -> binary.withFileName("a.txt\r\nContent-Type: text/html"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file name contains a line break (CR or LF), which would inject part headers;"
                        + " remove it");
        assertThatThrownBy(() -> binary.withFileName(" "))
                .hasMessageContaining("file name is blank; give a name such as report.pdf, or null for none");
        assertThat(binary.withFileName("a").withFileName(null).fileName()).isEmpty();
    }

    @Test
    void comparesContentFileNameAndTypeAndNeverShowsTheContent() throws IOException {
        Path file = Files.writeString(folder.resolve("secret.txt"), "top-secret-content");
        Binary fromFile = Binary.of(file);
        Binary fromBytes = Binary.of("top-secret-content".getBytes(StandardCharsets.UTF_8));

        assertThat(fromFile.withFileName(null)).isEqualTo(fromBytes).hasSameHashCodeAs(fromBytes);
        assertThat(fromFile).isNotEqualTo(fromBytes);
        assertThat(fromBytes.withContentType("text/plain")).isNotEqualTo(fromBytes);
        assertThat(fromFile.withContentType("text/plain"))
                .hasToString("Binary[fileName=secret.txt, contentType=text/plain, size=18 bytes]");
        assertThat(fromBytes.toString()).doesNotContain("top-secret").doesNotContain(folder.toString());
    }
}
