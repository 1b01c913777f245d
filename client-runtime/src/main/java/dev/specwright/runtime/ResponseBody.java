package dev.specwright.runtime;

import java.io.InputStream;
import java.util.OptionalLong;

/**
 * What the client took of an answer's body: all of it ({@link #bytes}); its start, when an error body was longer than
 * the client keeps ({@link #cutAt} set); nothing, when a body to be buffered was over the limit ({@link #tooLarge});
 * or, for a download, the stream itself, unread.
 *
 * @param bytes         the bytes read; empty when too large or streamed
 * @param cutAt         how many bytes were kept of a longer error body; -1 when the body is whole
 * @param tooLarge      whether a body to be buffered was over {@code limit} and so not read
 * @param limit         the limit the body was read under (for a stream: the limit if it is read into memory later)
 * @param contentLength the answer's {@code Content-Length}, if it had one
 * @param stream        the body of a streamed answer, or null
 */
record ResponseBody(byte[] bytes, long cutAt, boolean tooLarge, long limit, OptionalLong contentLength,
        InputStream stream) {

    private static final byte[] NONE = new byte[0];

    static ResponseBody whole(byte[] bytes, long limit, OptionalLong contentLength) {
        return new ResponseBody(bytes, -1, false, limit, contentLength, null);
    }

    static ResponseBody cut(byte[] bytes, long limit, OptionalLong contentLength) {
        return new ResponseBody(bytes, bytes.length, false, limit, contentLength, null);
    }

    static ResponseBody overLimit(long limit, OptionalLong contentLength) {
        return new ResponseBody(NONE, -1, true, limit, contentLength, null);
    }

    static ResponseBody streamed(InputStream stream, long limit, OptionalLong contentLength) {
        return new ResponseBody(NONE, -1, false, limit, contentLength, stream);
    }

    boolean isCut() {
        return cutAt >= 0;
    }
}
