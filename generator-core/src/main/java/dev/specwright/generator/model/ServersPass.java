package dev.specwright.generator.model;

import dev.specwright.generator.naming.JavaNames;
import dev.specwright.generator.naming.NameScope;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The servers pass: each absolute {@code servers} URL (http or https) becomes an {@code Environment} factory named
 * for the first word of its description ({@code server1}, ... without one), its {@code {variables}} parameters of
 * that factory. A variable every server has, with a default, is {@code shared}: a shorter factory uses its default.
 * Relative URLs are left out: the client has nothing to resolve them against. Finds no problems.
 */
final class ServersPass {

    private static final Pattern SERVER_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private ServersPass() {}

    /** @param servers the spec's {@code servers}, in order; an empty list when it has none */
    static List<ApiModel.ServerDef> run(List<Server> servers) {
        List<Server> absolute = servers.stream().filter(s -> s.getUrl() != null && s.getUrl().matches("(?i)^https?://.*")).toList();
        List<List<String>> variablesPerServer = absolute.stream().map(s -> variables(s.getUrl())).toList();
        NameScope factories = new NameScope().reserve("custom").reserve("baseUri");
        List<ApiModel.ServerDef> result = new ArrayList<>();
        for (int i = 0; i < absolute.size(); i++) {
            Server server = absolute.get(i);
            List<String> description = JavaNames.words(server.getDescription() == null ? "" : server.getDescription());
            String factory = factories.allocate(description.isEmpty() ? "server" + (i + 1) : JavaNames.memberName(description.get(0)));
            List<ApiModel.ServerVariable> variables = new ArrayList<>();
            NameScope parameterNames = new NameScope();
            for (String name : variablesPerServer.get(i)) {
                var declared = server.getVariables() == null ? null : server.getVariables().get(name);
                String defaultValue = declared == null || declared.getDefault() == null ? "" : declared.getDefault();
                boolean shared = variablesPerServer.stream().allMatch(vs -> vs.contains(name)) && !defaultValue.isEmpty();
                variables.add(new ApiModel.ServerVariable(name, parameterNames.allocate(JavaNames.memberName(name)), defaultValue, shared));
            }
            result.add(new ApiModel.ServerDef(factory, server.getUrl().replaceAll("/+$", ""),
                    server.getDescription() == null ? "" : server.getDescription(), variables));
        }
        return List.copyOf(result);
    }

    /** The {@code {name}}s of a URL template, each once, in order. */
    private static List<String> variables(String url) {
        List<String> names = new ArrayList<>();
        Matcher m = SERVER_VARIABLE.matcher(url);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
