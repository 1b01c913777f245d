package dev.specwright.generator.emit;

import dev.specwright.generator.model.ModelDef;
import java.util.stream.Stream;

/**
 * Partial-update models: the body of a PATCH (or of an operation marked {@code x-partial-update}) as a final class that
 * remembers which fields were set, so that "not set" (left out), "set to null" (sent as null) and a value are three
 * different things on the wire ({@link BuiltClass}).
 */
final class PartialUpdateEmitter implements FileEmitter {

    @Override
    public String name() {
        return "partial-update models";
    }

    @Override
    public Stream<GeneratedFile> emit(EmitContext context) {
        if (!context.customization().generateModels()) {
            return Stream.empty(); // generateModels=false: the user supplies the models
        }
        BuiltClass built = new BuiltClass(context.types(), new Deprecations(context.api()));
        return context.api().models().stream().filter(ModelDef::partial).map(m -> context.java(built.file(m)));
    }
}
