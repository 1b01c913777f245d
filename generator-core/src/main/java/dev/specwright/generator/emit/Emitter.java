package dev.specwright.generator.emit;

import com.palantir.javapoet.JavaFile;
import dev.specwright.generator.Layout;
import dev.specwright.generator.model.ApiModel;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * ApiModel → files, without I/O: every {@code .java} file through JavaPoet, every other file through a Mustache
 * template. The list is sorted by path, so the writer sees the same sequence on every run.
 */
public final class Emitter {

    public static final String SOURCE_ROOT = "src/main/java";

    private final TemplateRenderer templates = new TemplateRenderer();

    public List<GeneratedFile> emit(ApiModel api, Layout layout) {
        JavaTypes types = new JavaTypes(api.packages());
        Stream<JavaFile> java = Stream.of(
                        new ModelEmitter(api, types).emit(),
                        new UnionEmitter(api, types).emit(),
                        new ApiEmitter(api, types).emit(),
                        new ClientEmitter(api, types).emit(),
                        api.errorCatalog().isPresent() ? new ErrorEmitter(api, types).emit() : Stream.<JavaFile>empty())
                .flatMap(s -> s);
        // Each file is checked and rendered as it comes, so only the rendered text of a large spec is held at once;
        // the sort below drains the stream, so every name is checked before anything is written.
        FileNames names = new FileNames();
        Stream<GeneratedFile> sources = java.peek(names::check).map(Emitter::toFile);
        Stream<GeneratedFile> project = layout == Layout.PROJECT ? templates.project(api).stream() : Stream.empty();
        return Stream.concat(sources, project).sorted(Comparator.comparing(GeneratedFile::path)).toList();
    }

    private static GeneratedFile toFile(JavaFile file) {
        String path = SOURCE_ROOT + "/" + (file.packageName().isEmpty() ? "" : file.packageName().replace('.', '/') + "/")
                + file.typeSpec().name() + ".java";
        return new GeneratedFile(path, file.toString());
    }
}
