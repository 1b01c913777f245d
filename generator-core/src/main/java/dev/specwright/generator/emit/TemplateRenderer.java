package dev.specwright.generator.emit;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import dev.specwright.generator.model.ApiGroup;
import dev.specwright.generator.model.ApiModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Every non-Java file comes from a Mustache template in {@code templates/} (packaged under
 * {@code dev/specwright/templates}), rendered from a typed context record. Mustache renders a missing key as nothing,
 * so each record rejects nulls before rendering.
 */
final class TemplateRenderer {

    static final String TOOLKIT_VERSION = toolkitVersion();

    private final MustacheFactory factory = new DefaultMustacheFactory("dev/specwright/templates");

    /** Context of {@code project/pom.xml.mustache}. */
    record PomContext(String groupId, String artifactId, String version, String name, String runtimeVersion) {
        PomContext {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(artifactId, "artifactId");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(runtimeVersion, "runtimeVersion");
        }
    }

    /** Context of {@code project/README.md.mustache}. */
    record ReadmeContext(String title, String clientClass, String basePackage, String credentialsExample, List<ApiLine> apis) {
        ReadmeContext {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(clientClass, "clientClass");
            Objects.requireNonNull(basePackage, "basePackage");
            Objects.requireNonNull(credentialsExample, "credentialsExample");
            apis = List.copyOf(apis);
        }
    }

    record ApiLine(String accessor, String className, int operations) {}

    List<GeneratedFile> project(ApiModel api) {
        String artifactId = api.packages().base().substring(api.packages().base().lastIndexOf('.') + 1) + "-client";
        PomContext pom = new PomContext(api.packages().base(), artifactId,
                api.version().isEmpty() ? "1.0.0-SNAPSHOT" : api.version().replaceAll("[^A-Za-z0-9._-]", "-"),
                printable(api.title()), TOOLKIT_VERSION);
        String credentials = api.credentialFactories().isEmpty() ? "Credentials.none()"
                : api.baseTypes().credentials() + "." + api.credentialFactories().get(0).methodName() + "(...)";
        ReadmeContext readme = new ReadmeContext(printable(api.title()), api.clientClassName(), api.packages().base(), credentials,
                api.apis().stream()
                        .map(g -> new ApiLine(g.accessorName(), g.className(), g.operations().size())).toList());
        return List.of(render("project/pom.xml.mustache", "pom.xml", pom), render("project/README.md.mustache", "README.md", readme));
    }

    /**
     * Spec text for one line of a pom or README: line breaks become spaces, and what XML 1.0 cannot hold even escaped
     * (most controls, lone surrogates) or a terminal would act on (ESC, bidi and other format controls) becomes U+FFFD.
     * Mustache's own escaping then deals with {@code <}, {@code &} and quotes in the pom.
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.replace("\r\n", " ").codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
                out.append(' ');
            } else if (JavaText.invisible(cp) || Character.getType(cp) == Character.SURROGATE || cp == 0xFFFE || cp == 0xFFFF) {
                out.append(JavaText.REPLACEMENT);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip();
    }

    private GeneratedFile render(String template, String path, Record context) {
        Mustache mustache = factory.compile(template);
        StringWriter out = new StringWriter();
        mustache.execute(out, context);
        return new GeneratedFile(path, out.toString());
    }

    private static String toolkitVersion() {
        Properties p = new Properties();
        try (InputStream in = TemplateRenderer.class.getResourceAsStream("/dev/specwright/generator/specwright.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "0.0.0");
    }
}
