package dev.specwright.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PeerParametersTest {

    /** openapi-generator-maven-plugin 7.x's CodeGenMojo parameters, as it declares them. */
    static final List<String> PEER_PARAMETERS = List.of("verbose", "generatorName", "output", "cleanupOutput",
            "inputSpec", "inputSpecRootDirectory", "mergedFileName", "mergedFileInfoName", "mergedFileInfoDescription",
            "mergedFileInfoVersion", "gitHost", "gitUserId", "gitRepoId", "collapsedSpec",
            "includeCollapsedSpecInArtifacts", "templateDirectory", "templateResourcePath", "userDefinedTemplateFiles",
            "engine", "auth", "configurationFile", "skipOverwrite", "apiPackage", "modelPackage", "invokerPackage",
            "packageName", "groupId", "artifactId", "artifactVersion", "library", "modelNamePrefix", "modelNameSuffix",
            "apiNameSuffix", "ignoreFileOverride", "httpUserAgent", "removeOperationIdPrefix", "skipOperationExample",
            "logToStderr", "enablePostProcessFile", "skipValidateSpec", "strictSpec", "generateAliasAsModel",
            "configOptions", "instantiationTypes", "importMappings", "schemaMappings", "inlineSchemaNameMappings",
            "inlineSchemaOptions", "nameMappings", "parameterNameMappings", "modelNameMappings", "enumNameMappings",
            "operationIdNameMappings", "openapiNormalizer", "typeMappings", "languageSpecificPrimitives",
            "openapiGeneratorIgnoreList", "additionalProperties", "serverVariableOverrides", "reservedWordsMappings",
            "generateApis", "apisToGenerate", "generateModels", "generateRecursiveDependentModels", "modelsToGenerate",
            "generateSupportingFiles", "supportingFilesToGenerate", "generateModelTests", "generateModelDocumentation",
            "generateApiTests", "generateApiDocumentation", "skip", "skipIfSpecIsUnchanged", "addCompileSourceRoot",
            "addTestCompileSourceRoot", "dryRun", "environmentVariables", "globalProperties", "configHelp");

    @Test
    void everyParameterOfThePeerIsJudgedAndDeclared() throws Exception {
        assertThat(PeerParameters.PLUGIN.keySet()).containsExactlyElementsOf(PEER_PARAMETERS);
        Map<String, Element> declared = goalParameters("generate");
        // a copied block is read and judged, never silently dropped
        assertThat(declared.keySet()).containsAll(PEER_PARAMETERS);
    }

    /**
     * The plugin descriptor maven-plugin-plugin wrote from the annotations and Javadoc: every parameter has a
     * description, {@code @since 0.1.0} and the property {@code specwright.<name>} (but the maps, which Maven
     * cannot set from a property).
     */
    @Test
    void everyParameterHasItsJavadocSinceAndNamespacedProperty() throws Exception {
        Document descriptor = descriptor();
        Map<String, Element> declared = goalParameters("generate");
        Element configuration = (Element) mojo(descriptor, "generate").getElementsByTagName("configuration").item(0);
        int checked = 0;
        for (Map.Entry<String, Element> entry : declared.entrySet()) {
            String name = entry.getKey();
            Element parameter = entry.getValue();
            if (text(parameter, "editable").equals("false")) {
                continue; // ${project}, ${plugin}, ${mojoExecution}
            }
            checked++;
            assertThat(text(parameter, "description")).as(name).isNotBlank().hasSizeGreaterThan(20);
            assertThat(text(parameter, "since")).as(name).isEqualTo("0.1.0");
            NodeList expression = configuration.getElementsByTagName(name);
            if (text(parameter, "type").equals("java.util.Map")) {
                assertThat(expression.getLength()).as(name).isZero();
            } else {
                assertThat(expression.getLength()).as(name).isEqualTo(1);
                assertThat(expression.item(0).getTextContent()).as(name)
                        .isEqualTo("${specwright." + name + "}");
            }
        }
        assertThat(checked).isGreaterThan(90);
        assertThat(mojo(descriptor, "help")).isNotNull(); // the help goal
        assertThat(text(mojo(descriptor, "generate"), "requiresDependencyResolution")).isEqualTo("compile");
    }

    private static Document descriptor() throws Exception {
        try (InputStream in = GenerateMojo.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in).as("plugin.xml (written by maven-plugin-plugin into target/classes)").isNotNull();
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    private static Element mojo(Document descriptor, String goal) {
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (text(mojo, "goal").equals(goal)) {
                return mojo;
            }
        }
        return null;
    }

    private static Map<String, Element> goalParameters(String goal) throws Exception {
        Element mojo = mojo(descriptor(), goal);
        Element parameters = (Element) mojo.getElementsByTagName("parameters").item(0);
        Map<String, Element> byName = new LinkedHashMap<>();
        NodeList list = parameters.getElementsByTagName("parameter");
        for (int i = 0; i < list.getLength(); i++) {
            Element parameter = (Element) list.item(i);
            byName.put(text(parameter, "name"), parameter);
        }
        return byName;
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(child)) {
                return element.getTextContent();
            }
        }
        return "";
    }

    /** Each refused peer-only parameter set to a value that asks for something fails naming it: all are wired. */
    @Test
    void everyRefusedPeerParameterFailsNamingItAndEveryNoEffectOneIsLogged() throws Exception {
        for (PeerParameters.Rule rule : PeerParameters.PLUGIN.values()) {
            if (rule.verdict() == PeerParameters.Verdict.SAME || rule.verdict() == PeerParameters.Verdict.MAPPED) {
                continue;
            }
            GenerateMojo mojo = new GenerateMojo();
            Field field = GenerateMojo.class.getDeclaredField(rule.name());
            field.setAccessible(true);
            field.set(mojo, asking(field.getType()));

            Map<String, String> set = mojo.peerOnlyValues();
            assertThat(set).as(rule.name()).containsOnlyKeys(rule.name());
            PeerParameters.Judgement judgement = PeerParameters.judge("", PeerParameters.PLUGIN, set, false);
            if (rule.verdict() == PeerParameters.Verdict.REFUSED) {
                assertThat(judgement.refusals()).as(rule.name()).singleElement().asString()
                        .startsWith("<" + rule.name() + ">").contains("is not supported by Specwright: ")
                        .contains("Fix: ");
            } else {
                assertThat(judgement.refusals()).as(rule.name()).isEmpty();
                assertThat(judgement.notes()).as(rule.name()).singleElement().asString()
                        .startsWith("<" + rule.name() + "> has no effect in Specwright: ");
            }
        }
    }

    private static Object asking(Class<?> type) {
        if (type == Boolean.class) {
            return Boolean.TRUE;
        }
        if (type == String.class) {
            return "something-else";
        }
        if (type == List.class) {
            return List.of("a=b");
        }
        if (type == Map.class) {
            return Map.of("a", "b");
        }
        throw new AssertionError(type);
    }

    @Test
    void theOffValueOfARefusedParameterAsksForNothing() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("generatorName", "java");
        set.put("library", "native");
        set.put("generateApiTests", "false");
        set.put("skipValidateSpec", "false");
        set.put("engine", "Mustache");

        PeerParameters.Judgement judgement = PeerParameters.judge("", PeerParameters.PLUGIN, set, false);

        assertThat(judgement.refusals()).isEmpty();
        assertThat(judgement.notes()).isEmpty();
    }

    @Test
    void aGeneratorOtherThanJavaIsRefusedNamingIt() {
        PeerParameters.Judgement judgement = PeerParameters.judge("", PeerParameters.PLUGIN,
                Map.of("generatorName", "spring"), false);

        assertThat(judgement.refusals()).containsExactly("<generatorName> = \"spring\" is not supported by"
                + " Specwright: Specwright generates one thing, a Java client: generatorName must be java (or left"
                + " out). Fix: remove it (or set it to java).");
    }

    @Test
    void configOptionsThatMeanWhatWeDoPassAndTheOthersFailNamingTheKey() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("dateLibrary", "java8");
        options.put("library", "native");
        options.put("serializationLibrary", "jackson");
        options.put("sourceFolder", "src/main/java");
        options.put("useJakartaEe", "true");
        options.put("hideGenerationTimestamp", "true");
        options.put("enumPropertyNaming", "MACRO_CASE");
        options.put("apiPackage", "com.example.api");
        options.put("useBeanValidation", "true");

        PeerParameters.Judgement fine = PeerParameters.judge("configOptions", PeerParameters.CONFIG_OPTIONS, options,
                true);

        assertThat(fine.refusals()).isEmpty();
        assertThat(fine.mapped()).containsOnly(Map.entry("apiPackage", "com.example.api"),
                Map.entry("useBeanValidation", "true"));
        assertThat(fine.notes()).containsExactly(
                "<configOptions.useJakartaEe> has no effect in Specwright: the only EE API the generated code uses is"
                        + " Jakarta Validation (useBeanValidation), always jakarta.validation.",
                "<configOptions.hideGenerationTimestamp> has no effect in Specwright: Specwright writes no timestamp:"
                        + " its output is byte-identical from run to run.");

        Map<String, String> asking = new LinkedHashMap<>();
        asking.put("dateLibrary", "joda");
        asking.put("library", "okhttp-gson");
        asking.put("sourceFolder", "src/gen/java");
        asking.put("dateLibary", "java8");
        PeerParameters.Judgement refused = PeerParameters.judge("configOptions", PeerParameters.CONFIG_OPTIONS,
                asking, true);

        assertThat(refused.refusals()).hasSize(4);
        assertThat(refused.refusals().get(0)).startsWith("<configOptions.dateLibrary> = \"joda\" is not supported")
                .endsWith("Fix: remove it (or set it to java8).");
        assertThat(refused.refusals().get(1)).startsWith("<configOptions.library> = \"okhttp-gson\"");
        assertThat(refused.refusals().get(2)).startsWith("<configOptions.sourceFolder> = \"src/gen/java\"");
        assertThat(refused.refusals().get(3)).isEqualTo("<configOptions.dateLibary>: unknown key \"dateLibary\" (not"
                + " an option of openapi-generator's java generator, nor of Specwright). Fix: remove it, or correct"
                + " its name (did you mean dateLibrary?).");
    }

    @Test
    void anUnknownKeyFarFromEveryKnownOneSuggestsNothing() {
        PeerParameters.Judgement judgement = PeerParameters.judge("configOptions", PeerParameters.CONFIG_OPTIONS,
                Map.of("frobnicateEverything", "yes"), true);

        assertThat(judgement.refusals()).singleElement().asString().doesNotContain("did you mean")
                .contains("unknown key \"frobnicateEverything\"");
    }

    @Test
    void configOptionsThatContradictOurParameterFailNamingBoth() throws Exception {
        GenerateMojo mojo = new GenerateMojo();
        set(mojo, "apiPackage", "com.example.api");
        set(mojo, "configOptions", Map.of("apiPackage", "com.example.other", "modelPackage", "com.example.model"));

        assertThatThrownBy(mojo::settings).isInstanceOf(MojoFailureException.class)
                .hasMessage("Specwright <configOptions.apiPackage> = \"com.example.other\" contradicts <apiPackage> ="
                        + " \"com.example.api\". Fix: keep one of them.");

        set(mojo, "configOptions", Map.of("apiPackage", "com.example.api", "modelPackage", "com.example.model",
                "useBeanValidation", "true"));
        GenerateMojo.Settings settings = mojo.settings();
        assertThat(settings.value("apiPackage")).contains("com.example.api");
        assertThat(settings.value("modelPackage")).contains("com.example.model");
        assertThat(settings.beanValidation()).isTrue();
    }

    @Test
    void javaxValidationIsRefusedWithBeanValidation() throws Exception {
        GenerateMojo mojo = new GenerateMojo();
        set(mojo, "configOptions", Map.of("useBeanValidation", "true", "useJakartaEe", "false"));

        assertThatThrownBy(mojo::settings).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<configOptions.useJakartaEe> = \"false\" asks for javax.validation");
    }

    @Test
    void severalRefusalsAreReportedTogetherOnePerLine() throws Exception {
        GenerateMojo mojo = new GenerateMojo();
        set(mojo, "generatorName", "kotlin");
        set(mojo, "generateApiTests", Boolean.TRUE);
        set(mojo, "configOptions", Map.of("library", "feign"));

        assertThatThrownBy(mojo::settings).isInstanceOf(MojoFailureException.class)
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(4)
                        .first().isEqualTo("Specwright cannot honour 3 settings:"));
    }

    @Test
    void importMappingsNamedByATypeMappingGiveItsPackageTheOthersAreSchemaMappings() throws Exception {
        GenerateMojo mojo = new GenerateMojo();
        set(mojo, "typeMappings", List.of("DateTime=Instant", "string+uuid=java.util.UUID"));
        set(mojo, "importMappings", List.of("Instant=java.time.Instant", "Money=com.example.Money"));
        set(mojo, "schemaMappings", List.of("Price=com.example.Price"));

        GenerateMojo.Settings settings = mojo.settings();

        assertThat(settings.typeMappings()).containsExactly(Map.entry("DateTime", "java.time.Instant"),
                Map.entry("string+uuid", "java.util.UUID"));
        assertThat(settings.schemaMappings()).containsExactly(Map.entry("Money", "com.example.Money"),
                Map.entry("Price", "com.example.Price"));
    }

    @Test
    void thePeersOlderConfigOptionsSpellingsOfTheMapsAddToOurs() throws Exception {
        GenerateMojo mojo = new GenerateMojo();
        set(mojo, "typeMappings", List.of("date-time=java.time.Instant"));
        set(mojo, "configOptions", Map.of("type-mappings", "string+uuid=java.util.UUID",
                "import-mappings", "Money=com.example.Money", "name-mappings", "_type=typeName"));

        GenerateMojo.Settings settings = mojo.settings();

        assertThat(settings.typeMappings()).containsExactly(Map.entry("date-time", "java.time.Instant"),
                Map.entry("string+uuid", "java.util.UUID"));
        assertThat(settings.schemaMappings()).containsExactly(Map.entry("Money", "com.example.Money"));
        assertThat(settings.names().properties()).containsExactly(Map.entry("_type", "typeName"));

        set(mojo, "configOptions", Map.of("type-mappings", "date-time=java.time.OffsetDateTime"));
        assertThatThrownBy(mojo::settings).hasMessageContaining("the key \"date-time\" is given twice");
    }

    @Test
    void anImportMappingContradictingASchemaMappingFails() throws Exception {
        GenerateMojo mojo = new GenerateMojo();
        set(mojo, "importMappings", List.of("Money=com.example.Money"));
        set(mojo, "schemaMappings", List.of("Money=com.other.Money"));

        assertThatThrownBy(mojo::settings).isInstanceOf(MojoFailureException.class)
                .hasMessage("Specwright <schemaMappings> Money=com.other.Money contradicts <importMappings>"
                        + " Money=com.example.Money. Fix: keep one of them.");
    }

    @Test
    void theTableNamesEachKeyOnceAndEveryRefusalSaysWhy() {
        List<PeerParameters.Rule> all = new ArrayList<>(PeerParameters.PLUGIN.values());
        all.addAll(PeerParameters.CONFIG_OPTIONS.values());
        for (PeerParameters.Rule rule : all) {
            if (rule.verdict() != PeerParameters.Verdict.MAPPED) {
                assertThat(rule.why()).as(rule.name()).isNotBlank().doesNotEndWith(".");
            }
            assertThat(rule.harmless()).as(rule.name())
                    .allSatisfy(value -> assertThat(value).isLowerCase());
        }
        assertThat(Arrays.asList("dateLibrary", "library", "sourceFolder", "useJakartaEe", "useBeanValidation"))
                .allSatisfy(key -> assertThat(PeerParameters.CONFIG_OPTIONS).containsKey(key));
    }

    static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = GenerateMojo.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
