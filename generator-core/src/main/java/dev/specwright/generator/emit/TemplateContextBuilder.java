package dev.specwright.generator.emit;

import static dev.specwright.generator.emit.TemplateRenderer.printable;
import static dev.specwright.generator.emit.TemplateRenderer.printableLines;

import dev.specwright.generator.Customization;
import dev.specwright.generator.Layout;
import dev.specwright.generator.model.ApiGroup;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.ErrorCatalog;
import dev.specwright.generator.model.ModelDef;
import dev.specwright.generator.model.Operation;
import dev.specwright.generator.model.Parameter;
import dev.specwright.generator.model.TypeRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The model and the user's settings → the {@link TemplateContexts} records. Pure; the same inputs give equal records. */
final class TemplateContextBuilder {

    /** A package qualifier in a JavaPoet type's text ({@code java.util.}, {@code com.acme.model.}). */
    private static final Pattern QUALIFIER = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Za-z_$])");

    private final ApiModel api;
    private final JavaTypes types;

    TemplateContextBuilder(ApiModel api, JavaTypes types) {
        this.api = api;
        this.types = types;
    }

    TemplateContexts.Spec spec(Layout layout, Customization customization) {
        ApiModel.BaseTypes base = api.baseTypes();
        List<TemplateContexts.Environment> environments = environments();
        List<TemplateContexts.Credential> credentials = credentials();
        List<TemplateContexts.Api> apis = api.apis().stream().map(this::api).toList();
        return new TemplateContexts.Spec(TemplateContexts.VERSION, layout.name().toLowerCase(Locale.ROOT),
                printable(api.title()), printable(api.version()), printable(api.description()),
                printableLines(api.description()), api.clientClassName(),
                api.packages().base(), api.packages().api(), api.packages().model(), base.environment(),
                base.credentials(), hasDefaultEnvironment(), environments,
                environments.isEmpty() ? "" : environments.get(0).example(), credentials,
                credentials.isEmpty() ? "" : credentials.get(0).example(), apis,
                apis.isEmpty() ? "" : apis.get(0).example().call(), models(), errors(),
                project(customization.project()), TemplateRenderer.TOOLKIT_VERSION);
    }

    private boolean hasDefaultEnvironment() {
        return api.servers().stream().anyMatch(s -> s.variables().stream().allMatch(v -> !v.defaultValue().isEmpty()));
    }

    private List<TemplateContexts.Environment> environments() {
        String environment = api.baseTypes().environment();
        return api.servers().stream().map(s -> new TemplateContexts.Environment(s.factoryName(), printable(s.url()),
                printable(s.description()),
                environment + "." + s.factoryName() + "(" + String.join(", ", s.variables().stream()
                        .map(v -> v.defaultValue().isEmpty() ? v.javaName() : JavaText.literalSource(v.defaultValue()))
                        .toList()) + ")",
                s.variables().stream().map(v -> new TemplateContexts.Variable(printable(v.name()), v.javaName(),
                        printable(v.defaultValue()), v.shared())).toList())).toList();
    }

    private List<TemplateContexts.Credential> credentials() {
        List<TemplateContexts.Credential> all = new ArrayList<>();
        for (ApiModel.CredentialFactory f : api.credentialFactories()) {
            List<String> names = new ArrayList<>();
            for (ApiModel.CredentialPart part : f.parts()) {
                if (part instanceof ApiModel.CredentialPart.Basic) {
                    names.add("username");
                    names.add("password");
                } else if (part instanceof ApiModel.CredentialPart.Bearer bearer) {
                    names.add(bearer.parameterName());
                } else if (part instanceof ApiModel.CredentialPart.ApiKey key) {
                    names.add(key.parameterName());
                } else if (part instanceof ApiModel.CredentialPart.OAuth2ClientCredentials oauth) {
                    names.add(oauth.clientIdParameter());
                    names.add(oauth.clientSecretParameter());
                }
            }
            String list = String.join(", ", names);
            all.add(new TemplateContexts.Credential(f.methodName(), printable(String.join(" + ", f.schemes())),
                    names.stream().map(TemplateContexts.Name::new).toList(), list,
                    api.baseTypes().credentials() + "." + f.methodName() + "(" + list + ")"));
        }
        return all;
    }

    TemplateContexts.Api api(ApiGroup group) {
        List<TemplateContexts.Operation> operations = group.operations().stream().map(op -> operation(group, op)).toList();
        return new TemplateContexts.Api(group.className(), group.asyncClassName(), group.accessorName(),
                printable(group.tag()), printable(group.description()), printableLines(group.description()), api.packages().api(), api.clientClassName(),
                api.packages().base(), operations.size(), operations, operations.get(0));
    }

    private TemplateContexts.Operation operation(ApiGroup group, Operation op) {
        List<TemplateContexts.Parameter> parameters = new ArrayList<>();
        for (Parameter p : op.requiredParameters()) {
            parameters.add(parameter(p));
        }
        op.body().ifPresent(b -> parameters.add(new TemplateContexts.Parameter(b.javaName(), b.javaName(), "body",
                simple(b.type()), b.required(), printable(b.description()))));
        String arguments = String.join(", ", parameters.stream().map(TemplateContexts.Parameter::javaName).toList());
        String returnType = op.responseType().map(this::simple).orElse("void");
        return new TemplateContexts.Operation(op.methodName(), printable(op.operationId()), op.httpMethod(),
                printable(op.path()), printable(op.summary()), printable(op.description()), printableLines(op.description()),
                op.deprecated(), returnType,
                op.responseType().isPresent(), parameters, op.paramsClassName().isPresent(),
                op.paramsClassName().orElse(""), op.optionalParameters().stream().map(this::parameter).toList(),
                arguments, "client." + group.accessorName() + "()." + op.methodName() + "(" + arguments + ")");
    }

    private TemplateContexts.Parameter parameter(Parameter p) {
        return new TemplateContexts.Parameter(printable(p.name()), p.javaName(), p.in().name().toLowerCase(Locale.ROOT),
                simple(p.type()), p.required(), printable(p.description()));
    }

    private List<TemplateContexts.Model> models() {
        return api.models().stream().sorted(Comparator.comparing(ModelDef::className)).map(this::model).toList();
    }

    TemplateContexts.Model model(ModelDef model) {
        return new TemplateContexts.Model(model.className(), printable(model.schemaName()), api.packages().model(),
                printable(model.description()), printableLines(model.description()), model.deprecated(), model.sent(),
                model.properties().stream().map(p -> new TemplateContexts.Property(printable(p.jsonName()), p.javaName(),
                        simple(p.type()), p.required(), p.nullable(), p.readOnly(), p.deprecated(),
                        printable(p.description()))).toList());
    }

    TemplateContexts.Errors errors() {
        Optional<ErrorCatalog> catalog = api.errorCatalog();
        if (catalog.isEmpty()) {
            return new TemplateContexts.Errors(false, JavaTypes.RUNTIME, JavaTypes.API_EXCEPTION.simpleName(), "", "",
                    List.of(), List.of());
        }
        ApiModel.BaseTypes base = api.baseTypes();
        ErrorCatalog errors = catalog.get();
        return new TemplateContexts.Errors(true, api.packages().base(), base.apiException(), base.errorCode(),
                base.errorCategory(),
                errors.categories().stream().map(c -> new TemplateContexts.ErrorCategory(printable(c.value()),
                        c.javaName(), c.exceptionClass(), printable(nullToEmpty(c.description())))).toList(),
                errors.entries().stream().map(e -> new TemplateContexts.ErrorCode(printable(e.written().name()),
                        e.javaName(), e.written().code(),
                        e.written().subCode() == null ? "" : e.written().subCode().toString(),
                        printable(e.written().category()), errors.category(e.written().category()).exceptionClass(),
                        e.written().httpStatus() == null ? "" : e.written().httpStatus().toString(),
                        printable(nullToEmpty(e.written().defaultMessage())),
                        printable(nullToEmpty(e.written().description())))).toList());
    }

    private TemplateContexts.Project project(Customization.ProjectInfo info) {
        String version = info.version().orElseGet(() -> api.version().isBlank() ? "1.0.0-SNAPSHOT"
                : api.version().strip().replaceAll("[^A-Za-z0-9._-]", "-"));
        // the user's license, else the spec's info.license (its URL only with its name)
        Optional<String> licenseName = info.licenseName().or(() -> api.license().map(ApiModel.License::name));
        Optional<String> licenseUrl = info.licenseName().isPresent() ? info.licenseUrl()
                : info.licenseUrl().or(() -> api.license().map(ApiModel.License::url));
        boolean scm = info.scmUrl().isPresent() || info.scmConnection().isPresent()
                || info.scmDeveloperConnection().isPresent();
        return new TemplateContexts.Project(info.groupId().orElse(api.packages().base()),
                info.artifactId().orElseGet(this::derivedArtifactId), version, printable(api.title()) + " client",
                licenseName.isPresent(), printable(licenseName.orElse("")), printable(licenseUrl.orElse("")), scm, printable(info.scmUrl().orElse("")),
                printable(info.scmConnection().orElse("")), printable(info.scmDeveloperConnection().orElse("")));
    }

    /** {@code PetStore} → {@code pet-store-client}: the client name, which is a Java identifier, in kebab case. */
    private String derivedArtifactId() {
        String name = api.clientName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("[^A-Za-z0-9]+", "-")
                .toLowerCase(Locale.ROOT).replaceAll("^-+|-+$", "");
        return (name.isEmpty() ? "api" : name) + "-client";
    }

    /** The type as a reader writes it in code that imports it: {@code List<Pet>}, not {@code java.util.List<...>}. */
    private String simple(TypeRef type) {
        return QUALIFIER.matcher(types.of(type).toString()).replaceAll("");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
