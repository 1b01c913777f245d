package dev.specwright.generator.naming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The method names of a group's operations without the group's noun: in {@code products}, {@code getProduct} is
 * {@code get} and {@code listProducts} is {@code list}, so the call reads {@code client.products().get(...)}. The noun
 * is the tag's words, its last word singular or plural ({@code repos/get-content} in {@code repos} is
 * {@code getContent}). A name is shortened only when what is left is a legal, unreserved identifier that no other
 * operation of the group has or would get; otherwise every operation involved keeps its full name. The decision looks
 * at the whole group at once, so it does not depend on the order of the operations.
 */
public final class OperationNames {

    private OperationNames() {}

    /**
     * The wanted method name of each operation, in the order given.
     *
     * @param tag the group's tag
     * @param fullNames the operations' full method names ({@link JavaNames#memberName} of the operationId)
     * @param reserved names no operation may take (the class's own members, {@code Object}'s methods)
     */
    public static List<String> shortened(String tag, List<String> fullNames, Set<String> reserved) {
        List<String> nouns = nounForms(JavaNames.words(tag));
        List<String> candidates = new ArrayList<>();
        Map<String, Integer> uses = new HashMap<>();
        for (String full : fullNames) {
            String candidate = withoutNoun(full, nouns);
            candidates.add(candidate);
            uses.merge(full.toLowerCase(Locale.ROOT), 1, Integer::sum);
            if (candidate != null) {
                uses.merge(candidate.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fullNames.size(); i++) {
            String candidate = candidates.get(i);
            boolean free = candidate != null && uses.get(candidate.toLowerCase(Locale.ROOT)) == 1
                    && reserved.stream().noneMatch(candidate::equalsIgnoreCase);
            names.add(free ? candidate : fullNames.get(i));
        }
        return names;
    }

    /**
     * The tag's words joined lower-case, with its last word as written, singular and plural: {@code code scanning} →
     * {@code codescanning}, {@code codescannings}; {@code products} → {@code products}, {@code product}.
     */
    private static List<String> nounForms(List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        String head = String.join("", words.subList(0, words.size() - 1)).toLowerCase(Locale.ROOT);
        String last = words.get(words.size() - 1).toLowerCase(Locale.ROOT);
        return java.util.stream.Stream.of(last, singular(last), plural(last)).distinct().map(w -> head + w).toList();
    }

    /**
     * {@code full} without the first run of its words that spells the noun, camel-cased again; null when it has no
     * such run or what is left is no legal member name (empty, a keyword, starting with a digit).
     */
    private static String withoutNoun(String full, List<String> nouns) {
        List<String> words = JavaNames.words(full);
        for (int from = 0; from < words.size(); from++) {
            StringBuilder run = new StringBuilder();
            for (int to = from; to < words.size(); to++) {
                run.append(words.get(to).toLowerCase(Locale.ROOT));
                if (nouns.contains(run.toString())) {
                    List<String> rest = new ArrayList<>(words.subList(0, from));
                    rest.addAll(words.subList(to + 1, words.size()));
                    return legal(camel(rest));
                }
            }
        }
        return null;
    }

    private static String camel(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            sb.append(sb.length() == 0 ? Character.toLowerCase(w.charAt(0)) + w.substring(1)
                    : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return sb.toString();
    }

    private static String legal(String name) {
        return name.isEmpty() || !SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name) || name.equals("_")
                ? null : name;
    }

    /** English singular, the common cases: {@code categories} → {@code category}, {@code boxes} → {@code box}. */
    static String singular(String w) {
        if (w.endsWith("ies") && w.length() > 3) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 1) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** English plural, the common cases: {@code category} → {@code categories}, {@code box} → {@code boxes}. */
    static String plural(String w) {
        if (w.endsWith("y") && w.length() > 1 && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0) {
            return w.substring(0, w.length() - 1) + "ies";
        }
        if (w.endsWith("s") || w.endsWith("x") || w.endsWith("ch") || w.endsWith("sh")) {
            return w + "es";
        }
        return w + "s";
    }
}
