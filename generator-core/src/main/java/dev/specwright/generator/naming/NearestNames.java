package dev.specwright.generator.naming;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The names closest to one that matched nothing (a mistyped mapping key): by edit distance, ignoring case, at most a
 * third of the name's length away (at least 2), or starting with it or it with them ({@code getOrder} →
 * {@code getOrderById}); the three nearest, in a fixed order.
 */
public final class NearestNames {

    private NearestNames() {}

    /** The candidates nearest to {@code wanted}, nearest first (then alphabetical); empty when none is near. */
    public static List<String> of(String wanted, Collection<String> candidates) {
        int limit = Math.max(2, wanted.length() / 3);
        record Near(String name, int distance) {}
        List<Near> near = new ArrayList<>();
        for (String candidate : new TreeSet<>(candidates)) {
            String a = wanted.toLowerCase(Locale.ROOT);
            String b = candidate.toLowerCase(Locale.ROOT);
            int d = distance(a, b);
            if (d <= limit || (!a.isEmpty() && !b.isEmpty() && (a.startsWith(b) || b.startsWith(a)))) {
                near.add(new Near(candidate, d));
            }
        }
        near.sort(Comparator.comparingInt(Near::distance).thenComparing(Near::name));
        return near.stream().limit(3).map(Near::name).toList();
    }

    /** " (did you mean a, b?)", or nothing when no candidate is near. */
    public static String hint(String wanted, Collection<String> candidates) {
        List<String> near = of(wanted, candidates);
        return near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
