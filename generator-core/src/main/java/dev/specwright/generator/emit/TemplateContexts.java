package dev.specwright.generator.emit;

import java.util.List;
import java.util.Objects;

/**
 * The contexts Mustache templates render from: a versioned contract between Specwright and the templates users keep in
 * their {@code templateDirectory}. A template sees only the components of its context record (and, inside a section,
 * those of the section's element, then of every record around it); a tag naming anything else fails the build before
 * anything renders.
 *
 * <p>Every value is a string, a boolean, an int, a record of this class or a list of them; no model object leaks, so a
 * release can change the model without breaking a template. A later {@link #VERSION} only adds components; one that
 * removes or renames a component is a new major version, announced in the release notes. Spec text is made one
 * printable line ({@link TemplateRenderer#printable}); templates choose how to escape it: {@code {{x}}} HTML/XML-escapes
 * (a pom), {@code {{{x}}}} does not (Markdown).
 *
 * <p>Which context a template gets follows from its folder in {@code templates/} (or the user's folder):
 * {@code spec/} a {@link Spec} once per run, {@code api/} an {@link Api} per API class, {@code model/} a {@link Model}
 * per model, {@code errors/} an {@link Errors} per error catalogue.
 */
public final class TemplateContexts {

    /** The version of the contract; {@link Spec#contextVersion()} carries it to the templates. */
    public static final int VERSION = 1;

    private TemplateContexts() {}

    /**
     * The whole client, for {@code spec/} templates (the project's {@code pom.xml} and README).
     *
     * @param contextVersion {@link #VERSION}
     * @param layout {@code sources} or {@code project}
     * @param title the spec's {@code info.title}
     * @param version the spec's {@code info.version} (empty when it has none)
     * @param description the spec's {@code info.description}, as one line (empty when it has none)
     * @param descriptionLines the same with its line breaks (CommonMark, for Markdown files)
     * @param clientClass the client's simple class name, e.g. {@code PlatformClient}
     * @param basePackage the package of the client, its environment, credentials and errors
     * @param apiPackage the package of the API classes
     * @param modelPackage the package of the models
     * @param environmentClass the simple name of the environment class
     * @param credentialsClass the simple name of the credentials factory class
     * @param hasDefaultEnvironment whether the builder starts with an environment (a server whose variables all have
     *     defaults); without one, a client must call {@code environment(...)} or {@code baseUri(...)}
     * @param environments one per server, in spec order
     * @param environmentExample the first environment's {@link Environment#example()} (empty without servers)
     * @param credentials one per credentials factory method, in spec order
     * @param credentialsExample the first credential's {@link Credential#example()} (empty when the API needs none)
     * @param apis one per API class, in client order
     * @param exampleCall the first API's {@link Api#example()} call (empty without APIs)
     * @param models one per model, sorted by class name
     * @param errors the error catalogue; {@link Errors#present()} is false without one
     * @param project the generated project's coordinates, license and SCM
     * @param runtimeVersion the version of {@code dev.specwright:specwright-runtime} the client needs: the toolkit's
     */
    public record Spec(int contextVersion, String layout, String title, String version, String description,
            String descriptionLines, String clientClass, String basePackage, String apiPackage, String modelPackage, String environmentClass,
            String credentialsClass, boolean hasDefaultEnvironment, List<Environment> environments,
            String environmentExample, List<Credential> credentials, String credentialsExample, List<Api> apis,
            String exampleCall, List<Model> models, Errors errors, Project project, String runtimeVersion) {
        public Spec {
            requireStrings(layout, title, version, description, descriptionLines, clientClass, basePackage, apiPackage, modelPackage,
                    environmentClass, credentialsClass, environmentExample, credentialsExample, exampleCall,
                    runtimeVersion);
            environments = List.copyOf(environments);
            credentials = List.copyOf(credentials);
            apis = List.copyOf(apis);
            models = List.copyOf(models);
            Objects.requireNonNull(errors, "errors");
            Objects.requireNonNull(project, "project");
        }
    }

    /**
     * One server of the spec: a static factory of the environment class.
     *
     * @param factoryMethod the factory's name, e.g. {@code sandbox}
     * @param url the URL template, e.g. {@code https://{env}.example.com/v1}
     * @param description the server's description (empty when it has none)
     * @param example a Java expression choosing it, with each variable's default (or its name) as the argument, e.g.
     *     {@code Environment.sandbox("test")}
     * @param variables the URL's variables, in the factory's parameter order
     */
    public record Environment(String factoryMethod, String url, String description, String example,
            List<Variable> variables) {
        public Environment {
            requireStrings(factoryMethod, url, description, example);
            variables = List.copyOf(variables);
        }
    }

