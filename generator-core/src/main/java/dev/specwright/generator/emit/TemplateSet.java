package dev.specwright.generator.emit;

import dev.specwright.generator.CustomizationException;
import dev.specwright.generator.naming.JavaNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The templates of one run: Specwright's defaults (in {@code templates/}, packaged under
 * {@code dev/specwright/templates}), overridden or added to by the user's {@code templateDirectory}, each read and
 * checked against its context before anything renders.
 *
 * <p>A template's path says what it renders from and where its file goes: {@code <scope>/<output path>.mustache}, the
 * scope one of {@link Scope}. The output path may name variables of the scope's context ({@code
 * api/docs/{{className}}.md.mustache}); a per-API or per-model template must, or every API would write the same file.
 * A user's file with a default's name replaces it; any other is added.
 */
final class TemplateSet {

    /** Specwright's templates, by name: written with {@code layout=project} only. */
    static final List<String> DEFAULTS = List.of(
            "spec/pom.xml.mustache",
            "spec/README.md.mustache",
            "api/docs/{{className}}.md.mustache",
            "model/docs/models/{{className}}.md.mustache");

    static final String SUFFIX = ".mustache";

    private static final String DEFAULTS_ROOT = "/dev/specwright/templates/";

    /** What a template renders from, by the first folder of its name. */
    enum Scope {
        /** once per run, from a {@link TemplateContexts.Spec} */
        SPEC("spec", TemplateContexts.Spec.class, "once"),
        /** once per API class, from a {@link TemplateContexts.Api} */
        API("api", TemplateContexts.Api.class, "once per API class"),
        /** once per model, from a {@link TemplateContexts.Model} */
        MODEL("model", TemplateContexts.Model.class, "once per model"),
        /** once per error catalogue (when the run has one), from a {@link TemplateContexts.Errors} */
        ERRORS("errors", TemplateContexts.Errors.class, "once per error catalogue");

        final String folder;
        final Class<? extends Record> context;
        final String times;

        Scope(String folder, Class<? extends Record> context, String times) {
            this.folder = folder;
            this.context = context;
            this.times = times;
        }

        static Optional<Scope> of(String folder) {
            return Arrays.stream(values()).filter(s -> s.folder.equals(folder)).findFirst();
        }
    }

    /**
     * One template, read and checked.
     *
     * @param name its name: the path under the templates folder, with {@code /}
     * @param source where it was read, for messages: the user's file, or Specwright's default
     * @param isDefault whether it is one of {@link #DEFAULTS} (the user's replacement of one included): rendered only
     *     with {@code layout=project}
     */
    record Template(String name, String source, boolean isDefault, Scope scope, String outputPath, String text) {}

    private final List<Template> templates;

    private TemplateSet(List<Template> templates) {
        this.templates = List.copyOf(templates);
    }

    List<Template> templates() {
        return templates;
    }

