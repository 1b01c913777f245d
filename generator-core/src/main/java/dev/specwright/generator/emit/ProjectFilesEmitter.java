package dev.specwright.generator.emit;

import java.util.stream.Stream;

/**
 * Every file that comes from a Mustache template: with {@code layout=project} the SDK's {@code pom.xml}, README and a
 * doc page per API and per model; in every layout the files the user's {@code templateDirectory} adds. First of
 * {@link Emitters#defaults()}, so a template that cannot render fails the run before any Java file is rendered.
 */
public final class ProjectFilesEmitter implements FileEmitter {

    @Override
    public String name() {
        return "template files";
    }

    @Override
    public Stream<GeneratedFile> emit(EmitContext context) {
        return TemplateRenderer.files(context);
    }
}
