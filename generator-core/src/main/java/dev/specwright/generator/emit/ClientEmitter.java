package dev.specwright.generator.emit;

import java.util.stream.Stream;

/** The client's entry point: {@code <Name>Client} with its builder, {@code Environment} and {@code <Name>Credentials}. */
public final class ClientEmitter implements FileEmitter {

    @Override
    public String name() {
        return "client";
    }

    @Override
    public Stream<GeneratedFile> emit(EmitContext context) {
        if (!context.customization().generateApis()) {
            return Stream.empty(); // generateApis=false: the models only
        }
        return new ClientClasses(context.api(), context.types()).emit().map(context::java);
    }
}
