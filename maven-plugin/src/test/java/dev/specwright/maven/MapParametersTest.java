package dev.specwright.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peer's list form of map parameters, parsed strictly; the classes they name checked. */
class MapParametersTest {

    @TempDir
    Path tmp;

    @Test
    void itemsAndCommaSeparatedItemsAreOneMapInOrder() throws MojoFailureException {
        Map<String, String> map = GenerateMojo.keyValues("typeMappings",
                List.of(" date-time = java.time.Instant ", "string+uuid=java.util.UUID,DateTime=java.time.Instant",
                        "date-time=java.time.Instant"));

        assertThat(map).containsExactly(Map.entry("date-time", "java.time.Instant"),
                Map.entry("string+uuid", "java.util.UUID"), Map.entry("DateTime", "java.time.Instant"));
        assertThat(GenerateMojo.keyValues("typeMappings", null)).isEmpty();
        assertThat(GenerateMojo.keyValues("typeMappings", List.of(" ", ","))).isEmpty();
    }

    @Test
    void anItemWithoutEqualsFailsNamingTheParameterAndTheItem() {
        assertThatThrownBy(() -> GenerateMojo.keyValues("typeMappings", List.of("date-time=java.time.Instant",
                "java.util.UUID")))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Specwright <typeMappings>: the item \"java.util.UUID\" has no '='. Fix: write key=value"
                        + " items, e.g. <typeMapping>date-time=java.time.Instant</typeMapping>.");
    }

    @Test
    void anEmptyKeyOrValueFailsNamingTheItem() {
        assertThatThrownBy(() -> GenerateMojo.keyValues("schemaMappings", List.of("=com.example.Money")))
                .hasMessageStartingWith("Specwright <schemaMappings>: the item \"=com.example.Money\" has no key"
                        + " before '='.");
        assertThatThrownBy(() -> GenerateMojo.keyValues("nameMappings", List.of("_type=")))
                .hasMessageStartingWith("Specwright <nameMappings>: the item \"_type=\" has no value after '='.");
    }

    @Test
    void aKeyGivenTwiceWithTwoValuesFailsNamingBoth() {
        assertThatThrownBy(() -> GenerateMojo.keyValues("typeMappings",
                List.of("date-time=java.time.Instant", "date-time=java.time.OffsetDateTime")))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Specwright <typeMappings>: the key \"date-time\" is given twice, as"
                        + " date-time=java.time.Instant and date-time=java.time.OffsetDateTime. Fix: keep one.");
    }

    @Test
    void controlCharactersInAnItemReachTheMessageEscaped() {
        assertThatThrownBy(() -> GenerateMojo.keyValues("typeMappings", List.of("x\r\n[INFO] BUILD SUCCESS")))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n"));
    }

    @Test
    void aClassIsFoundInTheJdkOnTheClasspathOrInTheSourcesAndOtherwiseNamed() throws IOException {
        Path classes = Files.createDirectories(tmp.resolve("classes/com/example/lib"));
        Files.write(classes.resolve("Money.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
        Files.write(classes.resolve("Money$Currency.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
        Path sources = Files.createDirectories(tmp.resolve("src/main/java/com/example/own"));
        Files.writeString(sources.resolve("Price.java"), "package com.example.own; public record Price() {}");

        try (ClassCheck check = new ClassCheck(List.of(tmp.resolve("classes").toString()),
                List.of(tmp.resolve("src/main/java").toString(), tmp.resolve("no-such-root").toString()))) {
            assertThat(check.problem("java.time.Instant")).isNull();
            assertThat(check.problem("java.util.Map.Entry")).isNull(); // nested, by its source name
            assertThat(check.problem("java.util.List<java.lang.String>")).isNull();
            assertThat(check.problem("int")).isNull();
            assertThat(check.problem("byte[]")).isNull();
            assertThat(check.problem("String")).isNull(); // java.lang by its simple name
            assertThat(check.problem("com.example.lib.Money")).isNull();
            assertThat(check.problem("com.example.lib.Money.Currency")).isNull();
            assertThat(check.problem("com.example.own.Price")).isNull();
            assertThat(check.problem("com.example.own.Price.Inner")).isNull(); // nested in a source file

            assertThat(check.problem("com.example.Missing")).isEqualTo("names a class that is neither in the JDK,"
                    + " nor on the project's compile classpath, nor in its source roots");
            assertThat(check.problem("Instant")).startsWith("is a simple name and not a java.lang type");
            assertThat(check.problem("java.time.Instant; drop table")).isEqualTo("is not a Java class name");
        }
    }

    @Test
    void theFailureNamesTheParameterTheKeyAndTheClass() throws IOException {
        try (ClassCheck check = new ClassCheck(List.of(), List.of())) {
            List<String> problems = GenerateMojo.missing(check, "typeMappings",
                    Map.of("date-time", "com.example.Missing"));

            assertThat(problems).containsExactly("<typeMappings> key \"date-time\": com.example.Missing names a class"
                    + " that is neither in the JDK, nor on the project's compile classpath, nor in its source roots."
                    + " Fix: correct the class name, or add the dependency that holds it.");
        }
    }
}
