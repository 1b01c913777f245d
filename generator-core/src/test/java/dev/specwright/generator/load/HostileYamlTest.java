package dev.specwright.generator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.SpecProblemsException;
import io.swagger.v3.oas.models.OpenAPI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small hostile documents — aliases of aliases, alias cycles, nesting a hundred thousand deep — are refused fast with
 * a located, clear problem; the limits are the same for YAML and JSON, and a huge valid document still loads.
 */
class HostileYamlTest {

    private static final String HEAD = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n";

    @TempDir
    Path tmp;

    /** The classic: nine levels of ten aliases each, 10^9 strings in about 700 bytes. */
    static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(p);
            }
            yaml.append("]\n");
        }
        return yaml.toString();
    }

    private SpecProblem refused(String name, String text) throws Exception {
        Path spec = Files.writeString(tmp.resolve(name), text);
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new SpecLoader().load(spec));
        assertThat(e).as("the load must be refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).file()).isEqualTo(spec.toString());
        return e.problems().get(0);
    }

    private OpenAPI loaded(String name, String text) throws Exception {
        return new SpecLoader().load(Files.writeString(tmp.resolve(name), text));
    }

    /** {@code depth} lists inside one another around a string, in JSON (and YAML flow) syntax. */
    private static String lists(int depth) {
        return "[".repeat(depth) + "\"x\"" + "]".repeat(depth);
    }

    @Test
    void aBillionLaughsIsRefusedInUnderASecond() throws Exception {
        String laughs = HEAD + "x-laughs:\n" + billionLaughs().indent(2);
        assertThat(laughs.length()).isLessThan(800);
        long start = System.nanoTime();
        SpecProblem problem = refused("api.yaml", laughs);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("billion laughs (" + laughs.length() + " bytes) refused in " + millis + " ms");
        assertThat(millis).as("well under 1 s on an idle machine; 5 s allows for a loaded one").isLessThan(5_000);
        assertThat(problem.rule()).contains("billion laughs", "5,000,000");
        assertThat(problem.fix()).contains("$ref");
    }

    @Test
    void aWideAliasFanOutIsRefusedByItsExpansionNotItsCount() throws Exception {
        // 3 levels of 200 aliases: 600 aliases (under the count limit) that expand to 8,000,000 nodes
        StringBuilder yaml = new StringBuilder(HEAD + "x-a: &a [1, 2]\n");
        String previous = "a";
        for (String level : new String[] {"b", "c", "d"}) {
            yaml.append("x-").append(level).append(": &").append(level).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(200, "*" + previous))).append("]\n");
            previous = level;
        }
        assertThat(refused("api.yaml", yaml.toString()).rule()).contains("billion laughs");
    }

    @Test
    void aLongStringAliasedManyTimesIsRefusedByTheCharactersItExpandsTo() throws Exception {
        // a 1,000-char string, then six levels of ten aliases: ~1.1 million nodes (under the node limit) but ~1 GB of JSON
        StringBuilder yaml = new StringBuilder(HEAD + "x-a: &a \"" + "x".repeat(1000) + "\"\n");
        String previous = "a";
        for (String level : new String[] {"b", "c", "d", "e", "f", "g"}) {
            yaml.append("x-").append(level).append(": &").append(level).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(10, "*" + previous))).append("]\n");
            previous = level;
        }
        assertThat(yaml.length()).isLessThan(1_500);
        long start = System.nanoTime();
        SpecProblem problem = refused("api.yaml", yaml.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("a long string aliased 10^6 times (" + yaml.length() + " bytes) refused in " + millis + " ms");
        assertThat(millis).as("well under 1 s on an idle machine; 5 s allows for a loaded one").isLessThan(5_000);
        assertThat(problem.rule()).contains("characters", "64 MiB");
        assertThat(problem.fix()).contains("$ref");
    }

    @Test
    void aLongStringAliasedAFewTimesStillLoads() throws Exception {
        // ten copies of a 1 MB description: 10 MB, within the 64 MiB floor
        OpenAPI api = loaded("api.yaml", HEAD + "x-text: &t \"" + "d".repeat(1_000_000) + "\"\n"
                + "x-copies: [" + String.join(",", java.util.Collections.nCopies(10, "*t")) + "]\n");
        assertThat(api.getExtensions()).containsKey("x-copies");
    }

    @Test
    void tooManyAliasesAreRefused() throws Exception {
        String aliases = String.join(", ", java.util.Collections.nCopies(LoadLimits.MAX_ALIASES + 1, "*a"));
        SpecProblem problem = refused("api.yaml", HEAD + "x-a: &a [1]\nx-b: [" + aliases + "]\n");
        assertThat(problem.rule()).contains("more than 10,000 aliases");
    }

    @Test
    void aModestUseOfAliasesStillLoads() throws Exception {
        OpenAPI api = loaded("api.yaml", HEAD.replace("paths: {}\n", "") + "paths:\n  /a:\n    get:\n      responses: &ok\n"
                + "        '200': {description: ok}\n  /b:\n    get:\n      responses: *ok\n");
        assertThat(api.getPaths().get("/b").getGet().getResponses()).containsKey("200");
    }

    @Test
    void anAliasCycleIsRefused() throws Exception {
        SpecProblem problem = refused("api.yaml", HEAD + "x-loop: &loop [*loop]\n");
        assertThat(problem.rule()).contains("cycle");
    }

    @Test
    void aRecursiveKeyIsRefused() throws Exception {
        SpecProblem problem = refused("api.yaml", HEAD + "x-key: &k {*k : 1}\n");
        assertThat(problem.rule()).containsAnyOf("cycle", "Recursive");
    }

    @Test
    void aDuplicateKeyIsLocatedByLine() throws Exception {
        SpecProblem problem = refused("api.yaml", HEAD + "components:\n  schemas:\n    A: {type: string}\n    A: {type: integer}\n");
        assertThat(problem.rule()).contains("line 7", "appears twice");
        assertThat(problem.pointer()).isEqualTo("/components/schemas/A");
    }

    @Test
    void sixtyLevelsLoadInYamlAsInJson() throws Exception {
        // SnakeYAML's default refuses YAML past 50 levels while Jackson takes JSON to 1000: one limit now.
        assertThat(loaded("deep.yaml", HEAD + "x-deep: " + lists(60) + "\n").getExtensions()).containsKey("x-deep");
        String json = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {}, \"x-deep\": " + lists(60) + "}";
        assertThat(loaded("deep.json", json).getExtensions()).containsKey("x-deep");
    }

    @Test
    void sixtyLevelsOfBlockYamlSchemasLoad() throws Exception {
        StringBuilder yaml = new StringBuilder(HEAD + "components:\n  schemas:\n    Deep:\n");
        String indent = "      ";
        for (int i = 0; i < 30; i++) {
            yaml.append(indent).append("type: object\n").append(indent).append("properties:\n")
                    .append(indent).append("  p:\n");
            indent += "    ";
        }
        yaml.append(indent).append("type: string\n");
        assertThat(loaded("deep.yaml", yaml.toString()).getComponents().getSchemas()).containsKey("Deep");
    }

    @Test
    void theLimitIsTheSameNumberForYamlAndJson() throws Exception {
        // The document's own object is one level: the list nesting may reach the limit less one.
        int most = LoadLimits.MAX_DEPTH - 1;
        String jsonHead = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {}, \"x-deep\": ";
        assertThat(loaded("at.yaml", HEAD + "x-deep: " + lists(most) + "\n").getExtensions()).containsKey("x-deep");
        assertThat(loaded("at.json", jsonHead + lists(most) + "}").getExtensions()).containsKey("x-deep");
        assertThat(refused("over.yaml", HEAD + "x-deep: " + lists(most + 1) + "\n").rule()).contains("more than 1000 deep");
        assertThat(refused("over.json", jsonHead + lists(most + 1) + "}").rule()).contains("more than 1000 deep");
    }

    @Test
    void schemasNestedNearTheLimitStillGenerate() throws Exception {
        // 490 inline schemas inside one another are 981 JSON levels: every stage copes, no StackOverflowError
        int levels = 490;
        StringBuilder json = new StringBuilder("{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, "
                + "\"paths\": {}, \"components\": {\"schemas\": {\"Deep\": ");
        json.append("{\"type\": \"object\", \"properties\": {\"p\": ".repeat(levels)).append("{\"type\": \"string\"}")
                .append("}}".repeat(levels)).append("}}}");
        Path spec = Files.writeString(tmp.resolve("deep.json"), json);
        var files = new dev.specwright.generator.Generator().files(
                dev.specwright.generator.GeneratorOptions.builder(spec, tmp.resolve("out")).basePackage("deep").build());
        assertThat(files).hasSizeGreaterThan(levels);

        // the same from a caller whose thread has a small stack (a build tool's worker): the build passes run on their own
        Object[] onSmallStack = new Object[1];
        Thread small = new Thread(null, () -> {
            try {
                onSmallStack[0] = new dev.specwright.generator.Generator().files(dev.specwright.generator.GeneratorOptions
                        .builder(spec, tmp.resolve("out")).basePackage("deep").build()).size();
            } catch (Throwable e) {
                onSmallStack[0] = e;
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertThat(onSmallStack[0]).isEqualTo(files.size());
    }

    @Test
    void aHundredThousandBracketsOfJsonAreRefusedClearly() throws Exception {
        SpecProblem problem = refused("api.json", "{\"x\": " + "[".repeat(100_000));
        assertThat(problem.rule()).contains("more than 1000 deep", "JSON and YAML alike");
    }

    @Test
    void aHundredThousandBracketsOfYamlAreRefusedClearly() throws Exception {
        SpecProblem problem = refused("api.yaml", HEAD + "x-deep: " + "[".repeat(100_000));
        assertThat(problem.rule()).contains("more than 1000 deep");
    }

    @Test
    void aliasesThatNestPastTheLimitAreRefused() throws Exception {
        // each half is within the limit; the alias puts one inside the other
        String half = "[".repeat(600) + "*a" + "]".repeat(600);
        SpecProblem problem = refused("api.yaml", HEAD + "x-a: &a " + lists(600) + "\nx-b: " + half + "\n");
        assertThat(problem.rule()).contains("more than 1000 deep");
    }

    @Test
    void aHugeValidYamlStillLoads() throws Exception {
        // over SnakeYAML's default 3,145,728 code points, as Stripe's and Graph's specs are
        String description = "x".repeat(4_000_000);
        OpenAPI api = loaded("big.yaml", HEAD.replace("version: '1'}", "version: '1', description: " + description + "}"));
        assertThat(api.getInfo().getDescription()).hasSize(4_000_000);
    }

    @Test
    void aHugeReferencedYamlStillLoads() throws Exception {
        Files.writeString(tmp.resolve("big.yaml"), "type: string\ndescription: " + "y".repeat(4_000_000) + "\n");
        OpenAPI api = loaded("api.yaml", HEAD + "components:\n  schemas:\n    Big: {$ref: 'big.yaml'}\n");
        assertThat(api.getComponents().getSchemas()).isNotEmpty();
    }

    @Test
    void aScalarDocumentIsNotASpec() throws Exception {
        assertThat(refused("api.yaml", "just some text\n").rule()).contains("an object at the top");
    }

    @Test
    void anErrorCatalogNestedAHundredThousandDeepIsRefusedClearly() throws Exception {
        Path errors = Files.writeString(tmp.resolve("errors.json"), "{\"errors\": " + "[".repeat(100_000));
        SpecProblemsException e = catchThrowableOfType(SpecProblemsException.class, () -> new ErrorCatalogLoader().load(errors));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(errors.toString());
            assertThat(p.rule()).contains("more than 1000 deep");
        });
    }

    @Test
    void aHugeErrorCatalogStillLoads() throws Exception {
        StringBuilder json = new StringBuilder("{\"errors\": [");
        for (int i = 0; i < 50_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"name\": \"E").append(i).append("\", \"code\": ").append(i)
                    .append(", \"category\": \"InvalidData\", \"description\": \"").append("d".repeat(50)).append("\"}");
        }
        Path errors = Files.writeString(tmp.resolve("errors.json"), json.append("]}").toString());
        RawErrorCatalog catalog = new ErrorCatalogLoader().load(errors);
        assertThat(catalog.entries()).hasSize(50_000);
    }
}
