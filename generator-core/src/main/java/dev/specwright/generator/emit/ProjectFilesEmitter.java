package dev.specwright.generator.emit;

import dev.specwright.generator.Layout;
import java.util.stream.Stream;

/** With {@code --layout project}: the SDK's {@code pom.xml} and README, from the Mustache templates. */
public final class ProjectFilesEmitter implements FileEmitter {

    @Override
    public String name() {
        return "project files";
    }

    @Override
    public Stream<GeneratedFile> emit(EmitContext context) {
        return context.layout() == Layout.PROJECT ? new TemplateRenderer().project(context.api()).stream() : Stream.empty();
    }
}