    /**
     * @param name its name in the URL template
     * @param javaName the factory's parameter name
     * @param defaultValue its default (empty when it has none)
     * @param shared whether every server has it (a shorter factory then uses its default)
     */
    public record Variable(String name, String javaName, String defaultValue, boolean shared) {
        public Variable {
            requireStrings(name, javaName, defaultValue);
        }
    }

    /**
     * One static factory of the credentials class: one alternative of the spec's security requirements.
     *
     * @param factoryMethod its name, e.g. {@code apiKey}
     * @param schemes the security schemes it satisfies, joined with {@code " + "}
     * @param parameters its parameters, in order
     * @param parameterList the parameter names joined with {@code ", "}
     * @param example the Java expression calling it with variables named like its parameters, e.g.
     *     {@code PetstoreCredentials.apiKey(apiKey)}
     */
    public record Credential(String factoryMethod, String schemes, List<Name> parameters, String parameterList,
            String example) {
        public Credential {
            requireStrings(factoryMethod, schemes, parameterList, example);
            parameters = List.copyOf(parameters);
        }
    }

    /** A bare name, for lists of names: {@code {{#parameters}}{{name}}{{/parameters}}}. */
    public record Name(String name) {
        public Name {
            requireStrings(name);
        }
    }

    /**
     * One API class (a tag), for {@code api/} templates and in {@link Spec#apis()}.
     *
     * @param className its simple name, e.g. {@code PetApi}
     * @param asyncClassName the simple name of its async twin, reached through {@code async()}
     * @param accessor the client's method returning it, e.g. {@code pet}
     * @param tag the spec's tag (or the API's name for untagged operations)
     * @param description the tag's description, as one line (empty when it has none)
     * @param descriptionLines the same with its line breaks
     * @param packageName the API package
     * @param clientClass the client's simple class name
     * @param basePackage the client's package
     * @param operationCount how many operations it has
     * @param operations its operations, in class order
     * @param example its first operation, for a usage example
     */
    public record Api(String className, String asyncClassName, String accessor, String tag, String description,
            String descriptionLines, String packageName, String clientClass, String basePackage, int operationCount, List<Operation> operations,
            Operation example) {
        public Api {
            requireStrings(className, asyncClassName, accessor, tag, description, descriptionLines, packageName,
                    clientClass, basePackage);
            Objects.requireNonNull(example, "example");
            operations = List.copyOf(operations);
        }
    }

    /**
     * One operation: a method of its API class.
     *
     * @param methodName the method, e.g. {@code getPetById}
     * @param operationId the spec's operationId (empty when it has none)
     * @param httpMethod {@code GET}, {@code POST}, ...
     * @param path the path template, e.g. {@code /pet/{petId}}
     * @param summary the summary, as one line (empty when it has none)
     * @param description the description, as one line (empty when it has none)
     * @param descriptionLines the same with its line breaks
     * @param deprecated whether the spec deprecates it
     * @param returnType the simple Java type it returns, e.g. {@code Pet} or {@code List<Pet>}; {@code void} for none
     * @param returnsValue whether it returns a value
     * @param parameters the method's parameters, in order: required ones, then the body
     * @param hasOptionalParameters whether an overload takes a params record of the optional parameters
     * @param optionalParametersClass that record's simple name (empty without one)
     * @param optionalParameters the optional parameters, set on that record's builder
     * @param arguments the parameters' Java names joined with {@code ", "}
     * @param call the Java expression of a call through the client, e.g. {@code client.pet().getPetById(petId)}
     */
    public record Operation(String methodName, String operationId, String httpMethod, String path, String summary,
            String description, String descriptionLines, boolean deprecated, String returnType, boolean returnsValue, List<Parameter> parameters,
            boolean hasOptionalParameters, String optionalParametersClass, List<Parameter> optionalParameters,
            String arguments, String call) {
        public Operation {
            requireStrings(methodName, operationId, httpMethod, path, summary, description, descriptionLines, returnType,
                    optionalParametersClass, arguments, call);
            parameters = List.copyOf(parameters);
            optionalParameters = List.copyOf(optionalParameters);
        }
    }

    /**
     * One parameter of an operation.
     *
     * @param name its name in the spec (the body's Java name for the body)
     * @param javaName the Java parameter (or params builder method) name
     * @param in {@code path}, {@code query}, {@code header}, {@code cookie} or {@code body}
     * @param type its simple Java type
     * @param required whether the spec requires it
     * @param description its description, as one line (empty when it has none)
     */
    public record Parameter(String name, String javaName, String in, String type, boolean required,
            String description) {
        public Parameter {
            requireStrings(name, javaName, in, type, description);
        }
    }

