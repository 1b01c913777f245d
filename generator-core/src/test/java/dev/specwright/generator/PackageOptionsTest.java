package dev.specwright.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specwright.generator.emit.GeneratedFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Package options are checked when the options are built — by the CLI and the Maven plugin alike — so a name javac
 * would refuse, or one whose folder Windows cannot hold, never gets as far as generation.
 */
class PackageOptionsTest {

    private static final Path SPEC = TestSpecs.dir().resolve("features/names.yaml");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "com..x              | part 2 is empty: two dots in a row  | com.x",
        ".com.x              | starts with a dot                  | com.x",
        "com.x.              | ends with a dot                    | com.x",
        "java.lang           | java.* belongs to the JDK          | com.example.lang",
        "java.util.foo       | java.* belongs to the JDK          | com.example.util.foo",
        "javax.annotation    | javax.* belongs to the JDK         | com.example.annotation",
        "1abc                | cannot start with 1                | _1abc",
        "com.example.class   | part 3 (class) is a Java keyword   | com.example.class_",
        "com.example._       | part 3 (_) is a Java keyword       | com.example.api",
        "com.example.true    | part 3 (true) is a Java keyword    | com.example.true_",
        "Com.Ex-ample        | it holds '-'                       | com.example",
        "com.ex ample        | it holds U+0020                    | com.example",
        "com.¿x              | cannot start with ¿                | com.x",
        "com.example.con     | Windows reserves                   | com.example.con_",
        "com.example.Aux     | Windows reserves                   | com.example.aux_",
        "com.example.lpt1    | Windows reserves                   | com.example.lpt1_",
        "dev.specwright.runtime | runtime's own package           | com.example.specwright.runtime",
        "com.sun.net.httpserver | JDK's module jdk.httpserver     | com.example.httpserver",
    })
    void aBadBasePackageIsRefusedWithTheRuleAndAFix(String name, String why, String fix) {
        assertThatThrownBy(() -> GeneratorOptions.builder(SPEC, Path.of("out")).basePackage(name).build())
                .isInstanceOfSatisfying(InvalidOptionException.class, e -> assertThat(e.option()).isEqualTo("basePackage"))
                .hasMessageContaining("\"" + name + "\"").hasMessageContaining(why)
                .hasMessageContaining("a Java package name is one or more Java identifiers joined by dots")
                .hasMessageContaining("Fix: use for example " + fix + ".");
    }

    @Test
    void apiAndModelPackagesAreCheckedTheSameWay() {
        assertThatThrownBy(() -> GeneratorOptions.builder(SPEC, Path.of("out")).apiPackage("com.x.").build())
                .isInstanceOfSatisfying(InvalidOptionException.class, e -> assertThat(e.option()).isEqualTo("apiPackage"))
                .hasMessageContaining("API package");
        assertThatThrownBy(() -> GeneratorOptions.builder(SPEC, Path.of("out")).modelPackage("java.model").build())
                .isInstanceOfSatisfying(InvalidOptionException.class, e -> assertThat(e.option()).isEqualTo("modelPackage"))
                .hasMessageContaining("model package");
    }

    @Test
    void packagesThatWouldShareAFolderAreRefused() {
        assertThatThrownBy(() -> GeneratorOptions.builder(SPEC, Path.of("out")).apiPackage("com.x").modelPackage("com.x").build())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("must differ");
        assertThatThrownBy(() -> GeneratorOptions.builder(SPEC, Path.of("out")).basePackage("com.x").modelPackage("com.x.api").build())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("both com.x.api");
        assertThatThrownBy(() -> GeneratorOptions.builder(SPEC, Path.of("out")).basePackage("com.x").apiPackage("com.x").build())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("the base package and the API package");
    }

    @Test
    void goodPackagesStillGenerateCompilingCode() throws Exception {
        for (String name : List.of("com.example.pets", "a", "café.ünïcode", "org.example.record", "com.example.var", "$x.y_z9")) {
            List<GeneratedFile> files = new Generator().files(GeneratorOptions.builder(SPEC, Path.of("out")).basePackage(name).build());
            InProcessCompiler.Result compiled = InProcessCompiler.compile(files, java.nio.file.Files.createTempDirectory("pkg"));
            assertThat(compiled.diagnostics()).as(name).isEmpty();
        }
        assertThat(GeneratorOptions.builder(SPEC, Path.of("out")).basePackage("  com.x  ").build().basePackage()).contains("com.x");
    }
}
