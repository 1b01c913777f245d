package dev.specwright.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each openapi-generator-maven-plugin parameter, and each {@code <configOptions>} key of its {@code java}
 * generator, means here, so a plugin block copied from the peer either works or fails naming what to change. Every
 * row is one of:
 * <ul>
 *   <li>{@link Verdict#SAME}: a parameter of ours with the same name and meaning;
 *   <li>{@link Verdict#MAPPED}: the peer's name for one of our parameters (the value lands there);
 *   <li>{@link Verdict#NO_EFFECT}: accepted, changes nothing here, and the reason is logged;
 *   <li>{@link Verdict#REFUSED}: asks for something Specwright does not do: the build fails naming it, unless the
 *       value is one that asks for nothing (the peer's "off", e.g. {@code generateApiTests=false}).
 * </ul>
 * The peer's list is taken from its {@code CodeGenMojo} and its {@code docs/generators/java.md} (openapi-generator
 * 7.x); the README's migration table is this table.
 */
final class PeerParameters {

    enum Verdict { SAME, MAPPED, NO_EFFECT, REFUSED }

    /**
     * One judged name.
     *
     * @param name the peer's parameter (or configOptions key)
     * @param verdict what it does here
     * @param ours for {@link Verdict#MAPPED}, our parameter that takes the value; else empty
     * @param harmless for {@link Verdict#REFUSED}, values (lower case) that ask for nothing and pass
     * @param why the reason (no effect, refused) or the note (same, mapped), for the log and the README
     */
    record Rule(String name, Verdict verdict, String ours, Set<String> harmless, String why) {

        boolean asksForNothing(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            return v.isEmpty() || harmless.contains(v);
        }
    }

    /** What judging a set of values found: lines to log, and refusals (each naming the parameter and its value). */
    record Judgement(List<String> notes, List<String> refusals, Map<String, String> mapped) {}

    /** The peer's plugin parameters (its CodeGenMojo), in its order. */
    static final Map<String, Rule> PLUGIN = table(
            same("verbose", "logs a line per stage (parsed, built, wrote) at INFO instead of DEBUG"),
            refused("generatorName", "Specwright generates one thing, a Java client: generatorName must be java (or"
                    + " left out)", "java"),
            same("output", "our default is target/generated-sources/specwright; the sources land in"
                    + " <output>/src/main/java"),
            noEffect("cleanupOutput", "each execution's manifest already deletes the files it generated earlier and"
                    + " no longer generates; deleting the whole folder would delete other executions' files"),
            same("inputSpec", "a file, an http(s) URL, or a resource on the project's compile classpath"),
            refused("inputSpecRootDirectory", "Specwright does not merge the specs of a folder: give one inputSpec per"
                    + " execution"),
            noEffect("mergedFileName", "only used with inputSpecRootDirectory, which Specwright does not support"),
            noEffect("mergedFileInfoName", "only used with inputSpecRootDirectory, which Specwright does not support"),
            noEffect("mergedFileInfoDescription", "only used with inputSpecRootDirectory, which Specwright does not"
                    + " support"),
            noEffect("mergedFileInfoVersion", "only used with inputSpecRootDirectory, which Specwright does not"
                    + " support"),
            noEffect("gitHost", "Specwright writes no git_push.sh; a generated project's SCM comes from scmUrl,"
                    + " scmConnection and scmDeveloperConnection"),
            noEffect("gitUserId", "Specwright writes no git_push.sh; a generated project's SCM comes from scmUrl,"
                    + " scmConnection and scmDeveloperConnection"),
            noEffect("gitRepoId", "Specwright writes no git_push.sh; a generated project's SCM comes from scmUrl,"
                    + " scmConnection and scmDeveloperConnection"),
            refused("collapsedSpec", "Specwright writes no collapsed single-file spec"),
            refused("includeCollapsedSpecInArtifacts", "Specwright writes no collapsed single-file spec", "false"),
            same("templateDirectory", "overrides Specwright's templates by name (README, pom, docs) and adds files;"
                    + " the Java sources are not rendered from templates, so the peer's api.mustache or"
                    + " pojo.mustache have no counterpart"),
            refused("templateResourcePath", "templates are read from a folder: use templateDirectory"),
            refused("userDefinedTemplateFiles", "a file added to templateDirectory is rendered per spec, per API, per"
                    + " model or per error catalogue by its name: no list is needed"),
            refused("engine", "templates are Mustache", "mustache"),
            refused("auth", "Specwright sends no credentials when it fetches a spec URL: download the spec in an"
                    + " earlier step, or serve it without credentials"),
            refused("configurationFile", "put the options in the plugin's configuration"),
            refused("skipOverwrite", "Specwright rewrites only the files it wrote and never replaces one edited by"
                    + " hand (the build fails naming it); to keep a file, list it in <output>/.specwright-ignore",
                    "false"),
            same("apiPackage", "default <invokerPackage>.api"),
            same("modelPackage", "default <invokerPackage>.model"),
            same("invokerPackage", "default derived from the client name"),
            noEffect("packageName", "the peer's java generator ignores it too (it is for other languages); the base"
                    + " package is invokerPackage"),
            same("groupId", "the generated project's groupId (layout=project)"),
            same("artifactId", "the generated project's artifactId (layout=project)"),
            same("artifactVersion", "the generated project's version (layout=project)"),
            refused("library", "Specwright's client is built on java.net.http and Jackson, the peer's library=native",
                    "native"),
            refused("modelNamePrefix", "rename models one by one with modelNameMappings"),
            refused("modelNameSuffix", "rename models one by one with modelNameMappings"),
            refused("apiNameSuffix", "API classes are named <Tag>Api"),
            refused("ignoreFileOverride", "list the files to keep in <output>/.specwright-ignore"),
            refused("httpUserAgent", "the User-Agent is set when the client is built (ClientOptions), not at"
                    + " generation"),
            refused("removeOperationIdPrefix", "rename operations one by one with operationIdNameMappings", "false"),
            noEffect("skipOperationExample", "Specwright generates no per-operation example code"),
            noEffect("logToStderr", "Specwright logs through Maven's log"),
            refused("enablePostProcessFile", "Specwright runs no post-processing command: its output is formatted"
                    + " already", "false"),
            refused("skipValidateSpec", "Specwright always validates: a defect it can tolerate is a warning, one it"
                    + " cannot is a located error to fix in the spec", "false"),
            noEffect("strictSpec", "Specwright has one set of rules: errors fail the build, tolerated defects warn"),
            refused("generateAliasAsModel", "a schema that only names an array or a map becomes List or Map where it"
                    + " is used", "false"),
            same("configOptions", "only the java generator's keys; each is judged on its own (the README's table)"),
            refused("instantiationTypes", "the collection types are fixed (List, Map, Set)"),
            mapped("importMappings", "schemaMappings", "a schema becomes the existing class and is not generated;"
                    + " an importMappings entry named by a typeMappings value gives that type's package instead"),
            same("schemaMappings", "a schema becomes the existing class and is not generated"),
            refused("inlineSchemaNameMappings", "inline schemas are named by Specwright's naming rules; rename the"
                    + " result with modelNameMappings"),
            refused("inlineSchemaOptions", "inline schemas are handled by Specwright's own rules"),
            same("nameMappings", "a property's JSON name to its Java name"),
            refused("parameterNameMappings", "parameter names cannot be mapped yet"),
            same("modelNameMappings", "a schema name to its class name"),
            same("enumNameMappings", "an enum value to its constant name"),
            same("operationIdNameMappings", "an operationId to its method name"),
            refused("openapiNormalizer", "Specwright applies no normalizer rules"),
            same("typeMappings", "Specwright's keys (date-time, string+uuid) and the peer's (DateTime, UUID)"),
            noEffect("languageSpecificPrimitives", "mapped types are written with their qualified name, so no list"
                    + " of types that need no import is needed"),
            refused("openapiGeneratorIgnoreList", "list the files to keep in <output>/.specwright-ignore"),
            same("additionalProperties", "only the java generator's configOptions keys, judged as in configOptions"
                    + " (the peer's templates read them there too)"),
            refused("serverVariableOverrides", "the client's environments come from the spec's servers and are"
                    + " chosen when the client is built"),
            refused("reservedWordsMappings", "Specwright escapes reserved words itself; rename with nameMappings"),
            same("generateApis", "the API classes, their params records and the client"),
            refused("apisToGenerate", "Specwright generates every API of the spec"),
            same("generateModels", "the models and enums"),
            noEffect("generateRecursiveDependentModels", "only used with modelsToGenerate, which Specwright does not"
                    + " support"),
            refused("modelsToGenerate", "Specwright generates every model the spec uses; use schemaMappings to use"
                    + " an existing class instead"),
            noEffect("generateSupportingFiles", "the client and what it needs are generated with the APIs"
                    + " (generateApis); the runtime is the specwright-runtime dependency"),
            refused("supportingFilesToGenerate", "the files the client needs are always generated with it"),
            refused("generateModelTests", "Specwright generates no test stubs", "false"),
            noEffect("generateModelDocumentation", "per-model docs are written only with layout=project"),
            refused("generateApiTests", "Specwright generates no test stubs", "false"),
            noEffect("generateApiDocumentation", "per-API docs are written only with layout=project"),
            same("skip", "sources generated earlier stay on the compile path"),
            same("skipIfSpecIsUnchanged", "default true here; the check covers every $ref'd file, the parameters,"
                    + " the templates and the plugin, and the outputs"),
            same("addCompileSourceRoot", "adds <output>/src/main/java"),
            refused("addTestCompileSourceRoot", "generate the client in the module whose main code uses it",
                    "false"),
            refused("dryRun", "Specwright has no dry run", "false"),
            refused("environmentVariables", "no global properties: use generateApis and generateModels"),
            refused("globalProperties", "no global properties: use generateApis and generateModels"),
            refused("configHelp", "run mvn specwright:help -Ddetail", "false"));

    /**
     * The java generator's configOptions keys (its docs/generators/java.md), alphabetical as there, then the older
     * spellings of plugin parameters its CodeGenMojo still reads from configOptions.
     */
    static final Map<String, Rule> CONFIG_OPTIONS = table(
            refused("additionalEnumTypeAnnotations", "add annotations with a GeneratorExtension"),
            refused("additionalModelTypeAnnotations", "add annotations with a GeneratorExtension"),
            refused("additionalOneOfTypeAnnotations", "add annotations with a GeneratorExtension"),
            refused("allowUnicodeIdentifiers", "Java names are made of ASCII letters and digits", "false"),
            refused("annotationLibrary", "Specwright adds no Swagger annotations", "none"),
            mapped("apiPackage", "apiPackage", ""),
            noEffect("artifactDescription", "the generated project's description is the spec's info.description"),
            mapped("artifactId", "artifactId", ""),
            noEffect("artifactUrl", "the generated project's URL is its scmUrl"),
            mapped("artifactVersion", "artifactVersion", ""),
            noEffect("asyncNative", "every API has both: <Tag>Api with blocking methods and <Tag>AsyncApi with"
                    + " CompletableFuture ones"),
            refused("bigDecimalAsString", "decimals are read and written as JSON numbers", "false"),
            refused("booleanGetterPrefix", "models are records (their accessors are the property names), or final"
                    + " classes with the same accessors when too large for a record", "get", "is"),
            refused("camelCaseDollarSign", "names starting with $ follow Specwright's naming rules", "false"),
            noEffect("caseInsensitiveResponseHeaders", "response headers are case-insensitive (java.net.http)"),
            noEffect("configKey", "only for library=microprofile, which Specwright does not support"),
            noEffect("configKeyFromClassName", "only for library=microprofile, which Specwright does not support"),
            refused("containerDefaultToNull", "Specwright's own rule for absent arrays and maps applies", "false"),
            refused("dateLibrary", "dates are java.time (dateLibrary=java8); another Java type for a format is a"
                    + " typeMappings entry", "java8"),
            noEffect("developerEmail", "a generated project's pom names no developers"),
            noEffect("developerName", "a generated project's pom names no developers"),
            noEffect("developerOrganization", "a generated project's pom names no developers"),
            noEffect("developerOrganizationUrl", "a generated project's pom names no developers"),
            noEffect("disableHtmlEscaping", "only for Gson, which Specwright does not use"),
            noEffect("disallowAdditionalPropertiesIfNotPresent", "Specwright's own rule for additionalProperties"
                    + " applies"),
            noEffect("discriminatorCaseSensitive", "Specwright's own rule for discriminator values applies"),
            refused("documentationProvider", "the generated code does not publish the spec", "none"),
            refused("dynamicOperations", "operations are generated, not built at run time", "false"),
            noEffect("ensureUniqueParams", "parameter names are made unique by Specwright's naming rules"),
            refused("enumPropertyNaming", "enum constants are MACRO_CASE; rename one with enumNameMappings",
                    "macro_case"),
            noEffect("enumUnknownDefaultCase", "enums are open: a value the spec does not list is kept, not a"
                    + " failure"),
            noEffect("errorObjectType", "only for library=okhttp-gson; typed errors come from errorCatalog"),
            refused("failOnUnknownProperties", "models accept properties the spec does not list", "false"),
            noEffect("generateBuilders", "a model the client sends always has a builder (build() refuses a missing"
                    + " required field); a model it only reads is built by Jackson"),
            refused("generateClientAsBean", "Specwright generates no Spring beans", "false"),
            noEffect("generateConstructorWithAllArgs", "models are records, whose canonical constructor takes every"
                    + " property (a model too large for a record is built through its builder)"),
            noEffect("gradleProperties", "Specwright writes no Gradle build"),
            mapped("groupId", "groupId", ""),
            noEffect("hideGenerationTimestamp", "Specwright writes no timestamp: its output is byte-identical from"
                    + " run to run"),
            refused("ignoreAnyOfInEnum", "Specwright's own rule for anyOf applies", "false"),
            refused("implicitHeaders", "Specwright adds no Swagger annotations", "false"),
            refused("implicitHeadersRegex", "Specwright adds no Swagger annotations"),
            mapped("invokerPackage", "invokerPackage", ""),
            noEffect("java8", "the generated code needs Java 17"),
            noEffect("legacyDiscriminatorBehavior", "Specwright's own rule for discriminators applies"),
            refused("library", "Specwright's client is built on java.net.http and Jackson, the peer's library=native",
                    "native"),
            mapped("licenseName", "licenseName", ""),
            mapped("licenseUrl", "licenseUrl", ""),
            noEffect("microprofileFramework", "only for library=microprofile, which Specwright does not support"),
            noEffect("microprofileMutiny", "only for library=microprofile, which Specwright does not support"),
            noEffect("microprofileRestClientVersion", "only for library=microprofile, which Specwright does not"
                    + " support"),
            mapped("modelPackage", "modelPackage", ""),
            noEffect("openApiNullable", "Specwright does not use jackson-databind-nullable; its own rule for"
                    + " nullable properties applies"),
            refused("parcelableModel", "Specwright generates no Android Parcelable models", "false"),
            refused("parentArtifactId", "a generated project has no parent pom"),
            refused("parentGroupId", "a generated project has no parent pom"),
            refused("parentVersion", "a generated project has no parent pom"),
            refused("performBeanValidation", "the client does not run a validator; useBeanValidation only adds the"
                    + " annotations", "false"),
            refused("prependFormOrBodyParameters", "the parameter order is Specwright's own", "false"),
            mapped("scmConnection", "scmConnection", ""),
            mapped("scmDeveloperConnection", "scmDeveloperConnection", ""),
            mapped("scmUrl", "scmUrl", ""),
            refused("serializableModel", "models do not implement Serializable", "false"),
            refused("serializationLibrary", "JSON is read and written by Jackson", "jackson"),
            refused("snapshotVersion", "give the version itself in artifactVersion (e.g. 1.0.0-SNAPSHOT)", "false"),
            noEffect("sortModelPropertiesByRequiredFlag", "Specwright's own order of properties applies"),
            noEffect("sortParamsByRequiredFlag", "Specwright's own order of parameters applies"),
            refused("sourceFolder", "the sources land in <output>/src/main/java", "src/main/java"),
            refused("supportStreaming", "not supported by Specwright", "false"),
            refused("supportUrlQuery", "models have no toUrlQueryString", "false"),
            noEffect("supportVertxFuture", "only for library=vertx, which Specwright does not support"),
            noEffect("testOutput", "Specwright generates no test stubs"),
            refused("useAbstractionForFiles", "binary bodies use the runtime's Binary type", "false"),
            mapped("useBeanValidation", "useBeanValidation", "Jakarta Validation annotations from the spec's"
                    + " constraints"),
            refused("useEnumCaseInsensitive", "enum values are matched exactly", "false"),
            refused("useGzipFeature", "the client does not gzip requests", "false"),
            noEffect("useJakartaEe", "the only EE API the generated code uses is Jakarta Validation"
                    + " (useBeanValidation), always jakarta.validation"),
            noEffect("useOneOfDiscriminatorLookup", "Specwright's own rule for oneOf applies"),
            refused("useOneOfInterfaces", "Specwright's own representation of oneOf applies", "false"),
            refused("usePlayWS", "Specwright's client is built on java.net.http", "false"),
            refused("useReflectionEqualsHashCode", "equals and hashCode are generated (the record's, or written out)",
                    "false"),
            noEffect("useRuntimeException", "Specwright's ApiException is a RuntimeException already"),
            refused("useRxJava2", "Specwright's async API uses CompletableFuture", "false"),
            refused("useRxJava3", "Specwright's async API uses CompletableFuture", "false"),
            refused("useSingleRequestParameter", "Specwright's own params records apply", "false"),
            refused("webclientBlockingOperations", "Specwright's client is built on java.net.http", "false"),
            refused("withAWSV4Signature", "Specwright generates no AWS v4 signing", "false"),
            refused("withXml", "models carry no XML annotations", "false"),
            // the older spellings the peer still reads from configOptions, each a comma-separated key=value list
            mapped("type-mappings", "typeMappings", "the peer's older spelling"),
            mapped("import-mappings", "importMappings", "the peer's older spelling"),
            mapped("schema-mappings", "schemaMappings", "the peer's older spelling"),
            mapped("name-mappings", "nameMappings", "the peer's older spelling"),
            mapped("model-name-mappings", "modelNameMappings", "the peer's older spelling"),
            mapped("operation-id-name-mappings", "operationIdNameMappings", "the peer's older spelling"),
            mapped("enum-name-mappings", "enumNameMappings", "the peer's older spelling"),
            refused("parameter-name-mappings", "parameter names cannot be mapped yet"),
            refused("instantiation-types", "the collection types are fixed (List, Map, Set)"),
            refused("inline-schema-name-mappings", "inline schemas are named by Specwright's naming rules; rename the"
                    + " result with modelNameMappings"),
            refused("inline-schema-options", "inline schemas are handled by Specwright's own rules"),
            refused("openapi-normalizer", "Specwright applies no normalizer rules"),
            noEffect("language-specific-primitives", "mapped types are written with their qualified name"),
            refused("openapi-generator-ignore-list", "list the files to keep in <output>/.specwright-ignore"),
            refused("additional-properties", "give them as <additionalProperties> items"),
            refused("server-variables", "the client's environments come from the spec's servers"),
            refused("reserved-words-mappings", "Specwright escapes reserved words itself; rename with nameMappings"));

    private PeerParameters() {
    }

    /**
     * Judges values set under {@code where} ({@code configOptions}, {@code additionalProperties}, or the plugin's
     * own parameters with {@code where} empty): a name the table does not know is a refusal too when
     * {@code unknownRefused}.
     */
    static Judgement judge(String where, Map<String, Rule> rules, Map<String, String> values, boolean unknownRefused) {
        List<String> notes = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        Map<String, String> mapped = new LinkedHashMap<>();
        String prefix = where.isEmpty() ? "" : where + ".";
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue();
            Rule rule = rules.get(name);
            if (rule == null) {
                if (unknownRefused) {
                    refusals.add("<" + prefix + name + ">: unknown key " + quoted(name) + " (not an option of"
                            + " openapi-generator's java generator, nor of Specwright). Fix: remove it, or correct"
                            + " its name" + nearest(name, rules) + ".");
                }
                continue;
            }
            switch (rule.verdict()) {
                case SAME -> { }
                case MAPPED -> mapped.put(rule.ours(), value);
                case NO_EFFECT -> notes.add("<" + prefix + name + "> has no effect in Specwright: " + rule.why() + ".");
                case REFUSED -> {
                    if (!rule.asksForNothing(value)) {
                        refusals.add("<" + prefix + name + ">" + (value.isBlank() ? "" : " = " + quoted(value))
                                + " is not supported by Specwright: " + rule.why() + ". Fix: remove it"
                                + (rule.harmless().isEmpty() ? "" : " (or set it to "
                                        + String.join(" or ", rule.harmless().stream().sorted().toList()) + ")")
                                + ".");
                    }
                }
                default -> throw new IllegalStateException(rule.verdict().toString());
            }
        }
        return new Judgement(List.copyOf(notes), List.copyOf(refusals), mapped);
    }

    private static String nearest(String name, Map<String, Rule> rules) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : rules.keySet()) {
            int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 4) ? " (did you mean " + best + "?)" : "";
    }

    private static int distance(String a, String b) {
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

    static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static Map<String, Rule> table(Rule... rules) {
        Map<String, Rule> map = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (map.put(rule.name(), rule) != null) {
                throw new IllegalStateException("judged twice: " + rule.name());
            }
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static Rule same(String name, String note) {
        return new Rule(name, Verdict.SAME, name, Set.of(), note);
    }

    private static Rule mapped(String name, String ours, String note) {
        return new Rule(name, Verdict.MAPPED, ours, Set.of(), note);
    }

    private static Rule noEffect(String name, String why) {
        return new Rule(name, Verdict.NO_EFFECT, "", Set.of(), why);
    }

    private static Rule refused(String name, String why, String... harmless) {
        return new Rule(name, Verdict.REFUSED, "", Set.of(harmless), why);
    }
}
