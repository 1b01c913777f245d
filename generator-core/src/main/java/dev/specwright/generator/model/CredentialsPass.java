package dev.specwright.generator.model;

import dev.specwright.generator.SpecProblem;
import dev.specwright.generator.naming.JavaNames;
import dev.specwright.generator.naming.NameScope;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The credentials pass: one {@code Credentials} factory per distinct security requirement, in order of first use
 * (the spec's global {@code security} first, then each operation's), each with the parts the runtime sends (Basic,
 * Bearer, an API key, OAuth 2.0 client credentials). It runs before the operations pass, which leaves out the
 * parameters a credential sends. A requirement naming an undefined scheme is a problem; one the runtime cannot send
 * (mutual TLS, an unknown HTTP scheme) gets no factory.
 *
 * <p>An OAuth 2.0 client-credentials token request is a JSON object instead of RFC 6749's form when the flow says
 * {@code x-token-request: json}, or, without that, when the spec describes the token URL itself as a POST whose request
 * body is only JSON ({@code application/json} or {@code application/vnd.api+json}), as Oro's {@code /oauth2-token} is.
 */
final class CredentialsPass {

    /**
     * One security requirement as the spec writes it, read once from the parsed spec.
     *
     * @param pointer where it is ({@code /security/0}, {@code /paths/~1pets/get/security/1})
     * @param schemes the schemes it names, in order: all of them authenticate one request
     * @param scopes the scopes it asks of each scheme
     */
    record Requirement(String pointer, List<String> schemes, Map<String, List<String>> scopes) {
        Requirement {
            schemes = List.copyOf(schemes);
            scopes = Map.copyOf(scopes);
        }

        static Requirement of(String pointer, SecurityRequirement requirement) {
            Map<String, List<String>> scopes = new HashMap<>();
            requirement.forEach((scheme, wanted) -> scopes.put(scheme, wanted == null ? List.of() : List.copyOf(wanted)));
            return new Requirement(pointer, new ArrayList<>(requirement.keySet()), scopes);
        }
    }

    /** The result: the factories, in order. */
    record Credentials(List<ApiModel.CredentialFactory> factories) {
        Credentials {
            factories = List.copyOf(factories);
        }

        /** The parameters the credentials send ({@code header:x-tenant}, {@code query:api_key}): no operation method asks for them. */
        List<String> parameters() {
            return factories.stream().flatMap(f -> f.parts().stream())
                    .filter(p -> p instanceof ApiModel.CredentialPart.ApiKey).map(p -> (ApiModel.CredentialPart.ApiKey) p)
                    .map(k -> k.in() + ":" + k.name().toLowerCase(Locale.ROOT)).distinct().toList();
        }
    }

    private CredentialsPass() {}

