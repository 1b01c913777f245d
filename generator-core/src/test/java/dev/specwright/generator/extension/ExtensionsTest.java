package dev.specwright.generator.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specwright.generator.Customization;
import dev.specwright.generator.CustomizationException;
import dev.specwright.generator.GenerationReport;
import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InProcessCompiler;
import dev.specwright.generator.Layout;
import dev.specwright.generator.TestSpecs;
import dev.specwright.generator.emit.GeneratedFile;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link GeneratorExtension} SPI on the platform spec: what extensions add is in the output and compiles with
 * {@code -Xlint:all -Werror}; they are found by name and by {@code ServiceLoader}, in a fixed order; every way one can
 * fail is a {@link CustomizationException} naming it, with nothing written.
 */
class ExtensionsTest {

    private static final String MODEL = "src/main/java/com/example/platform/model/";

    @TempDir
    Path tmp;

    private static GeneratorOptions options(Path out, Layout layout, Class<?>... extensions) {
        List<String> names = Stream.of(extensions).map(Class::getName).toList();
        return GeneratorOptions.builder(TestSpecs.platformSpec(), out).errorCatalog(TestSpecs.platformErrors())
                .layout(layout).customization(Customization.DEFAULT.withExtensions(names)).build();
    }

    private static List<GeneratedFile> files(Class<?>... extensions) throws Exception {
        return new Generator().files(options(Path.of("unused"), Layout.SOURCES, extensions));
    }

