package dev.specwright.generator.emit;

import java.util.stream.Stream;

/**
 * One kind of generated file — records, open enums, API classes, the client, ... — from the model, without I/O. An
 * emitter is pure: the same model gives the same files, in the same order. Files are produced lazily, one at a time,
 * so a large spec never has all of its output in memory: the write stage takes each file as it comes.
 *
 * <p>The default list is {@link Emitters#defaults()}; a tool can add its own emitters to it.
 */
public interface FileEmitter {

    /** What this emitter makes, as a reader would look for it ("records", "open enums", "api classes", ...). */
    String name();

    /** The files, rendered as the stream is consumed; Java files through {@link EmitContext#java}. */
    Stream<GeneratedFile> emit(EmitContext context);
}
