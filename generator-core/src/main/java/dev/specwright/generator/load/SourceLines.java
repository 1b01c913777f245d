package dev.specwright.generator.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.specwright.generator.SpecProblem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The line of each problem's pointer in the file as written, added to its rule ({@code ... (line 12).}), so an editor
 * goes straight to it. The tree swagger-parser read has no lines (it read JSON made from the YAML), so the file is read
 * once more, as a stream of tokens or events, only for a spec that has problems: it costs a spec without them nothing.
 * A pointer the file does not spell out (a member an alias or a merge brought in) keeps its problem without a line.
 */
public final class SourceLines {

    private SourceLines() {}

    /**
     * The problems, each with the line of its pointer in its own file (the spec, the error catalogue) where the file has
     * one; a file that cannot be read again leaves its problems as they are.
     */
    public static List<SpecProblem> added(Collection<SpecProblem> problems) {
        Map<String, Set<String>> wanted = new HashMap<>();
        for (SpecProblem p : problems) {
            // a problem that has its line already (the loader's, passed on by the generator) reads no file again
            if (!p.pointer().isEmpty() && !hasLine(p)) {
                wanted.computeIfAbsent(p.file(), f -> new HashSet<>()).add(p.pointer());
            }
        }
        Map<String, Map<String, Integer>> lines = new HashMap<>();
        wanted.forEach((file, pointers) -> lines.put(file, lines(Path.of(file), pointers)));
        return problems.stream().map(p -> withLine(p, lines.getOrDefault(p.file(), Map.of()).get(p.pointer()))).toList();
    }

    private static Map<String, Integer> lines(Path file, Set<String> wanted) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.strip().indexOf('\n') < 0) {
                return Map.of(); // a file on one line (minified JSON): "line 1" would tell the reader nothing
            }
            return text.trim().startsWith("{") ? json(text, wanted) : yaml(text, wanted);
        } catch (IOException | RuntimeException e) {
            return Map.of(); // read once within the limits already; the lines are a help, not a condition
        }
    }

    private static boolean hasLine(SpecProblem problem) {
        return problem.rule().contains("(line ");
    }

    private static SpecProblem withLine(SpecProblem problem, Integer line) {
        String rule = problem.rule();
        if (line == null || hasLine(problem)) {
            return problem;
        }
        String body = rule.endsWith(".") ? rule.substring(0, rule.length() - 1) : rule;
        return new SpecProblem(problem.file(), problem.pointer(), body + " (line " + line + ").", problem.fix());
    }

    /** The line of each wanted pointer's key (or list entry) in JSON text. */
    private static Map<String, Integer> json(String text, Set<String> wanted) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null && lines.size() < wanted.size(); token = parser.nextToken()) {
                // a key, or an entry of a list (whose context is the list; a { or [ entry has opened its own already)
                JsonStreamContext holder = token.isStructStart() ? parser.getParsingContext().getParent() : parser.getParsingContext();
                boolean entry = token == JsonToken.FIELD_NAME || !token.isStructEnd() && holder != null && holder.inArray();
                String pointer = entry ? holder.pathAsPointer().toString() : null;
                if (pointer != null && wanted.contains(pointer)) {
                    lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
                }
            }
        }
        return lines;
    }

    /** A mapping or a list being read: its pointer; the next entry's index, or whether a key comes next and its member. */
    private static final class Frame {
        final String pointer;
        final boolean mapping;
        int index;
        boolean atKey = true;
        String member;

        Frame(String pointer, boolean mapping) {
            this.pointer = pointer;
            this.mapping = mapping;
        }
    }

    /** A pointer no JSON member has: below a key that is a list or mapping (which YamlKeys refuses). */
    private static final String NOWHERE = "\u0000";

    /** The line of each wanted pointer's key (or list entry) in YAML text, from SnakeYAML's events. */
    private static Map<String, Integer> yaml(String text, Set<String> wanted) {
        Map<String, Integer> lines = new HashMap<>();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Math.max(options.getCodePointLimit(), text.length() + 1));
        options.setNestingDepthLimit(LoadLimits.MAX_DEPTH);
        Deque<Frame> open = new ArrayDeque<>();
        for (Event event : new Yaml(options).parse(new StringReader(text))) {
            if (lines.size() == wanted.size()) {
                break;
            }
            boolean starts = event.is(Event.ID.MappingStart) || event.is(Event.ID.SequenceStart);
            if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
                open.pop();
                continue;
            }
            if (!starts && !event.is(Event.ID.Scalar) && !event.is(Event.ID.Alias)) {
                continue; // stream and document events
            }
            Frame frame = open.peek();
            String pointer;
            if (frame == null) {
                pointer = "";
            } else if (frame.mapping && frame.atKey) {
                // a key: the member it names starts on its line
                frame.atKey = false;
                frame.member = event instanceof ScalarEvent key ? frame.pointer + "/" + SpecTree.escape(key.getValue()) : NOWHERE;
                record(lines, wanted, frame.member, event);
                pointer = NOWHERE;
            } else if (frame.mapping) {
                frame.atKey = true;
                pointer = frame.member;
            } else {
                pointer = frame.pointer + "/" + frame.index++;
                record(lines, wanted, pointer, event);
            }
            if (starts) {
                open.push(new Frame(pointer, event.is(Event.ID.MappingStart)));
            }
        }
        return lines;
    }

    private static void record(Map<String, Integer> lines, Set<String> wanted, String pointer, Event event) {
        if (wanted.contains(pointer) && event.getStartMark() != null) {
            lines.putIfAbsent(pointer, event.getStartMark().getLine() + 1);
        }
    }
}
