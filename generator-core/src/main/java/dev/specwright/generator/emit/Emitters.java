package dev.specwright.generator.emit;

import com.palantir.javapoet.JavaFile;
import dev.specwright.generator.Customization;
import dev.specwright.generator.Layout;
import dev.specwright.generator.model.ApiModel;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The registered list of emitters, and the emit stage that runs them in order: ApiModel → a lazy stream of files.
 * Every {@code .java} file comes from JavaPoet, every other file from a Mustache template.
 */
public final class Emitters {

    public static final String SOURCE_ROOT = "src/main/java";

    private Emitters() {}

    /** The emitters of a default run, in the order their files come. */
    public static List<FileEmitter> defaults() {
        return List.of(
                new ProjectFilesEmitter(),
                new RecordEmitter(),
                new PartialUpdateEmitter(),
                new FieldEnumEmitter(),
                new JsonApiEmitter(),
                new OpenEnumEmitter(),
                new UnionEmitter(),
                new ApiEmitter(),
                new ParamsEmitter(),
                new ClientEmitter(),
                new ErrorEmitter());
    }

    /**
     * The files of {@code emitters}, lazily, in registration order. A file's name is checked (against every file
     * before it) as the file is rendered, so a consumer that stops at the first exception has written nothing wrong.
     */
    public static Stream<GeneratedFile> emit(List<FileEmitter> emitters, ApiModel api, Layout layout) {
        return emit(emitters, new EmitContext(api, layout));
    }

    /** The files of {@code emitters} in {@code context} (its customization, its hook before each Java file). */
    public static Stream<GeneratedFile> emit(List<FileEmitter> emitters, EmitContext context) {
        return List.copyOf(emitters).stream().flatMap(e -> e.emit(context));
    }

    /** The default emitters' files, sorted by path: for tests and tools that hold the output in memory. */
    public static List<GeneratedFile> all(ApiModel api, Layout layout) {
        return all(api, layout, Customization.DEFAULT);
    }

    /** The default emitters' files under {@code customization}, sorted by path. */
    public static List<GeneratedFile> all(ApiModel api, Layout layout, Customization customization) {
        return all(defaults(), new EmitContext(api, layout, customization, UnaryOperator.identity()));
    }

    /** The files of {@code emitters} in {@code context}, sorted by path. */
    public static List<GeneratedFile> all(List<FileEmitter> emitters, EmitContext context) {
        return emit(emitters, context).sorted(java.util.Comparator.comparing(GeneratedFile::path)).toList();
    }
}