    /**
     * The defaults with the user's folder over them, every template checked.
     *
     * @throws CustomizationException a file of the folder that is not a template, or a template that names a
     *     variable its context lacks
     */
    static TemplateSet load(Optional<Path> userFolder) {
        Map<String, Template> byName = new TreeMap<>();
        for (String name : DEFAULTS) {
            byName.put(name, template(name, "Specwright's template " + name, true, readDefault(name)));
        }
        if (userFolder.isPresent()) {
            for (Map.Entry<String, Path> user : userTemplates(userFolder.get()).entrySet()) {
                String name = user.getKey();
                String text;
                try {
                    text = Files.readString(user.getValue(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new CustomizationException(TemplateCheck.OPTION, user.getValue() + ": cannot be read as UTF-8"
                            + " text (" + e.getMessage() + ")", e);
                }
                byName.put(name, template(name, user.getValue().toString(), DEFAULTS.contains(name), text));
            }
        }
        return new TemplateSet(new ArrayList<>(byName.values()));
    }

    private static Template template(String name, String source, boolean isDefault, String text) {
        Scope scope = Scope.of(name.substring(0, name.indexOf('/'))).orElseThrow();
        String outputPath = name.substring(name.indexOf('/') + 1, name.length() - SUFFIX.length());
        TemplateCheck.check(source, text, scope.context);
        TemplateCheck.check(source + " (its file name)", outputPath, scope.context);
        if ((scope == Scope.API || scope == Scope.MODEL) && !outputPath.contains("{{")) {
            throw new CustomizationException(TemplateCheck.OPTION, source + ": renders " + scope.times
                    + ", so its file name must hold a variable of " + scope.context.getSimpleName()
                    + ", e.g. " + scope.folder + "/" + (outputPath.contains("/") ? outputPath.substring(0,
                    outputPath.lastIndexOf('/') + 1) : "") + "{{className}}." + fileExtension(outputPath) + SUFFIX);
        }
        return new Template(name, source, isDefault, scope, outputPath, text);
    }

    private static String fileExtension(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.contains(".") ? file.substring(file.lastIndexOf('.') + 1) : "txt";
    }

    /** The user's templates by name; anything else in the folder fails, naming the file and what is allowed. */
    private static Map<String, Path> userTemplates(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CustomizationException(TemplateCheck.OPTION, folder + " is not a folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> !Files.isDirectory(p)).sorted().toList();
        } catch (IOException e) {
            throw new CustomizationException(TemplateCheck.OPTION, folder + ": cannot be read (" + e.getMessage() + ")", e);
        }
        Map<String, Path> byName = new TreeMap<>();
        String allowed = "a template is " + Arrays.stream(Scope.values()).map(s -> s.folder + "/<file>" + SUFFIX + " ("
                + s.times + ")").collect(Collectors.joining(", ")) + "; files and folders whose names start with a dot"
                + " are skipped";
        for (Path file : files) {
            Path relative = folder.relativize(file);
            List<String> parts = new ArrayList<>();
            relative.forEach(p -> parts.add(p.toString()));
            if (parts.stream().anyMatch(p -> p.startsWith("."))) {
                continue; // .gitkeep, .DS_Store, a .git folder
            }
            String name = String.join("/", parts);
            if (parts.size() < 2 || Scope.of(parts.get(0)).isEmpty() || !name.endsWith(SUFFIX)
                    || parts.get(parts.size() - 1).equals(SUFFIX)) {
                throw new CustomizationException(TemplateCheck.OPTION, file + " is not a template Specwright knows: "
                        + allowed + ". Move or remove it.");
            }
            byName.put(name, file);
        }
        return byName;
    }

    private static String readDefault(String name) {
        try (InputStream in = TemplateSet.class.getResourceAsStream(DEFAULTS_ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("Specwright's template " + name + " is missing from generator-core");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A rendered file name, checked: relative, inside the output folder, usable on Linux, macOS and Windows, and not
     * where the Java sources or Specwright's own files go.
     */
    static String checkedPath(Template template, String path) {
        String problem = null;
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
            problem = "is not a relative path with /";
        } else if (path.startsWith(Emitters.SOURCE_ROOT + "/")) {
            problem = "is in " + Emitters.SOURCE_ROOT + ", where only Java sources go (a GeneratorExtension adds Java files)";
        } else {
            for (String segment : path.split("/", -1)) {
                problem = segmentProblem(segment);
                if (problem != null) {
                    break;
                }
            }
        }
        if (problem != null) {
            throw new CustomizationException(TemplateCheck.OPTION, template.source() + ": the file name it renders, "
                    + path + ", " + problem);
        }
        return path;
    }

    private static String segmentProblem(String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            return "has an empty, . or .. folder";
        }
        if (segment.startsWith(".specwright")) {
            return "is a name Specwright keeps for its own files";
        }
        if (segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f || "<>:\"|?*".indexOf(c) >= 0)) {
            return "holds a character a file system refuses (a control character or one of <>:\"|?*)";
        }
        if (segment.endsWith(" ") || segment.endsWith(".")) {
            return "has a name ending with a space or a dot, which Windows drops";
        }
        if (JavaNames.isWindowsReserved(segment)) {
            return "has a Windows device name (" + segment + ")";
        }
        if (segment.getBytes(StandardCharsets.UTF_8).length > FileNames.MAX_FILE_NAME_BYTES) {
            return "has a name longer than " + FileNames.MAX_FILE_NAME_BYTES + " bytes";
        }
        return null;
    }

    /** Two templates (or two APIs of one) that would write one file, told apart only by case or not at all. */
    static CustomizationException clash(Template template, String path, String earlier) {
        return new CustomizationException(TemplateCheck.OPTION, template.source() + ": renders " + path + ", which "
                + earlier + " renders too (names differing only by case are one file on macOS and Windows); give the"
                + " files different names");
    }
}