    /** The spec's security requirements: the global ones, then each operation's, in the spec's order. */
    static List<Requirement> requirements(OpenAPI api) {
        List<Requirement> requirements = new ArrayList<>();
        if (api.getSecurity() != null) {
            for (int i = 0; i < api.getSecurity().size(); i++) {
                requirements.add(Requirement.of("/security/" + i, api.getSecurity().get(i)));
            }
        }
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                if (op.getSecurity() != null) {
                    for (int i = 0; i < op.getSecurity().size(); i++) {
                        requirements.add(Requirement.of("/paths/" + SchemaMapper.escape(path) + "/"
                                + method.name().toLowerCase(Locale.ROOT) + "/security/" + i, op.getSecurity().get(i)));
                    }
                }
            }));
        }
        return List.copyOf(requirements);
    }

    /** The extension on an OAuth 2.0 flow that says how its token request is sent: {@code json} or {@code form}. */
    static final String TOKEN_REQUEST = "x-token-request";

    private static final Set<String> JSON_BODIES = Set.of("application/json", "application/vnd.api+json");

    /**
     * The URLs (absolute, or a path when the spec's server is relative or missing) of the spec's POST operations whose
     * request body is only JSON: a token URL among them takes a JSON token request.
     */
    static Set<String> jsonPostUrls(OpenAPI api) {
        Set<String> urls = new TreeSet<>();
        if (api.getPaths() == null) {
            return urls;
        }
        List<String> bases = new ArrayList<>();
        if (api.getServers() != null) {
            api.getServers().forEach(s -> {
                if (s.getUrl() != null && !s.getUrl().contains("{")) {
                    bases.add(s.getUrl().replaceAll("/+$", ""));
                }
            });
        }
        if (bases.isEmpty()) {
            bases.add("");
        }
        api.getPaths().forEach((path, item) -> {
            if (item.getPost() != null && onlyJson(api, item.getPost().getRequestBody())) {
                bases.forEach(base -> urls.add(base + path));
            }
        });
        return urls;
    }

    private static boolean onlyJson(OpenAPI api, RequestBody body) {
        if (body != null && body.get$ref() != null) {
            String name = body.get$ref().substring(body.get$ref().lastIndexOf('/') + 1);
            body = api.getComponents() == null || api.getComponents().getRequestBodies() == null ? null
                    : api.getComponents().getRequestBodies().get(name);
        }
        if (body == null || body.getContent() == null || body.getContent().isEmpty()) {
            return false;
        }
        return body.getContent().keySet().stream()
                .allMatch(media -> JSON_BODIES.contains(media.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)));
    }

    /**
     * @param schemes {@code components/securitySchemes}
     * @param problems where a requirement naming an undefined scheme is reported
     */
    static Credentials run(List<Requirement> requirements, Map<String, SecurityScheme> schemes, String file,
            List<SpecProblem> problems) {
        return run(requirements, schemes, Set.of(), file, problems);
    }

    /**
     * @param schemes {@code components/securitySchemes}
     * @param jsonPostUrls {@link #jsonPostUrls}: a client-credentials token URL among them takes a JSON token request
     * @param problems where a requirement naming an undefined scheme, or a bad {@code x-token-request}, is reported
     */
    static Credentials run(List<Requirement> requirements, Map<String, SecurityScheme> schemes, Set<String> jsonPostUrls,
            String file, List<SpecProblem> problems) {
        Map<String, Boolean> jsonTokens = jsonTokenRequests(schemes, jsonPostUrls, file, problems);
        Map<List<String>, String> distinct = new LinkedHashMap<>();
        Map<String, Set<String>> scopes = new HashMap<>();
        for (Requirement requirement : requirements) {
            distinct.putIfAbsent(requirement.schemes(), requirement.pointer());
            // an OAuth 2.0 token is asked for once, with every scope any requirement wants of its scheme
            requirement.scopes().forEach((scheme, wanted) -> scopes.computeIfAbsent(scheme, k -> new TreeSet<>()).addAll(wanted));
        }
        NameScope methods = new NameScope();
        List<ApiModel.CredentialFactory> factories = new ArrayList<>();
        distinct.forEach((names, pointer) -> factory(names, pointer, schemes, scopes, jsonTokens, file, problems)
                .ifPresent(f -> factories.add(new ApiModel.CredentialFactory(methods.allocate(f.methodName()), f.schemes(), f.parts()))));
        return new Credentials(factories);
    }

    /** The factory of one requirement, its method name not yet allocated; empty when nothing is to configure or send. */
    private static Optional<ApiModel.CredentialFactory> factory(List<String> names, String pointer, Map<String, SecurityScheme> schemes,
            Map<String, Set<String>> scopes, Map<String, Boolean> jsonTokens, String file, List<SpecProblem> problems) {
        if (names.isEmpty()) {
            return Optional.empty(); // `{}`: anonymous access, nothing to configure
        }
        List<ApiModel.CredentialPart> parts = new ArrayList<>();
        NameScope parameters = new NameScope().reserve("build"); // the named builder's setters are the parameters' names
        String methodName = null;
        for (String name : names) {
            SecurityScheme scheme = schemes.get(name);
            if (scheme == null) {
                problems.add(new SpecProblem(file, pointer + "/" + SchemaMapper.escape(name), "security requirement names the scheme \""
                        + name + "\", which components/securitySchemes does not define.", "define it there, or correct the name."));
                return Optional.empty();
            }
            Optional<ApiModel.CredentialPart> part = part(scheme, name, parameters, List.copyOf(scopes.getOrDefault(name, Set.of())),
                    jsonTokens.getOrDefault(name, false));
            if (part.isEmpty()) {
                return Optional.empty(); // a scheme the runtime cannot send (mutual TLS, an unknown HTTP scheme): no factory for it
            }
            parts.add(part.get());
            if (methodName == null && part.get() instanceof ApiModel.CredentialPart.ApiKey) {
                methodName = JavaNames.memberName(name);
            }
        }
        return Optional.of(new ApiModel.CredentialFactory(methodName == null ? JavaNames.memberName(names.get(0)) : methodName, names, parts));
    }

    /**
     * Per OAuth 2.0 scheme with a client-credentials flow, whether its token request is JSON: the flow's
     * {@code x-token-request} (checked: {@code json} or {@code form}), else whether its token URL is a JSON-only POST of the spec.
     */
    private static Map<String, Boolean> jsonTokenRequests(Map<String, SecurityScheme> schemes, Set<String> jsonPostUrls, String file,
            List<SpecProblem> problems) {
        Map<String, Boolean> json = new HashMap<>();
        schemes.forEach((name, scheme) -> {
            var flow = scheme == null || scheme.getType() != SecurityScheme.Type.OAUTH2 || scheme.getFlows() == null
                    ? null : scheme.getFlows().getClientCredentials();
            if (flow == null) {
                return;
            }
            Object declared = flow.getExtensions() == null ? null : flow.getExtensions().get(TOKEN_REQUEST);
            if (declared == null) {
                json.put(name, flow.getTokenUrl() != null && matchesJsonPost(flow.getTokenUrl(), jsonPostUrls));
            } else if ("json".equals(declared) || "form".equals(declared)) {
                json.put(name, "json".equals(declared));
            } else {
                problems.add(new SpecProblem(file, "/components/securitySchemes/" + SchemaMapper.escape(name)
                        + "/flows/clientCredentials/" + TOKEN_REQUEST, TOKEN_REQUEST + " must be json or form, not "
                        + (declared instanceof String ? "\"" + declared + "\"" : "a " + declared.getClass().getSimpleName()) + ".",
                        "write " + TOKEN_REQUEST + ": json when the token endpoint takes a JSON object (as Oro's /oauth2-token"
                                + " does), form (the default, RFC 6749) when it takes application/x-www-form-urlencoded."));
            }
        });
        return json;
    }

    /** The token URL (query and fragment ignored) or its path, among the JSON-only POSTs. */
    private static boolean matchesJsonPost(String tokenUrl, Set<String> jsonPostUrls) {
        String url = tokenUrl.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        if (jsonPostUrls.stream().anyMatch(u -> u.equalsIgnoreCase(url))) {
            return true;
        }
        String path = url.replaceFirst("(?i)^https?://[^/]*", "");
        return jsonPostUrls.contains(path.isEmpty() ? "/" : path);
    }

    private static Optional<ApiModel.CredentialPart> part(SecurityScheme scheme, String name, NameScope parameters, List<String> scopes,
            boolean jsonTokenRequest) {
        if (scheme.getType() == null) {
            return Optional.empty();
        }
        switch (scheme.getType()) {
            case HTTP:
                String httpScheme = scheme.getScheme() == null ? "" : scheme.getScheme().toLowerCase(Locale.ROOT);
                if (httpScheme.equals("basic")) {
                    parameters.reserve("username").reserve("password");
                    return Optional.of(new ApiModel.CredentialPart.Basic());
                }
                return httpScheme.equals("bearer")
                        ? Optional.of(new ApiModel.CredentialPart.Bearer(parameters.allocate("token"))) : Optional.empty();
            case APIKEY:
                if (scheme.getIn() == null || scheme.getName() == null) {
                    return Optional.empty();
                }
                return Optional.of(new ApiModel.CredentialPart.ApiKey(scheme.getIn().toString().toLowerCase(Locale.ROOT),
                        scheme.getName(), parameters.allocate(JavaNames.memberName(name))));
            case OAUTH2:
                var flow = scheme.getFlows() == null ? null : scheme.getFlows().getClientCredentials();
                if (flow != null && flow.getTokenUrl() != null && flow.getTokenUrl().matches("(?i)^https?://.*")) {
                    return Optional.of(new ApiModel.CredentialPart.OAuth2ClientCredentials(flow.getTokenUrl(), scopes,
                            parameters.allocate("clientId"), parameters.allocate("clientSecret"), jsonTokenRequest));
                }
                return Optional.of(new ApiModel.CredentialPart.Bearer(parameters.allocate("accessToken")));
            case OPENIDCONNECT:
                return Optional.of(new ApiModel.CredentialPart.Bearer(parameters.allocate("accessToken")));
            default:
                return Optional.empty();
        }
    }
}