    private static Map<String, String> byPath(List<GeneratedFile> files) {
        return files.stream().collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content, (a, b) -> a,
                TreeMap::new));
    }

    @Test
    void anAnnotationOnEveryModelAndAMethodOnTheClientCompileAndAreThere() throws Exception {
        List<GeneratedFile> plain = files();
        List<GeneratedFile> files = files(TestExtensions.AuditModels.class);
        assertThat(files).extracting(GeneratedFile::path).isEqualTo(plain.stream().map(GeneratedFile::path).toList());

        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, tmp.resolve("classes"));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror").isEmpty();
        assertThat(compiled.success()).isTrue();

        ClassLoader loader = compiled.classLoader();
        Map<String, String> before = byPath(plain);
        int audited = 0;
        for (GeneratedFile file : files) {
            if (!file.content().contains("@Audited(")) {
                if (file.path().endsWith("/PlatformClient.java")) {
                    assertThat(file.content()).contains("public static int auditedModels() {");
                } else {
                    assertThat(file.content()).as(file.path()).isEqualTo(before.get(file.path()));
                }
                continue;
            }
            audited++;
            assertThat(file.path()).startsWith(MODEL);
            // the annotation and its import are all that changed: a record keeps its components (JavaPoet 0.22's
            // toBuilder() alone would drop them)
            assertThat(file.content().replaceAll("(?m)^@Audited\\(\"\\w+\"\\)\n", "")
                    .replace("import dev.specwright.generator.extension.Audited;\n", ""))
                    .as(file.path()).isEqualTo(before.get(file.path()));
            String name = file.path().substring("src/main/java/".length(), file.path().length() - 5).replace('/', '.');
            assertThat(loader.loadClass(name).getAnnotation(Audited.class)).as(name).isNotNull();
        }
        // every model (records and built classes, not the enums and unions of the model package) got it
        long plainModels = plain.stream().filter(f -> f.path().startsWith(MODEL))
                .filter(f -> f.content().contains("public record ") || f.content().contains("public final class "))
                .filter(f -> !f.content().contains(" extends OpenEnum<")).count();
        assertThat(audited).isGreaterThan(10).isEqualTo((int) plainModels);
        Class<?> client = loader.loadClass("com.example.platform.PlatformClient");
        assertThat(client.getMethod("auditedModels").invoke(null)).isEqualTo(audited);
    }

    @Test
    void aRebuiltTypeIsWrittenByteForByteAsGenerated() throws Exception {
        // every type through toBuilder().build(), records included: the hook's JavaFile is made as the emitters make it
        assertThat(byPath(files(TestExtensions.Rebuild.class))).isEqualTo(byPath(files()));
    }

    @Test
    void javaPoetsToBuilderStillDropsRecordComponents() {
        // Why Extensions.RecordComponents exists; once a JavaPoet upgrade fails this test, it can go.
        TypeSpec record = TypeSpec.recordBuilder("Pet").recordConstructor(MethodSpec.constructorBuilder()
                .addParameter(String.class, "name").build()).build();
        assertThat(JavaFile.builder("p", record.toBuilder().build()).build().toString()).contains("record Pet()");
        assertThat(JavaFile.builder("p", Extensions.RecordComponents.restored(record, record.toBuilder().build()))
                .build().toString()).contains("record Pet(String name)");
    }

    @Test
    void anExtensionsOutputIsTheSameOnEveryRun() throws Exception {
        Class<?>[] extensions = {TestExtensions.AuditModels.class, TestExtensions.Catalogue.class};
        new Generator().generate(options(tmp.resolve("a"), Layout.PROJECT, extensions));
        new Generator().generate(options(tmp.resolve("b"), Layout.PROJECT, extensions));
        assertThat(tree(tmp.resolve("a"))).isEqualTo(tree(tmp.resolve("b"))).containsKey("docs/types.txt");
    }

    @Test
    void anExtensionAddsAJavaClassAndATextFileThatAreWrittenAndRemovedLikeGeneratedOnes() throws Exception {
        Path out = tmp.resolve("out");
        GenerationReport report = new Generator().generate(options(out, Layout.SOURCES, TestExtensions.Catalogue.class));
        Path catalogue = Path.of("src/main/java/com/example/platform/ModelCatalogue.java");
        assertThat(report.written()).contains(catalogue, Path.of("docs/types.txt"));
        String types = Files.readString(out.resolve("docs/types.txt"));
        assertThat(types).startsWith("Integration Platform API ")
                .contains("com.example.platform.PlatformClient Client[part=CLIENT]")
                .contains("com.example.platform.model.ErrorResponse Model[schemaName=ErrorResponse, jsonProperties=[")
                .containsPattern("com\\.example\\.platform\\.api\\.\\w+Api Api\\[tag=")
                .containsPattern("com\\.example\\.platform\\.\\w+Exception ErrorType\\[\\]")
                .doesNotContain("ModelCatalogue");

        List<GeneratedFile> written = read(out);
        InProcessCompiler.Result compiled = InProcessCompiler.compile(written, tmp.resolve("classes"));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror").isEmpty();
        List<?> models = (List<?>) compiled.classLoader().loadClass("com.example.platform.ModelCatalogue")
                .getMethod("models").invoke(null);
        assertThat(models).hasSizeGreaterThan(10);

        // the next run without the extension deletes its files, as it does generated files the spec no longer makes
        GenerationReport without = new Generator().generate(options(out, Layout.SOURCES));
        assertThat(without.deleted()).contains(catalogue, Path.of("docs/types.txt"));
        assertThat(out.resolve(catalogue)).doesNotExist();
    }

    @Test
    void namedExtensionsRunFirstInTheirOrderThenDiscoveredOnesByClassNameEachOnce() throws Exception {
        ClassLoader loader = servicesLoader(TestExtensions.MarkD.class, TestExtensions.MarkA.class,
                TestExtensions.MarkC.class);
        List<String> named = List.of(TestExtensions.MarkB.class.getName(), TestExtensions.MarkA.class.getName(),
                TestExtensions.MarkB.class.getName());
        assertThat(Extensions.load(named, loader).labels()).containsExactly(
                "b (" + TestExtensions.MarkB.class.getName() + ")", "a (" + TestExtensions.MarkA.class.getName() + ")",
                "c (" + TestExtensions.MarkC.class.getName() + ")", "d (" + TestExtensions.MarkD.class.getName() + ")");

        // and they run in that order on every type, found through the Generator's extensionsFrom loader
        GeneratorOptions options = GeneratorOptions.builder(TestSpecs.platformSpec(), Path.of("unused"))
                .customization(Customization.DEFAULT.withExtensions(named)).build();
        List<String> progress = new java.util.ArrayList<>();
        String client = new Generator().extensionsFrom(loader).progress(progress::add).files(options).stream()
                .filter(f -> f.path().endsWith("/PlatformClient.java")).findFirst().orElseThrow().content();
        assertThat(client).containsSubsequence("seen by b", "seen by a", "seen by c", "seen by d");
        assertThat(client.split("seen by a", -1)).hasSize(2);
        assertThat(progress).first().asString().startsWith("extensions: b (").contains(", d (");
    }

    @Test
    void theDefaultLoaderFindsNoExtensionAndChangesNothing() throws Exception {
        assertThat(Extensions.load(List.of(), ExtensionsTest.class.getClassLoader()).isEmpty()).isTrue();
    }

    @Test
    void aClassNameThatIsNotFoundNamesTheClassAndWhereToPutItsJar() {
        assertThatThrownBy(() -> Extensions.load(List.of("com.example.NoSuchExtension"), getClass().getClassLoader()))
                .isInstanceOfSatisfying(CustomizationException.class, e -> assertThat(e.option()).isEqualTo("extensions"))
                .hasMessageContaining("com.example.NoSuchExtension").hasMessageContaining("<dependencies>");
    }

    @Test
    void aClassThatIsNotAnExtensionIsRefused() {
        assertThatThrownBy(() -> Extensions.load(List.of("java.lang.String"), getClass().getClassLoader()))
                .isInstanceOf(CustomizationException.class)
                .hasMessageContaining("java.lang.String named in <extensions> is not a GeneratorExtension")
                .hasMessageContaining("implement " + GeneratorExtension.class.getName());
    }

    @Test
    void anExtensionWithoutAPublicNoArgumentConstructorIsRefused() {
        assertThatThrownBy(() -> Extensions.load(List.of(TestExtensions.NoDefaultConstructor.class.getName()),
                getClass().getClassLoader())).isInstanceOf(CustomizationException.class)
                .hasMessageContaining(TestExtensions.NoDefaultConstructor.class.getName())
                .hasMessageContaining("public no-argument constructor");
        assertThatThrownBy(() -> Extensions.load(List.of(TestExtensions.Marker.class.getName()),
                getClass().getClassLoader())).isInstanceOf(CustomizationException.class).hasMessageContaining("abstract");
    }

    @Test
    void aBrokenServiceFileIsNamed() throws Exception {
        Path dir = tmp.resolve("broken-services");
        Path file = dir.resolve("META-INF/services/" + GeneratorExtension.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, "com.example.Gone\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            assertThatThrownBy(() -> Extensions.load(List.of(), loader)).isInstanceOf(CustomizationException.class)
                    .hasMessageContaining("META-INF/services/").hasMessageContaining("com.example.Gone");
        }
    }

    @Test
    void anExtensionThatThrowsFailsTheRunNamingItAndTheTypeAndWritesNothing() throws Exception {
        Path out = tmp.resolve("out");
        new Generator().generate(options(out, Layout.SOURCES));
        Map<String, String> before = treeWithTimes(out);

        assertThatThrownBy(() -> new Generator().generate(options(out, Layout.SOURCES, TestExtensions.Throws.class)))
                .isInstanceOfSatisfying(CustomizationException.class, e -> {
                    assertThat(e.option()).isEqualTo("extensions");
                    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
                })
                .hasMessageContaining("throws (" + TestExtensions.Throws.class.getName() + ")")
                .hasMessageMatching("(?s).*failed on com\\.example\\.platform\\.model\\.\\w+: .*no audit rule for.*")
                .hasMessageContaining("nothing was written");
        assertThat(treeWithTimes(out)).isEqualTo(before);

        // into a new folder: not even the folder is left behind
        Path fresh = tmp.resolve("fresh");
        assertThatThrownBy(() -> new Generator().generate(options(fresh, Layout.SOURCES, TestExtensions.Throws.class)))
                .isInstanceOf(CustomizationException.class);
        assertThat(fresh).doesNotExist();
    }

    @Test
    void aRenamedTypeIsRefused() throws Exception {
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> new Generator().generate(options(out, Layout.SOURCES, TestExtensions.Renames.class)))
                .isInstanceOf(CustomizationException.class)
                .hasMessageContaining("renamed com.example.platform.PlatformClient to Renamed")
                .hasMessageContaining("may add to a generated type but not rename it");
        assertThat(out).doesNotExist();
    }

    @Test
    void anAddedFileOutsideTheOutputOrOverAGeneratedOneIsRefusedAndNothingIsWritten() throws Exception {
        Map<ExtensionFile, String> refused = new java.util.LinkedHashMap<>();
        refused.put(ExtensionFile.text("../escape.txt", "x"), "stay inside the output folder");
        refused.put(ExtensionFile.text("docs/../../escape.txt", "x"), "stay inside the output folder");
        refused.put(ExtensionFile.text("/tmp/escape.txt", "x"), "must be relative");
        refused.put(ExtensionFile.text("C:/escape.txt", "x"), "must be relative");
        refused.put(ExtensionFile.text("docs\\escape.txt", "x"), "must be relative");
        refused.put(ExtensionFile.text("docs//a.txt", "x"), "stay inside the output folder");
        refused.put(ExtensionFile.text(".specwright-manifest", "x"), "the generator's own");
        refused.put(ExtensionFile.text("docs/aux.txt", "x"), "Windows device name");
        refused.put(ExtensionFile.text("README.md", "x"), "README.md is already generated");
        refused.put(ExtensionFile.text("readme.MD", "x"), "one file where case does not count");
        refused.put(ExtensionFile.text("src/main/java/com/example/X.java", "class X {}"), "ExtensionFile.java");
        refused.put(ExtensionFile.java(JavaFile.builder("com.example.platform",
                TypeSpec.classBuilder("PlatformClient").build()).build()), "is already generated");
        refused.put(ExtensionFile.java(JavaFile.builder("com.example.platform",
                TypeSpec.classBuilder("platformclient").build()).build()), "where case does not count");
        refused.put(ExtensionFile.java(JavaFile.builder("com.example.platform",
                TypeSpec.classBuilder("CON").build()).build()), "Windows device name");
        Path out = tmp.resolve("out");
        for (Map.Entry<ExtensionFile, String> c : refused.entrySet()) {
            TestExtensions.AddsPath.FILE.set(c.getKey());
            assertThatThrownBy(() -> new Generator().generate(options(out, Layout.PROJECT, TestExtensions.AddsPath.class)))
                    .as(c.getKey().toString()).isInstanceOf(CustomizationException.class)
                    .hasMessageContaining("adds-path (" + TestExtensions.AddsPath.class.getName() + ") adds ")
                    .hasMessageContaining(c.getValue()).hasMessageContaining("nothing was written");
            assertThat(out).as(c.getKey().toString()).doesNotExist();
        }
        TestExtensions.AddsPath.FILE.remove();
    }

    /** A class loader whose {@code META-INF/services} file lists {@code extensions} (in that order). */
    private ClassLoader servicesLoader(Class<?>... extensions) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("services"));
        Path file = dir.resolve("META-INF/services/" + GeneratorExtension.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# test extensions\n" + Stream.of(extensions).map(Class::getName)
                .collect(Collectors.joining("\n")) + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    /** Each file's path → its text. */
    private static Map<String, String> tree(Path root) throws IOException {
        return files(root, false);
    }

    /** Each file's path → its text and its modification time. */
    private static Map<String, String> treeWithTimes(Path root) throws IOException {
        return files(root, true);
    }

    private static Map<String, String> files(Path root, boolean times) throws IOException {
        if (!Files.exists(root)) {
            return Map.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).collect(Collectors.toMap(
                    p -> root.relativize(p).toString().replace('\\', '/'), p -> content(p, times), (a, b) -> a,
                    TreeMap::new));
        }
    }

    private static String content(Path file, boolean time) {
        try {
            return Files.readString(file) + (time ? "@" + Files.getLastModifiedTime(file).toMillis() : "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<GeneratedFile> read(Path out) throws IOException {
        return tree(out).entrySet().stream().filter(e -> e.getKey().endsWith(".java"))
                .map(e -> new GeneratedFile(e.getKey(), e.getValue())).toList();
    }
}
