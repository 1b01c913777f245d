package dev.specwright.generator.model;

import dev.specwright.generator.naming.DerivedNames;
import dev.specwright.generator.naming.JavaNames;
import dev.specwright.generator.naming.NameScope;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names each operation's further forms ({@link OperationForms}) after every operation and request builder of its class
 * has its name: the scope of a class is rebuilt from those names (they are unique in it already), so a further form
 * never takes an operation's name; an operation called {@code getWithResponse} keeps it and {@code get}'s form becomes
 * {@code getWithResponse2}. Operations are visited in the class's order, so the names are the same on every run.
 *
 * <p>Which operations get a {@code <op>WithResponse} form: those whose success answer ({@code 2xx}, {@code 2XX}) declares
 * at least one header besides {@code Content-Type} ({@code ETag}, {@code Link}, {@code X-Total-Count},
 * {@code Location}...): the spec says there is something beyond the body to read. One such method per operation in both
 * classes would add 6% to Stripe's generated output and 14% to GitHub's, mostly for answers nobody reads a header of;
 * with this rule Stripe's is unchanged (its spec declares no response header) and GitHub's grows 3.3% (195 operations,
 * most of them lists with a paging {@code Link}). Any other call reaches its status and headers through the runtime:
 * {@code client.apiClient().sendForResponse(ApiRequest.builder(method, path)...build(), type)}.
 */
public final class OperationFormsPass {

    private OperationFormsPass() {}

    /** @return the forms by operation pointer ({@link Operation#pointer()}), in declaration order */
    public static Map<String, OperationForms> run(List<ApiGroup> groups, OpenAPI api) {
        Map<String, OperationForms> forms = new LinkedHashMap<>();
        for (ApiGroup group : groups) {
            NameScope methods = new NameScope();
            JavaNames.OBJECT_METHODS.forEach(methods::reserve);
            DerivedNames.API_MEMBERS.forEach(methods::reserve);
            for (Operation op : group.operations()) {
                methods.reserve(op.methodName()).reserve(op.requestMethodName());
            }
            for (Operation op : group.operations()) {
                if (declaresSuccessHeaders(api, op)) {
                    forms.put(op.pointer(), new OperationForms(methods.allocate(DerivedNames.responseMethod(op.methodName()))));
                }
            }
        }
        return forms;
    }

    /** Whether a 2xx answer of the operation declares a header other than {@code Content-Type} (which OpenAPI ignores). */
    static boolean declaresSuccessHeaders(OpenAPI api, Operation op) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(op.path());
        io.swagger.v3.oas.models.Operation raw = item == null ? null
                : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(op.httpMethod().toUpperCase(Locale.ROOT)));
        if (raw == null || raw.getResponses() == null) {
            return false;
        }
        return raw.getResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2"))
                .map(e -> Optional.ofNullable(OperationPass.resolveResponse(api, e.getValue())).map(ApiResponse::getHeaders))
                .flatMap(Optional::stream)
                .anyMatch(headers -> headers.keySet().stream().anyMatch(name -> !name.equalsIgnoreCase("Content-Type")));
    }
}
