package dev.specwright.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of generated strings, biased to what breaks Java source ({@code \}, {@code u}, {@code *}, {@code /},
 * {@code @}, braces, HTML, quotes, controls, separators, lone surrogates, bidi controls), each put into a Javadoc, a
 * string constant and an annotation value through {@link JavaText}, compiled with -Xlint:all -Werror and read back:
 * the constants and annotation values equal the input, the Javadoc javac reads shows it, and each class has exactly
 * the members emitted (no comment was closed, nothing was added, no static initialiser exists).
 */
class JavaTextPropertyTest {

    private static final long SEED = 0x5bec_17e5_2026L;
    private static final int STRINGS = 4000;
    private static final int PER_CLASS = 400;

    /** Fragments that are dangerous on their own or when joined. */
    private static final String[] FRAGMENTS = {
        "\\", "\\\\", "u", "uuu", "\\u002a", "\\u002A", "\\uuu002a", "\\u002f", "\\u002F", "\\u000a", "\\u000d", "\\u0022",
        "\\u005c", "\\u005C\\u005C", "002a", "*", "/", "*/", "/*", "**/", "@", "@deprecated", "@param ", "{@", "{@code ",
        "{@link x}", "{", "}", "<", ">", "</p>", "<!--", "&", "&amp;", "&#92;", "&#x2a;", "\"", "'", "\n", "\r", "\r\n",
        "\t", "\0", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u009b", "\u2028", "\u2029", "\u202a", "\u202b", "\u202c",
        "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200b", "\u200e", "\u061c", "\ufeff", "\u00ad",
        "\ud83d\ude00", "$", "$L", "$S", "%s", " ", "a", "Z", "0", "9", "f", ";", "#", "static { }", "é", "日本",
    };

    @TempDir
    Path tmp;

