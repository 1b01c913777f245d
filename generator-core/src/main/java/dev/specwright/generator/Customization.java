package dev.specwright.generator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How the generated client is shaped beyond its packages: Java types for spec types, existing classes for schemas,
 * names, what is generated, templates, extensions, and the coordinates of a generated project. {@link #DEFAULT} changes
 * nothing. Every map is copied sorted, so equal settings are equal records (and fingerprint alike).
 *
 * @param typeMappings a spec type (and format) to a Java type: {@code date-time=java.time.Instant},
 *     {@code string+uuid=java.util.UUID}; openapi-generator's keys ({@code DateTime}, {@code UUID}, ...) are accepted too
 * @param schemaMappings a schema name to an existing class that is used instead and not generated
 *     ({@code Money=com.example.Money}); openapi-generator's {@code importMappings} land here too
 * @param nameMappings Java names chosen by the user for properties, models, operations and enum values
 * @param generateApis whether the API classes, their params records and the client are generated
 * @param generateModels whether the models and enums are generated (without them, the user supplies the classes)
 * @param beanValidation whether models carry Jakarta Validation annotations from the spec's constraints (opt-in)
 * @param templateDirectory a folder whose Mustache templates override or add to the default templates by name
 * @param extensions class names of {@code GeneratorExtension}s to run, besides those found by {@code ServiceLoader}
 * @param project coordinates, license and SCM of a generated project ({@code layout=project})
 * @param clientName the client's name (its class {@code <Name>Client}, the derived base package), instead of the spec's
 *     {@code x-client-name} or title
 */
public record Customization(
        Map<String, String> typeMappings,
        Map<String, String> schemaMappings,
        NameMappings nameMappings,
        boolean generateApis,
        boolean generateModels,
        boolean beanValidation,
        Optional<Path> templateDirectory,
        List<String> extensions,
        ProjectInfo project,
        Optional<String> clientName) {

    public static final Customization DEFAULT = new Customization(Map.of(), Map.of(), NameMappings.NONE, true, true,
            false, Optional.empty(), List.of(), ProjectInfo.DERIVED, Optional.empty());

    public Customization {
        typeMappings = sorted(typeMappings);
        schemaMappings = sorted(schemaMappings);
        Objects.requireNonNull(nameMappings, "nameMappings");
        Objects.requireNonNull(templateDirectory, "templateDirectory");
        extensions = List.copyOf(extensions);
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(clientName, "clientName");
    }

    static Map<String, String> sorted(Map<String, String> map) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(map)));
    }

    public Customization withTypeMappings(Map<String, String> value) {
        return new Customization(value, schemaMappings, nameMappings, generateApis, generateModels, beanValidation,
                templateDirectory, extensions, project, clientName);
    }

    public Customization withSchemaMappings(Map<String, String> value) {
        return new Customization(typeMappings, value, nameMappings, generateApis, generateModels, beanValidation,
                templateDirectory, extensions, project, clientName);
    }

    public Customization withNameMappings(NameMappings value) {
        return new Customization(typeMappings, schemaMappings, value, generateApis, generateModels, beanValidation,
                templateDirectory, extensions, project, clientName);
    }

    public Customization withGenerateApis(boolean value) {
        return new Customization(typeMappings, schemaMappings, nameMappings, value, generateModels, beanValidation,
                templateDirectory, extensions, project, clientName);
    }

    public Customization withGenerateModels(boolean value) {
        return new Customization(typeMappings, schemaMappings, nameMappings, generateApis, value, beanValidation,
                templateDirectory, extensions, project, clientName);
    }

    public Customization withBeanValidation(boolean value) {
        return new Customization(typeMappings, schemaMappings, nameMappings, generateApis, generateModels, value,
                templateDirectory, extensions, project, clientName);
    }

    public Customization withTemplateDirectory(Path value) {
        return new Customization(typeMappings, schemaMappings, nameMappings, generateApis, generateModels, beanValidation,
                Optional.ofNullable(value), extensions, project, clientName);
    }

    public Customization withExtensions(List<String> value) {
        return new Customization(typeMappings, schemaMappings, nameMappings, generateApis, generateModels, beanValidation,
                templateDirectory, value, project, clientName);
    }

    public Customization withProject(ProjectInfo value) {
        return new Customization(typeMappings, schemaMappings, nameMappings, generateApis, generateModels, beanValidation,
                templateDirectory, extensions, value, clientName);
    }

    public Customization withClientName(String value) {
        return new Customization(typeMappings, schemaMappings, nameMappings, generateApis, generateModels, beanValidation,
                templateDirectory, extensions, project, Optional.ofNullable(value).filter(v -> !v.isBlank()));
    }

    /**
     * Names the user chose, each keyed by what the spec calls the thing.
     *
     * @param properties a property's JSON name to its Java name ({@code _type=typeName}; openapi-generator's
     *     {@code nameMappings})
     * @param models a schema name to its class name ({@code modelNameMappings})
     * @param operations an operationId to its method name ({@code operationIdNameMappings})
     * @param enumValues an enum value to its constant name ({@code enumNameMappings})
     */
    public record NameMappings(Map<String, String> properties, Map<String, String> models,
            Map<String, String> operations, Map<String, String> enumValues) {

        public static final NameMappings NONE = new NameMappings(Map.of(), Map.of(), Map.of(), Map.of());

        public NameMappings {
            // not Customization.sorted: that would start initialising Customization, whose DEFAULT needs NONE, from
            // inside the initialisation of NONE when NameMappings is the first of the two a program touches
            properties = copySorted(properties);
            models = copySorted(models);
            operations = copySorted(operations);
            enumValues = copySorted(enumValues);
        }

        private static Map<String, String> copySorted(Map<String, String> map) {
            return java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(map)));
        }

        public boolean isEmpty() {
            return properties.isEmpty() && models.isEmpty() && operations.isEmpty() && enumValues.isEmpty();
        }
    }

    /**
     * What a generated project ({@code layout=project}) says about itself in its {@code pom.xml}. Each value left
     * empty is derived from the spec (groupId from the base package, artifactId from the client name, version from
     * {@code info.version}, license from {@code info.license}).
     */
    public record ProjectInfo(Optional<String> groupId, Optional<String> artifactId, Optional<String> version,
            Optional<String> licenseName, Optional<String> licenseUrl, Optional<String> scmUrl,
            Optional<String> scmConnection, Optional<String> scmDeveloperConnection) {

        public static final ProjectInfo DERIVED = new ProjectInfo(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public ProjectInfo {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(artifactId, "artifactId");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(licenseName, "licenseName");
            Objects.requireNonNull(licenseUrl, "licenseUrl");
            Objects.requireNonNull(scmUrl, "scmUrl");
            Objects.requireNonNull(scmConnection, "scmConnection");
            Objects.requireNonNull(scmDeveloperConnection, "scmDeveloperConnection");
        }
    }
}
