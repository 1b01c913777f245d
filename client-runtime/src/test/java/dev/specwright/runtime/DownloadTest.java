package dev.specwright.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadTest {

    @TempDir
    Path folder;

    private static Optional<String> fileName(String contentDisposition) {
        return new Download(new byte[0], null, contentDisposition).fileName();
    }

    @Test
    void prefersTheExtendedFileNameWhereverItStands() {
        assertThat(fileName("attachment; filename*=UTF-8''%E2%82%AC%20rates.txt; filename=\"EUR rates.txt\""))
                .contains("€ rates.txt");
        assertThat(fileName("attachment; filename=\"EUR rates.txt\"; filename*=utf-8'en'%E2%82%AC%20rates.txt"))
                .contains("€ rates.txt");
        assertThat(fileName("attachment; filename*=ISO-8859-1''caf%E9.txt")).contains("café.txt");
    }

    @Test
    void readsQuotedAndTokenFileNames() {
        assertThat(fileName("attachment; filename=\"report.pdf\"")).contains("report.pdf");
        assertThat(fileName("attachment;filename=plain.txt")).contains("plain.txt");
        assertThat(fileName("attachment; filename=\"a\\\"b; c.txt\"; size=3")).contains("a\"b; c.txt");
        assertThat(fileName("ATTACHMENT; FILENAME=\"upper.txt\"")).contains("upper.txt");
    }

    @Test
    void fallsBackToTheQuotedNameWhenTheExtendedOneIsBroken() {
        assertThat(fileName("attachment; filename*=UTF-8''%ZZ; filename=\"fallback.txt\"")).contains("fallback.txt");
        assertThat(fileName("attachment; filename*=no-quotes; filename=\"fallback.txt\"")).contains("fallback.txt");
        assertThat(fileName("attachment; filename*=x-unknown''a; filename=\"fallback.txt\"")).contains("fallback.txt");
    }

    @Test
    void keepsOnlyTheLastPathSegmentAndDropsWhatIsNoName() {
        assertThat(fileName("attachment; filename=\"../../etc/passwd\"")).contains("passwd");
        assertThat(fileName("attachment; filename=\"C:\\\\Windows\\\\evil.exe\"")).contains("evil.exe");
        assertThat(fileName("attachment; filename*=UTF-8''..%2F..%2Fx.sh")).contains("x.sh");
        assertThat(fileName("attachment; filename*=UTF-8''a%0D%0Ab.txt")).contains("ab.txt");
        assertThat(fileName("attachment; filename=\"..\"")).isEmpty();
        assertThat(fileName("attachment; filename=\"dir/\"")).isEmpty();
        assertThat(fileName("inline")).isEmpty();
        assertThat(fileName("attachment; filename")).isEmpty();
        assertThat(fileName(null)).isEmpty();
    }

    @Test
    void decodesTextInTheCharsetOfItsTypeElseUtf8() {
        byte[] utf8 = "Zürich".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "Zürich".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(new Download(utf8, null, null).text()).isEqualTo("Zürich");
        assertThat(new Download(utf8, "text/plain", null).text()).isEqualTo("Zürich");
        assertThat(new Download(latin1, "text/plain; charset=\"iso-8859-1\"", null).text()).isEqualTo("Zürich");
        assertThat(new Download(utf8, "text/plain; charset=no-such-charset", null).text()).isEqualTo("Zürich");
    }

    @Test
    void writesToAFileAndSaysWhichOneItCouldNotWrite() {
        Download download = new Download(new byte[] {1, 2}, "application/octet-stream", null);
        Path target = folder.resolve("missing-folder").resolve("x.bin");

        assertThatThrownBy(() -> download.writeTo(target)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(target.toString());
        assertThat(download.bytes()).containsExactly(1, 2);
        assertThat(download).hasToString("Download[contentType=application/octet-stream, fileName=none, size=2 bytes]");
    }

    private static Download streamed(byte[] body, long limit, java.io.InputStream[] opened) {
        java.io.InputStream in = new java.io.ByteArrayInputStream(body) {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }

            @Override
            public String toString() {
                return closed ? "closed" : "open";
            }
        };
        opened[0] = in;
        return new Download(in, "text/plain", "attachment; filename=\"a.txt\"", java.util.OptionalLong.empty(), limit,
                e -> new TransportException("read failed", e), over -> new IllegalStateException("over " + over));
    }

    @Test
    void aStreamedBodyIsReadOnceUnlessItIsTakenIntoMemory() {
        java.io.InputStream[] opened = new java.io.InputStream[1];
        Download once = streamed(new byte[] {1, 2, 3}, 100, opened);

        assertThat(once.inputStream()).isNotNull();
        assertThatThrownBy(once::inputStream).isInstanceOf(IllegalStateException.class).hasMessageContaining("once");
        once.close();
        once.close();
        assertThat(opened[0]).hasToString("closed");

        Download kept = streamed(new byte[] {1, 2, 3}, 100, opened);
        assertThat(kept).hasToString("Download[contentType=text/plain, fileName=a.txt, size=unknown, streamed]");
        assertThat(kept.bytes()).containsExactly(1, 2, 3);
        assertThat(kept.bytes()).containsExactly(1, 2, 3);
        assertThat(kept.inputStream()).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(kept.size()).isEqualTo(3);
        assertThat(opened[0]).hasToString("closed");
    }

    @Test
    void takingAStreamedBodyIntoMemoryStopsAtTheLimit() {
        java.io.InputStream[] opened = new java.io.InputStream[1];
        Download big = streamed(new byte[200_000], 100_000, opened);

        assertThatThrownBy(big::bytes).isInstanceOf(IllegalStateException.class).hasMessage("over 100000");
        assertThat(opened[0]).hasToString("closed");
    }

    @Test
    void transfersToAStreamAndClosesTheBody() {
        java.io.InputStream[] opened = new java.io.InputStream[1];
        Download download = streamed("hello".getBytes(StandardCharsets.UTF_8), 100, opened);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        assertThat(download.transferTo(out)).isEqualTo(5);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(opened[0]).hasToString("closed");
    }
}
