package dev.specwright.maven;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's migration table from openapi-generator-maven-plugin is rendered from {@link PeerParameters}, so it
 * cannot drift from what the plugin does: when a rule changes, this test fails with the table to paste (also written
 * to {@code target/readme-migration-table.md}).
 */
class ReadmeMigrationTableTest {

    static final String BEGIN = "<!-- migration table: rendered from PeerParameters, checked by ReadmeMigrationTableTest -->";
    static final String END = "<!-- end of migration table -->";

    /** A word holding {@code <...>} (e.g. {@code <output>/src/main/java}) would be read as HTML: it goes in code. */
    private static final Pattern ANGLED = Pattern.compile("[^\\s(]*<[^>\\s]+>[^\\s,;:)]*");

    @Test
    void readmeHoldsTheTableRenderedFromPeerParameters() throws IOException {
        String expected = render();
        Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("readme-migration-table.md"), expected, StandardCharsets.UTF_8);
        Path readme = Path.of(System.getProperty("basedir", ".")).resolve("../README.md").normalize();
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            fail(readme + " has no migration table between " + BEGIN + " and " + END + ". Put this there:\n"
                    + expected);
        }
        String actual = text.substring(begin + BEGIN.length(), end).strip() + "\n";
        if (!actual.equals(expected)) {
            fail(readme + "'s migration table differs from PeerParameters. Replace the text between the markers with"
                    + " (also in " + target.resolve("readme-migration-table.md") + "):\n" + expected);
        }
    }

    /** The two tables: the peer's plugin parameters in its order, then its java generator's configOptions keys. */
    static String render() {
        return table("openapi-generator-maven-plugin parameter", PeerParameters.PLUGIN) + "\n"
                + table("`<configOptions>` key (also as `<additionalProperties>` item)", PeerParameters.CONFIG_OPTIONS);
    }

    private static String table(String heading, Map<String, PeerParameters.Rule> rules) {
        return "| " + heading + " | Specwright | why, or what to know |\n|---|---|---|\n"
                + rules.values().stream()
                        .map(rule -> "| `" + rule.name() + "` | " + verdict(rule) + " | " + cell(rule.why()) + " |\n")
                        .collect(Collectors.joining());
    }

    private static String verdict(PeerParameters.Rule rule) {
        return switch (rule.verdict()) {
            case SAME -> "same";
            case MAPPED -> rule.ours().equals(rule.name()) ? "sets `" + rule.ours() + "`" : "→ `" + rule.ours() + "`";
            case NO_EFFECT -> "no effect (logged)";
            case REFUSED -> rule.harmless().isEmpty() ? "**not supported** (fails)"
                    : "**not supported** (fails unless " + rule.harmless().stream().sorted()
                            .map(value -> "`" + value + "`").collect(Collectors.joining(" or ")) + ")";
        };
    }

    private static String cell(String text) {
        Matcher matcher = ANGLED.matcher(text.replace("|", "\\|"));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement("`" + matcher.group() + "`"));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
