package dev.specwright.generator.emit;

import dev.specwright.generator.CustomizationException;
import dev.specwright.generator.naming.NearestNames;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Mustache renders a name its context lacks as nothing; this check makes it an error instead. It reads every tag of a
 * template, with its line, and resolves each name against the context record's components the way Mustache will at
 * render time: inside a section, against the section's element first, then every record around it. Only the plain
 * tags of Mustache are allowed (values, {@code {{{ }}}} and {@code {{& }}}, sections, inverted sections, comments), so
 * what is checked is exactly what renders: partials, delimiter changes and mustache.java's extensions are refused.
 */
final class TemplateCheck {

    static final String OPTION = "templateDirectory";

    /** One tag as written: its kind ({@code ' '} for a value), its name, its text and its line. */
    record Tag(char kind, String name, String text, int line) {}

    private TemplateCheck() {}

    /** Every tag of {@code text}, in order, or the first one that is not plain Mustache. */
    static List<Tag> tags(String file, String text) {
        List<Tag> tags = new ArrayList<>();
        int line = 1;
        int at = 0;
        while (true) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                return tags;
            }
            line += count(text, at, open);
            boolean triple = text.startsWith("{{{", open);
            String end = triple ? "}}}" : "}}";
            int close = text.indexOf(end, open + (triple ? 3 : 2));
            if (close < 0) {
                throw fail(file, line, text.substring(open, Math.min(text.length(), open + 20)).lines().findFirst()
                        .orElse("{{") + " is not closed with " + end);
            }
            String inside = text.substring(open + (triple ? 3 : 2), close);
            String written = text.substring(open, close + end.length());
            char kind = triple ? '&' : inside.isEmpty() ? ' ' : inside.charAt(0);
            if (!triple && "#^/!&".indexOf(kind) < 0) {
                if (">=<$+?%".indexOf(kind) >= 0) {
                    throw fail(file, line, written + ": partials, delimiter changes and mustache.java's extensions"
                            + " are not supported; write the text in this template, with {{name}}, {{#section}} and"
                            + " {{^inverted}} tags");
                }
                kind = ' ';
            }
            String name = (kind == ' ' || triple ? inside : inside.substring(1)).strip();
            if (kind != '!' && !name.matches("\\.|[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
                throw fail(file, line, written + " is not a tag of a variable; a tag names one, e.g. {{title}} or"
                        + " {{project.groupId}}");
            }
            tags.add(new Tag(kind, name, written, line));
            line += count(text, open, close);
            at = close + end.length();
        }
    }

    /**
     * Checks every tag of {@code text} against {@code context}.
     *
     * @throws CustomizationException {@code <file>:<line>: {{foo}} is not a variable of Api (its variables: ...)}
     */
    static void check(String file, String text, Class<? extends Record> context) {
        Deque<Frame> frames = new ArrayDeque<>();
        frames.push(new Frame("", context));
        for (Tag tag : tags(file, text)) {
            switch (tag.kind()) {
                case '!' -> { }
                case '/' -> {
                    Frame top = frames.peek();
                    if (frames.size() == 1 || !top.opener().equals(tag.name())) {
                        throw fail(file, tag.line(), tag.text() + " closes no open section" + (frames.size() == 1 ? ""
                                : "; the open one is {{#" + top.opener() + "}}"));
                    }
                    frames.pop();
                }
                case '#', '^' -> {
                    Type type = resolve(file, tag, frames);
                    // an inverted section renders only when the value is empty or false: in the same context
                    frames.push(new Frame(tag.name(), tag.kind() == '^' ? null : element(type)));
                }
                default -> {
                    Type type = resolve(file, tag, frames);
                    if (raw(type) == List.class || raw(type).isRecord()) {
                        throw fail(file, tag.line(), tag.text() + " is " + (raw(type) == List.class ? "a list" : "a record")
                                + ", not a value: use {{#" + tag.name() + "}}...{{/" + tag.name() + "}} and its variables");
                    }
                }
            }
        }
        if (frames.size() > 1) {
            throw fail(file, count(text, 0, text.length()) + 1, "the section {{#" + frames.peek().opener()
                    + "}} is never closed with {{/" + frames.peek().opener() + "}}");
        }
    }

    /**
     * Renders a file name from a template's path, whose tags may only be values ({@code docs/{{className}}.md}); each
     * tag is checked like a template's.
     */
    static String renderPath(String file, String path, Record context) {
        check(file, path, context.getClass());
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Tag tag : tags(file, path)) {
            if (tag.kind() != ' ' && tag.kind() != '&') {
                throw fail(file, 1, tag.text() + ": a file name holds only {{variable}} tags");
            }
            int open = path.indexOf(tag.text(), at);
            out.append(path, at, open).append(value(context, tag.name()));
            at = open + tag.text().length();
        }
        return out.append(path.substring(at)).toString();
    }

    private static String value(Record context, String dotted) {
        Object value = context;
        for (String part : dotted.split("\\.")) {
            RecordComponent component = component(value.getClass(), part).orElseThrow();
            try {
                value = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.valueOf(value);
    }

    /** A section's context: the name, the type of what it pushes (null for nothing: a boolean or an inverted one). */
    private record Frame(String opener, Type type) {}

    private static Type resolve(String file, Tag tag, Deque<Frame> frames) {
        if (tag.name().equals(".")) {
            Frame top = frames.stream().filter(f -> f.type() != null).findFirst().orElseThrow();
            if (raw(top.type()).isRecord()) {
                throw fail(file, tag.line(), tag.text() + " is the record " + raw(top.type()).getSimpleName()
                        + " itself, not a value; name one of its variables: " + names(raw(top.type())));
            }
            return top.type();
        }
        String[] parts = tag.name().split("\\.");
        Type type = null;
        Class<?> innermost = null;
        for (Frame frame : frames) {
            if (frame.type() == null || !raw(frame.type()).isRecord()) {
                continue;
            }
            innermost = innermost == null ? raw(frame.type()) : innermost;
            Optional<RecordComponent> found = component(raw(frame.type()), parts[0]);
            if (found.isPresent()) {
                type = found.get().getGenericType();
                break;
            }
        }
        if (type == null) {
            List<String> around = frames.stream().filter(f -> f.type() != null && raw(f.type()).isRecord())
                    .map(f -> raw(f.type()).getSimpleName()).distinct().skip(1).toList();
            throw unknown(file, tag, parts[0], innermost, around);
        }
        for (int i = 1; i < parts.length; i++) {
            Class<?> owner = raw(type);
            Optional<RecordComponent> found = owner.isRecord() ? component(owner, parts[i]) : Optional.empty();
            if (found.isEmpty()) {
                if (!owner.isRecord()) {
                    throw fail(file, tag.line(), tag.text() + ": " + String.join(".", Arrays.copyOf(parts, i))
                            + " is " + (owner == List.class ? "a list" : "a " + owner.getSimpleName()) + " and has no "
                            + parts[i]);
                }
                throw unknown(file, tag, parts[i], owner, List.of());
            }
            type = found.get().getGenericType();
        }
        return type;
    }

    private static CustomizationException unknown(String file, Tag tag, String name, Class<?> record, List<String> around) {
        return fail(file, tag.line(), tag.text() + " is not a variable of " + record.getSimpleName() + " (its variables: "
                + names(record) + ")"
                + (around.isEmpty() ? "" : "; nor of the sections around it (" + String.join(", ", around) + ")")
                + NearestNames.hint(name, Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList()));
    }

    /** What a section over a value of {@code type} pushes: a list's element, a record, a string; nothing for a boolean. */
    private static Type element(Type type) {
        if (raw(type) == List.class) {
            return ((ParameterizedType) type).getActualTypeArguments()[0];
        }
        return raw(type) == boolean.class || raw(type) == Boolean.class ? null : type;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Optional<RecordComponent> component(Class<?> record, String name) {
        return Arrays.stream(record.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst();
    }

    private static String names(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.joining(", "));
    }

    private static int count(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    static CustomizationException fail(String file, int line, String problem) {
        return new CustomizationException(OPTION, file + ":" + line + ": " + problem);
    }
}
