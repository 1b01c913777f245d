package dev.specwright.generator.emit;

import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.Layout;
import dev.specwright.generator.TestSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TemplateDumpTest {
    @Test
    void dump() throws Exception {
        for (String which : new String[] {"platform", "petstore"}) {
            GeneratorOptions.Builder b = which.equals("platform")
                    ? GeneratorOptions.builder(TestSpecs.platformSpec(), Path.of("/tmp/x")).errorCatalog(TestSpecs.platformErrors())
                    : GeneratorOptions.builder(TestSpecs.dir().resolve("features/petstore3.yaml"), Path.of("/tmp/x"));
            for (GeneratedFile f : new Generator().files(b.layout(Layout.PROJECT).build())) {
                if (!f.path().endsWith(".java")) {
                    Path out = Path.of("/tmp/tpl-dump", which, f.path());
                    Files.createDirectories(out.getParent());
                    Files.writeString(out, f.content());
                }
            }
        }
    }
}
