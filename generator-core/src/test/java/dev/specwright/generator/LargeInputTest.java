package dev.specwright.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.model.ApiModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargeInputTest {

    @Test
    void yamlOverSnakeYamlsDefaultLimitLoads(@TempDir Path tmp) throws Exception {
        StringBuilder yaml = new StringBuilder("openapi: 3.0.3\ninfo: {title: Big, version: '1'}\npaths:\n");
        for (int i = 0; yaml.length() < 3_400_000; i++) {
            yaml.append("  /things").append(i).append(":\n    get:\n      operationId: thing").append(i)
                    .append("\n      description: '").append("x".repeat(900)).append("'\n")
                    .append("      responses: {'204': {description: none}}\n");
        }
        Path spec = Files.writeString(tmp.resolve("big.yaml"), yaml);
        assertThat(Files.size(spec)).isGreaterThan(3_145_728L);

        ApiModel model = new Generator().model(GeneratorOptions.builder(spec, tmp.resolve("out")).build());

        assertThat(model.apis().stream().mapToInt(api -> api.operations().size()).sum()).isGreaterThan(3000);
        // a class file holds at most 65,535 constants: a tag with thousands of operations is split in parts
        assertThat(model.apis()).allSatisfy(api -> assertThat(api.operations()).hasSizeLessThanOrEqualTo(1000));
        assertThat(model.apis()).extracting(api -> api.className()).startsWith("BigApi", "BigPart2Api", "BigPart3Api");
        assertThat(model.apis()).extracting(api -> api.accessorName()).startsWith("big", "bigPart2", "bigPart3");
        assertThat(model.apis().get(1).operations().get(0).operationId()).isEqualTo("thing1000");
        // untagged operations are the API's own group, named for the client (not default_()); each part is still the tag's
        assertThat(model.apis()).extracting(api -> api.tag()).containsOnly("Big");
    }
}
