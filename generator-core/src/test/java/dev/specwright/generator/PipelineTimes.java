package dev.specwright.generator;

import dev.specwright.generator.emit.Emitters;
import dev.specwright.generator.emit.GeneratedFile;
import dev.specwright.generator.load.StageClock;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.write.OutputWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline of {@link Generator#generate}, stage by stage, each timed ({@code -Dspecwright.timings} is set here):
 * where a large spec's time goes. Not a test; run it on the CLI jar and the test classes:
 * {@code java -cp cli/target/specwright-cli.jar:generator-core/target/test-classes dev.specwright.generator.PipelineTimes SPEC OUT}.
 */
public final class PipelineTimes {

    private PipelineTimes() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("give the spec and an output folder: PipelineTimes SPEC OUT");
        }
        System.setProperty(StageClock.PROPERTY, "true");
        GeneratorOptions options = GeneratorOptions.builder(Path.of(args[0]), Path.of(args[1])).build();
        StageClock total = StageClock.start("total");
        StageClock clock = StageClock.start("load+build");
        ApiModel model = new Generator().model(options);
        clock = clock.then("emit");
        List<GeneratedFile> files = Emitters.all(model, options.layout());
        clock = clock.then("write");
        new OutputWriter().write(options.outputDir(), files,
                new OutputWriter.Settings(Optional.of(options.spec()), options.owner(), options.overwrite()));
        clock.stop();
        total.stop();
    }
}
