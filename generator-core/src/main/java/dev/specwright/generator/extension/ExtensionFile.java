package dev.specwright.generator.extension;

import com.palantir.javapoet.JavaFile;
import java.util.Objects;

/**
 * A whole file an extension adds ({@link GeneratorExtension#addFiles}). It is written like a generated file (staged,
 * then moved into place with the rest; deleted by a later run that no longer adds it), and it may not take the place
 * of a generated file nor of another extension's.
 */
public sealed interface ExtensionFile permits ExtensionFile.Java, ExtensionFile.Text {

    /** A Java source, written under the source root ({@code src/main/java/<package>/<Name>.java}) and compiled with it. */
    static ExtensionFile java(JavaFile file) {
        return new Java(file);
    }

    /**
     * Any other file.
     *
     * @param path relative to the output folder, with {@code /} between folders, e.g. {@code docs/audit.txt}; it may
     *     not leave the folder ({@code ..}, an absolute path), nor be a {@code .java} file (use {@link #java})
     * @param content its text, written as UTF-8
     */
    static ExtensionFile text(String path, String content) {
        return new Text(path, content);
    }

    /** A Java source; see {@link ExtensionFile#java}. */
    record Java(JavaFile file) implements ExtensionFile {
        public Java {
            Objects.requireNonNull(file, "file");
        }
    }

    /** A text file; see {@link ExtensionFile#text}. */
    record Text(String path, String content) implements ExtensionFile {
        public Text {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(content, "content");
        }
    }
}