    @Test
    void everyGeneratedStringRoundTripsThroughJavadocLiteralsAndAnnotationValues() throws Exception {
        List<String> inputs = inputs();
        List<GeneratedFile> files = new ArrayList<>();
        for (int from = 0, n = 0; from < inputs.size(); from += PER_CLASS, n++) {
            files.add(chunk("Chunk" + n, inputs.subList(from, Math.min(inputs.size(), from + PER_CLASS))));
        }
        for (GeneratedFile f : files) {
            assertThat(new String(f.content().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .as("%s survives UTF-8: no lone surrogate in the source", f.path()).isEqualTo(f.content());
            assertThat(f.content().codePoints().filter(cp -> cp != '\n' && cp != '\t' && JavaText.invisible(cp)))
                    .as("%s holds no raw control, format or separator code point", f.path()).isEmpty();
        }

        JavacReading.Result compiled = JavacReading.compile(files, tmp.resolve("classes"));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror").isEmpty();

        ClassLoader loader = compiled.freshLoader();
        int checked = 0;
        for (int from = 0, n = 0; from < inputs.size(); from += PER_CLASS, n++) {
            List<String> chunk = inputs.subList(from, Math.min(inputs.size(), from + PER_CLASS));
            String name = "fuzz.Chunk" + n;
            Class<?> type = Class.forName(name, true, loader);
            assertExactlyTheEmittedMembers(type, chunk.size());
            @SuppressWarnings("unchecked")
            Class<? extends Annotation> text = (Class<? extends Annotation>) Class.forName(name + "$Text", true, loader);
            for (int i = 0; i < chunk.size(); i++) {
                String input = chunk.get(i);
                Field field = type.getDeclaredField("S" + i);
                assertThat(field.get(null)).as("literal %d of %s", i, name).isEqualTo(input);
                Annotation annotation = field.getAnnotation(text);
                assertThat(text.getMethod("value").invoke(annotation)).as("annotation value %d of %s", i, name).isEqualTo(input);
                assertThat(lines(compiled.docs().get(name + "#S" + i)))
                        .as("Javadoc %d of %s, as javac reads it", i, name).isEqualTo(lines(shown(input) + shown(input)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(STRINGS);
    }

    @Test
    void aBackslashDoubledByTheLiteralIsNotAUnicodeEscapeForJavac() throws Exception {
        // the even-backslash rule, tried on the exact texts of the injection
        List<String> inputs = List.of("\\u002a/", "\\\\u002a/", "\\\\\\u002a/", "\\uuuu002A", "*\\u002f", "\\u002a\\u002f",
                "\\u0022); static {} //", "\\");
        JavacReading.Result compiled = JavacReading.compile(List.of(chunk("Chunk0", inputs)), tmp.resolve("even"));
        assertThat(compiled.diagnostics()).isEmpty();
        Class<?> type = Class.forName("fuzz.Chunk0", true, compiled.freshLoader());
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(type.getDeclaredField("S" + i).get(null)).isEqualTo(inputs.get(i));
        }
        assertThat(JavaText.literalSource("\\u002a")).isEqualTo("\"\\\\u002a\"");
        assertThat(JavaText.javadoc("\\u002a/")).isEqualTo("&#92;u002a/").doesNotContain("\\");
    }

    @Test
    void loneSurrogatesStayInLiteralsAndBecomeTheReplacementCharacterInJavadoc() {
        assertThat(JavaText.literalSource("a\ud800b\udc00")).isEqualTo("\"a\\uD800\" + \"b\\uDC00\"");
        assertThat(JavaText.literalSource("\udc00\ud800")).isEqualTo("\"\\uDC00\\uD800\"");
        assertThat(JavaText.literalSource("\ud83d\ude00")).isEqualTo("\"\ud83d\ude00\"");
        assertThat(JavaText.javadoc("a\ud800b")).isEqualTo("a\ufffdb");
        assertThat(JavaText.literalSource("\u202e\u2066x")).isEqualTo("\"\\u202E\\u2066x\"");
        assertThat(JavaText.javadoc("\u202e\u2066x")).isEqualTo("&#x202E;&#x2066;x");
    }

    @Test
    void javadocLinesStartCleanlyWhateverTheLineBreak() {
        assertThat(JavaText.javadoc("a\r\n@b\rc\u2028d\u2029e\u0085f")).isEqualTo("a\n&#64;b\nc\nd\ne\nf");
        assertThat(JavaText.javadoc("x*/")).isEqualTo("x*&#47;");
        assertThat(JavaText.javadoc("*/")).isEqualTo("&#42;/");
        assertThat(JavaText.javadoc("a\n  * b")).isEqualTo("a\n  &#42; b");
        assertThat(JavaText.javadoc("/x*")).isEqualTo("&#47;x&#42;");
        assertThat(JavaText.javadoc("{@code x}")).isEqualTo("{&#64;code x}");
    }

    /** A class of constants: {@code /** doc *}{@code / @Text("s") public static final String S0 = "s";}, per string. */
    private static GeneratedFile chunk(String simpleName, List<String> strings) {
        ClassName self = ClassName.get("fuzz", simpleName);
        ClassName text = self.nestedClass("Text");
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(javax.lang.model.element.Modifier.PUBLIC,
                        javax.lang.model.element.Modifier.FINAL)
                .addJavadoc("$L\n", JavaText.javadoc(strings.get(0)))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(javax.lang.model.element.Modifier.PRIVATE).build())
                .addType(TypeSpec.annotationBuilder(text).addModifiers(javax.lang.model.element.Modifier.PUBLIC)
                        .addAnnotation(AnnotationSpec.builder(java.lang.annotation.Retention.class)
                                .addMember("value", "$T.RUNTIME", java.lang.annotation.RetentionPolicy.class).build())
                        .addMethod(MethodSpec.methodBuilder("value").addModifiers(javax.lang.model.element.Modifier.PUBLIC,
                                javax.lang.model.element.Modifier.ABSTRACT).returns(String.class).build())
                        .build());
        for (int i = 0; i < strings.size(); i++) {
            String s = strings.get(i);
            // twice, joined without a separator: what comes before or after a piece can never complete a comment end
            type.addField(FieldSpec.builder(String.class, "S" + i, javax.lang.model.element.Modifier.PUBLIC,
                            javax.lang.model.element.Modifier.STATIC, javax.lang.model.element.Modifier.FINAL)
                    .addJavadoc("$L$L\n", JavaText.javadoc(s), JavaText.javadoc(s))
                    .addAnnotation(AnnotationSpec.builder(text).addMember("value", "$L", JavaText.literal(s)).build())
                    .initializer("$L", JavaText.literal(s)).build());
        }
        JavaFile file = JavaFile.builder("fuzz", type.build()).build();
        return new GeneratedFile("src/fuzz/" + simpleName + ".java", file.toString());
    }

    private static void assertExactlyTheEmittedMembers(Class<?> type, int fields) throws Exception {
        assertThat(type.getDeclaredFields()).hasSize(fields);
        assertThat(type.getDeclaredMethods()).isEmpty();
        assertThat(type.getDeclaredConstructors()).hasSize(1);
        assertThat(type.getDeclaredClasses()).hasSize(1);
        for (Field f : type.getDeclaredFields()) {
            assertThat(Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers())).isTrue();
        }
        // constant fields need no initialiser: a <clinit> could only come from code smuggled in through a comment
        byte[] classFile = Files.readAllBytes(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(type.getName().replace('.', '/') + ".class"));
        assertThat(new String(classFile, StandardCharsets.ISO_8859_1)).doesNotContain("<clinit>");
    }

    /** What the rendered Javadoc shows for {@code s}: its lines, lone surrogates replaced, ends trimmed. */
    private static String shown(String s) {
        StringBuilder out = new StringBuilder();
        String normal = s.replace("\r\n", "\n").replace('\r', '\n').replace('\u0085', '\n').replace('\u2028', '\n')
                .replace('\u2029', '\n').strip();
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < normal.length() && Character.isLowSurrogate(normal.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(normal.charAt(i - 1));
            out.append(Character.isSurrogate(c) && !paired ? JavaText.REPLACEMENT : c);
        }
        return out.toString();
    }

    /**
     * Lines without the white space at their ends and without blank lines: javac's comment reader drops the leading
     * white space and decoration of each line, which is layout, not text.
     */
    private static List<String> lines(String text) {
        assertThat(text).as("a doc comment was read").isNotNull();
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> inputs() {
        Random random = new Random(SEED);
        List<String> inputs = new ArrayList<>(STRINGS);
        // the payloads of the issue, verbatim, first
        inputs.add("\\\\u002a/ static { System.setProperty(\"pwned\", \"1\"); } /*");
        inputs.add("\\u002a/ static { System.setProperty(\"pwned\", \"1\"); } /*");
        inputs.add("*\\u002f static {} /*");
        while (inputs.size() < STRINGS) {
            StringBuilder sb = new StringBuilder();
            int pieces = random.nextInt(24);
            for (int p = 0; p < pieces; p++) {
                int kind = random.nextInt(10);
                if (kind < 6) {
                    sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                } else if (kind == 6) {
                    sb.append((char) (0xD800 + random.nextInt(0x800))); // a surrogate, most often lone
                } else if (kind == 7) {
                    sb.appendCodePoint(random.nextInt(0x40)); // C0, space, punctuation, digits
                } else if (kind == 8) {
                    sb.appendCodePoint(0x80 + random.nextInt(0x2100)); // C1, Latin, general punctuation
                } else {
                    sb.appendCodePoint(random.nextInt(0x110000));
                }
            }
            inputs.add(sb.toString());
        }
        return inputs;
    }
}