    /**
     * One model (an immutable record), for {@code model/} templates and in {@link Spec#models()}.
     *
     * @param className its simple name
     * @param schemaName its name in {@code components/schemas} (or the name given to an inline schema)
     * @param packageName the model package
     * @param description its description, as one line (empty when it has none)
     * @param descriptionLines the same with its line breaks
     * @param deprecated whether the spec deprecates it
     * @param hasBuilder whether the client sends it, so it has a builder
     * @param properties its properties, in record component order
     */
    public record Model(String className, String schemaName, String packageName, String description,
            String descriptionLines, boolean deprecated,
            boolean hasBuilder, List<Property> properties) {
        public Model {
            requireStrings(className, schemaName, packageName, description, descriptionLines);
            properties = List.copyOf(properties);
        }
    }

    /**
     * One property of a model.
     *
     * @param jsonName its name in JSON
     * @param javaName its record component (and accessor) name
     * @param type its simple Java type
     * @param required whether the schema requires it
     * @param nullable whether JSON {@code null} is one of its values
     * @param readOnly whether the schema marks it read-only
     * @param deprecated whether the schema deprecates it
     * @param description its description, as one line (empty when it has none)
     */
    public record Property(String jsonName, String javaName, String type, boolean required, boolean nullable,
            boolean readOnly, boolean deprecated, String description) {
        public Property {
            requireStrings(jsonName, javaName, type, description);
        }
    }

    /**
     * The error catalogue ({@code errors.json}), for {@code errors/} templates and as {@link Spec#errors()}.
     *
     * @param present whether the run has a catalogue; without one every list is empty and {@code apiExceptionClass}
     *     is the runtime's {@code ApiException}
     * @param packageName the package of the error types
     * @param apiExceptionClass the simple name of the exception every error status throws (the catalogue's common
     *     exception, or {@code ApiException})
     * @param errorCodeClass the {@code ErrorCode} enum's simple name (empty without a catalogue)
     * @param errorCategoryClass the {@code ErrorCategory} enum's simple name (empty without a catalogue)
     * @param categories one per category
     * @param codes one per entry, in catalogue order
     */
    public record Errors(boolean present, String packageName, String apiExceptionClass, String errorCodeClass,
            String errorCategoryClass, List<ErrorCategory> categories, List<ErrorCode> codes) {
        public Errors {
            requireStrings(packageName, apiExceptionClass, errorCodeClass, errorCategoryClass);
            categories = List.copyOf(categories);
            codes = List.copyOf(codes);
        }
    }

    /**
     * @param value the category on the wire
     * @param javaName its {@code ErrorCategory} constant
     * @param exceptionClass the exception thrown for it, e.g. {@code InvalidDataException}
     * @param description its description, as one line (empty when it has none)
     */
    public record ErrorCategory(String value, String javaName, String exceptionClass, String description) {
        public ErrorCategory {
            requireStrings(value, javaName, exceptionClass, description);
        }
    }

    /**
     * One entry of the catalogue.
     *
     * @param name the entry's name as written
     * @param javaName its {@code ErrorCode} constant
     * @param code its code
     * @param subCode its sub-code as text (empty when it has none)
     * @param category its category on the wire
     * @param exceptionClass the exception its category throws
     * @param httpStatus the HTTP status as text (empty when the catalogue gives none)
     * @param message its default message, as one line
     * @param description its description, as one line (empty when it has none)
     */
    public record ErrorCode(String name, String javaName, long code, String subCode, String category,
            String exceptionClass, String httpStatus, String message, String description) {
        public ErrorCode {
            requireStrings(name, javaName, subCode, category, exceptionClass, httpStatus, message, description);
        }
    }

    /**
     * The generated project's {@code pom.xml} coordinates and metadata: the user's settings, else derived.
     *
     * @param groupId the setting, else the base package
     * @param artifactId the setting, else the client name in kebab case with {@code -client}
     * @param version the setting, else the spec's {@code info.version} made a Maven version, else {@code 1.0.0-SNAPSHOT}
     * @param name the title and {@code " client"}
     * @param hasLicense whether there is a license: the setting, else the spec's {@code info.license}
     * @param licenseName the license name (empty when none)
     * @param licenseUrl the license URL (empty when none); the spec's only with the spec's name
     * @param hasScm whether any SCM value is set
     * @param scmUrl {@code <scm><url>} (empty when none)
     * @param scmConnection {@code <scm><connection>} (empty when none)
     * @param scmDeveloperConnection {@code <scm><developerConnection>} (empty when none)
     */
    public record Project(String groupId, String artifactId, String version, String name, boolean hasLicense,
            String licenseName, String licenseUrl, boolean hasScm, String scmUrl, String scmConnection,
            String scmDeveloperConnection) {
        public Project {
            requireStrings(groupId, artifactId, version, name, licenseName, licenseUrl, scmUrl, scmConnection,
                    scmDeveloperConnection);
        }
    }

    private static void requireStrings(String... values) {
        for (String value : values) {
            Objects.requireNonNull(value, "a template context value is null: use the empty string");
        }
    }
}
