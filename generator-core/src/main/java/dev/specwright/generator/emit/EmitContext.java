package dev.specwright.generator.emit;

import com.palantir.javapoet.JavaFile;
import dev.specwright.generator.Customization;
import dev.specwright.generator.Layout;
import dev.specwright.generator.model.ApiModel;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What every emitter of one run reads: the model, the layout, the model's Java types; and the one way a Java file
 * becomes a {@link GeneratedFile} (its name checked against every other file of the run, see {@link FileNames}).
 */
public final class EmitContext {

    private final ApiModel api;
    private final Layout layout;
    private final Customization customization;
    private final UnaryOperator<JavaFile> beforeWrite;
    private final JavaTypes types;
    private final FileNames names = new FileNames();

    public EmitContext(ApiModel api, Layout layout) {
        this(api, layout, Customization.DEFAULT, UnaryOperator.identity());
    }

    /**
     * @param customization what the user chose beyond packages (templates, mappings, what is generated)
     * @param beforeWrite sees every Java file before it becomes a {@link GeneratedFile}, and may return another (the
     *     extensions' hook); {@link UnaryOperator#identity()} for none
     */
    public EmitContext(ApiModel api, Layout layout, Customization customization, UnaryOperator<JavaFile> beforeWrite) {
        this.api = Objects.requireNonNull(api, "api");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.customization = Objects.requireNonNull(customization, "customization");
        this.beforeWrite = Objects.requireNonNull(beforeWrite, "beforeWrite");
        this.types = new JavaTypes(api.packages());
    }

    public ApiModel api() {
        return api;
    }

    public Layout layout() {
        return layout;
    }

    public Customization customization() {
        return customization;
    }

    JavaTypes types() {
        return types;
    }

    /** The file of one top-level type, under {@link Emitters#SOURCE_ROOT}; a name no file system can hold is refused. */
    public GeneratedFile java(JavaFile source) {
        JavaFile file = Objects.requireNonNull(beforeWrite.apply(source), "beforeWrite returned null");
        synchronized (names) {
            names.check(file);
        }
        String folder = file.packageName().isEmpty() ? "" : file.packageName().replace('.', '/') + "/";
        return new GeneratedFile(Emitters.SOURCE_ROOT + "/" + folder + file.typeSpec().name() + ".java", stripLineEnds(file.toString()));
    }

    /**
     * Without spaces at line ends: JavaPoet keeps the space before a line break it makes at {@code $Z} (after
     * {@code "= "}), and spec text brings its own (a Markdown hard break). No literal spans lines, so none changes.
     */
    static String stripLineEnds(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int spaces = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == ' ' || c == '\t') {
                spaces++;
                continue;
            }
            if (c != '\n') {
                out.append(source, i - spaces, i);
            }
            spaces = 0;
            out.append(c);
        }
        return out.append(source, source.length() - spaces, source.length()).toString();
    }
}
