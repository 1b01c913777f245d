package dev.specwright.generator.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client's name, as a person would write it, from the spec's {@code info}: {@code x-client-name} when given (as
 * written, a leading number read out as in a title), else the title without the words every API title carries:
 * "Netlify's API documentation" → {@code Netlify}, "GitHub v3 REST API" → {@code GitHub}, "1Password Connect" →
 * {@code OnePasswordConnect}.
 */
public final class ClientNames {

    /** Words that say "this is an API", not which one. Compared ignoring case, as whole words of the title. */
    private static final Set<String> NOISE = Set.of("api", "apis", "rest", "restful", "documentation", "docs", "swagger",
            "openapi", "service", "services", "spec", "specification", "version");

    /** {@code v3}, {@code V2}, {@code v1beta1}: a version, not a name. */
    private static final Pattern VERSION = Pattern.compile("(?i)v\\d+[a-z0-9]*|\\d+");

    /** An English possessive: "Netlify's", "Netlify’s". */
    private static final Pattern POSSESSIVE = Pattern.compile("(?i)(?<=\\p{Alnum})['\u2019]s\\b");

    /** A title starting with a number glued to a word ("1Password", "3scale"): the number is read out. */
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d+)(?=\\p{Alpha})");

    private static final String[] DIGITS = {"Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"};

    private ClientNames() {}

    /** The name before {@code Client}: {@code xClientName} wins when not blank; never empty, never a leading underscore. */
    public static String of(String xClientName, String title) {
        if (xClientName != null && !xClientName.isBlank()) {
            return declared(xClientName);
        }
        return fromTitle(title == null ? "" : title);
    }

    /**
     * {@code x-client-name} as written, with the title's rule for a leading number ("1Password" → {@code
     * OnePassword}, not {@code _1Password}); a name that is only a number ("2024") gets the title's {@code Api} prefix.
     */
    private static String declared(String xClientName) {
        String name = JavaNames.typeName(spellLeadingNumber(xClientName));
        return name.startsWith("_") ? "Api" + name.substring(1) : name;
    }

    /** "1Password" → "One Password", "3scale" → "Three scale": a number glued to a word is read out. */
    private static String spellLeadingNumber(String text) {
        Matcher number = LEADING_NUMBER.matcher(text);
        if (!number.find()) {
            return text;
        }
        StringBuilder spelled = new StringBuilder();
        number.group(1).chars().forEach(c -> spelled.append(DIGITS[c - '0']));
        return spelled + " " + text.substring(number.end());
    }

    static String fromTitle(String title) {
        String text = spellLeadingNumber(POSSESSIVE.matcher(title).replaceAll(""));
        List<String> kept = new ArrayList<>();
        for (String token : text.split("[^\\p{Alnum}]+")) {
            if (!token.isEmpty() && !NOISE.contains(token.toLowerCase(Locale.ROOT)) && !VERSION.matcher(token).matches()) {
                kept.add(token);
            }
        }
        String name = pascal(kept);
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            // a title of nothing but such words ("REST API", "OpenAPI 3"): its words without "api", as before
            List<String> words = JavaNames.words(text).stream().filter(w -> !w.equalsIgnoreCase("api")).toList();
            name = pascal(words);
        }
        return name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0)) ? "Api" + name : JavaNames.typeName(name);
    }

    /** The tokens' words in PascalCase, without "API" inside a token ("FastAPI" → {@code Fast}). */
    private static String pascal(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        for (String token : tokens) {
            for (String word : JavaNames.words(token)) {
                if (!word.equalsIgnoreCase("api") && !word.equalsIgnoreCase("apis")) {
                    sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return sb.toString();
    }
}
