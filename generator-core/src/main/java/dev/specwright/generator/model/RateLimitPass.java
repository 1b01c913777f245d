package dev.specwright.generator.model;

import dev.specwright.generator.SpecProblem;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The rate-limit pass: {@code x-rate-limit: {requestsPerSecond, burst, scope, scopeBy}} becomes the client's default
 * token bucket, the name of whom the server counts and the security schemes whose credential values identify that
 * caller, most specific first (the first one a client sends keys its bucket). No scope, or {@code scope: client}, is a
 * bucket per client object. A scope named without {@code scopeBy} is refused: the generator cannot guess which
 * credential a word like "tenant" means. A bad {@code x-rate-limit} is a problem, never silently no rate limit.
 */
final class RateLimitPass {

    /** {@code scope} for one bucket per client object: the same as no scope, said explicitly. */
    private static final String CLIENT_SCOPE = "client";

    private final Map<String, SecurityScheme> schemes;
    private final String file;
    private final List<SpecProblem> problems;

    private RateLimitPass(Map<String, SecurityScheme> schemes, String file, List<SpecProblem> problems) {
        this.schemes = schemes;
        this.file = file;
        this.problems = problems;
    }

    /**
     * @param raw the root's {@code x-rate-limit} as parsed, {@code null} when the spec has none
     * @param schemes {@code components/securitySchemes}, which {@code scopeBy} names
     * @return empty when the spec has none, or after a problem
     */
    static Optional<ApiModel.RateLimit> run(Object raw, Map<String, SecurityScheme> schemes, String file, List<SpecProblem> problems) {
        return raw == null ? Optional.empty() : new RateLimitPass(Collections.unmodifiableMap(new LinkedHashMap<>(schemes)), file, problems).rateLimit(raw);
    }

    private Optional<ApiModel.RateLimit> rateLimit(Object raw) {
        if (!(raw instanceof Map<?, ?> map && map.get("requestsPerSecond") instanceof Number rps
                && map.get("burst") instanceof Number burst && rps.doubleValue() > 0 && burst.longValue() > 0)) {
            problems.add(new SpecProblem(file, "/x-rate-limit", "x-rate-limit must be an object with positive numbers"
                    + " requestsPerSecond and burst.", "write it as {requestsPerSecond: 10, burst: 25}, with scope and"
                    + " scopeBy if the server counts per caller (see the README)."));
            return Optional.empty();
        }
        Object scope = map.get("scope");
        if (scope != null && !(scope instanceof String)) {
            problems.add(new SpecProblem(file, "/x-rate-limit/scope", "x-rate-limit.scope must be a string: the name"
                    + " of whom the server counts.", "write e.g. scope: tenant, with scopeBy: [<security scheme>],"
                    + " or scope: client for a bucket per client."));
            return Optional.empty();
        }
        String scopeName = scope == null ? "" : (String) scope;
        Optional<List<ApiModel.ScopePart>> scopeBy = scopeBy(map.get("scopeBy"), scopeName);
        return scopeBy.map(parts -> new ApiModel.RateLimit(rps.doubleValue(), burst.longValue(), scopeName, parts));
    }

    /** The parts {@code scopeBy} names, checked against the scope; empty after a problem. */
    private Optional<List<ApiModel.ScopePart>> scopeBy(Object raw, String scope) {
        String pointer = "/x-rate-limit/scopeBy";
        if (raw == null) {
            if (scope.isEmpty() || scope.equals(CLIENT_SCOPE)) {
                return Optional.of(List.of());
            }
            problems.add(new SpecProblem(file, "/x-rate-limit/scope", "x-rate-limit.scope \"" + scope + "\" names"
                    + " whom the server counts but not which credential identifies that caller, so clients cannot"
                    + " share the server's bucket.", "add scopeBy: a list of security schemes whose value identifies"
                    + " the caller, most specific first (" + schemeChoices() + "), or write scope: client for a"
                    + " bucket per client."));
            return Optional.empty();
        }
        if (scope.equals(CLIENT_SCOPE)) {
            problems.add(new SpecProblem(file, pointer, "x-rate-limit.scope client means a bucket per client, which"
                    + " no credential keys.", "remove scopeBy, or name the scope for what the server counts."));
            return Optional.empty();
        }
        if (!(raw instanceof List<?> names) || names.isEmpty()) {
            problems.add(new SpecProblem(file, pointer, "x-rate-limit.scopeBy must be a non-empty list of security"
                    + " scheme names.", "write e.g. scopeBy: [" + schemeChoices() + "]."));
            return Optional.empty();
        }
        List<ApiModel.ScopePart> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Optional<ApiModel.ScopePart> part = scopePart(names.get(i), pointer + "/" + i);
            if (part.isEmpty()) {
                return Optional.empty();
            }
            parts.add(part.get());
        }
        return Optional.of(parts);
    }

    /** The credential one {@code scopeBy} entry names: an API key by its name, any other scheme by who authenticates. */
    private Optional<ApiModel.ScopePart> scopePart(Object name, String pointer) {
        SecurityScheme scheme = name instanceof String key ? schemes.get(key) : null;
        if (scheme == null) {
            problems.add(new SpecProblem(file, pointer, "x-rate-limit.scopeBy names " + (name instanceof String
                    ? "the security scheme \"" + name + "\", which components/securitySchemes does not define."
                    : "something that is not a security scheme name."), "use one of: " + schemeChoices() + "."));
            return Optional.empty();
        }
        String schemeName = (String) name;
        var type = scheme.getType();
        if (type == SecurityScheme.Type.APIKEY && scheme.getIn() != null && scheme.getName() != null) {
            return Optional.of(new ApiModel.ScopePart(schemeName, scheme.getIn().toString().toLowerCase(Locale.ROOT), scheme.getName()));
        }
        if (type == SecurityScheme.Type.HTTP || type == SecurityScheme.Type.OAUTH2 || type == SecurityScheme.Type.OPENIDCONNECT) {
            return Optional.of(new ApiModel.ScopePart(schemeName, "authorization", ""));
        }
        problems.add(new SpecProblem(file, pointer, "x-rate-limit.scopeBy names the security scheme \"" + schemeName
                + "\", whose credential a client cannot read (" + type + ").", "name an apiKey, http or oauth2 scheme."));
        return Optional.empty();
    }

    private String schemeChoices() {
        return schemes.isEmpty() ? "define the schemes in components/securitySchemes first"
                : String.join(", ", new TreeSet<>(schemes.keySet()));
    }
}
