package dev.specwright.generator.naming;

import dev.specwright.generator.model.ApiGroup;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.EnumDef;
import dev.specwright.generator.model.ErrorCatalog;
import dev.specwright.generator.model.ModelDef;
import dev.specwright.generator.model.Operation;
import dev.specwright.generator.model.Parameter;
import dev.specwright.generator.model.UnionDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The last pass of the build: proves that every namespace of the model (each package's types, each class's members,
 * each enum's constants, the catalogue's codes and categories) holds legal Java identifiers, none twice, also not by
 * case (two files {@code Foo.java} and {@code FOO.java} overwrite each other on macOS and Windows). The allocation in
 * {@link NameScope} makes this so; a violation is a bug of the generator, not of the spec, so it is an
 * {@link IllegalStateException} naming the scope and the names, never a silently dropped constant or an uncompilable
 * file.
 */
public final class NameValidation {

    /** Restricted identifiers: legal as members, not as type names. */
    private static final Set<String> RESTRICTED_TYPE_NAMES = Set.of("var", "yield", "record", "sealed", "permits");

    private NameValidation() {}

    /**
     * Why {@code name}, chosen by the user ({@code nameMappings}), cannot name a generated type, or empty when it can:
     * a legal identifier, no keyword nor restricted identifier, no {@code java.lang} type, usable as a file name.
     */
    public static java.util.Optional<String> typeNameProblem(String name) {
        if (!SourceVersion.isIdentifier(name) || name.equals("_")) {
            return java.util.Optional.of("\"" + name + "\" is not a Java identifier");
        }
        if (SourceVersion.isKeyword(name) || RESTRICTED_TYPE_NAMES.contains(name)) {
            return java.util.Optional.of("\"" + name + "\" is a Java keyword or restricted identifier");
        }
        if (JavaNames.shadowsJavaLang(name)) {
            return java.util.Optional.of("\"" + name + "\" would hide java.lang." + name);
        }
        if (!JavaNames.fileSafeTypeName(name).equals(name)) {
            return java.util.Optional.of("\"" + name + "\" cannot name a file on every system (too long, or a Windows device name)");
        }
        return java.util.Optional.empty();
    }

    /**
     * Why {@code name}, chosen by the user ({@code nameMappings}), cannot name a generated member (a record component,
     * a method, a constant), or empty when it can.
     */
    public static java.util.Optional<String> memberNameProblem(String name) {
        if (!SourceVersion.isIdentifier(name) || name.equals("_")) {
            return java.util.Optional.of("\"" + name + "\" is not a Java identifier");
        }
        if (SourceVersion.isKeyword(name)) {
            return java.util.Optional.of("\"" + name + "\" is a Java keyword");
        }
        return java.util.Optional.empty();
    }

    public static void check(ApiModel model) {
        List<String> violations = new ArrayList<>();
        packages(model).forEach((pkg, names) -> check(violations, "the types of package " + pkg, names, true));
        for (ModelDef m : model.models()) {
            List<String> members = new ArrayList<>(m.properties().stream().map(ModelDef.Property::javaName).toList());
            m.additional().ifPresent(a -> members.add(a.javaName()));
            check(violations, "the components of record " + m.className(), members, false);
        }
        for (EnumDef e : model.enums()) {
            List<String> constants = new ArrayList<>(e.constants().stream().map(EnumDef.Constant::javaName).toList());
            constants.add(DerivedNames.UNKNOWN);
            check(violations, "the constants of enum " + e.className() + "." + e.knownName(), constants, false);
            check(violations, "the types in " + e.className(), List.of(e.className(), e.knownName()), true);
        }
        for (UnionDef u : model.unions()) {
            // a variant model inherits the union's nested types: its own name must be clear of them too
            List<String> nested = new ArrayList<>(List.of(u.className(), u.unknownName(), u.decoderName()));
            u.variants().forEach(v -> v.wrapper().ifPresentOrElse(nested::add,
                    () -> nested.add(((dev.specwright.generator.model.TypeRef.Named) v.type()).className())));
            check(violations, "the types in union " + u.className(), nested, true);
        }
        List<String> accessors = new ArrayList<>(List.of("builder", "apiClient"));
        for (ApiGroup g : model.apis()) {
            accessors.add(g.accessorName());
            List<String> methods = new ArrayList<>(DerivedNames.API_MEMBERS);
            methods.addAll(JavaNames.OBJECT_METHODS);
            List<String> asyncMethods = new ArrayList<>(methods);
            for (Operation op : g.operations()) {
                methods.add(op.methodName());
                methods.add(op.requestMethodName());
                asyncMethods.add(op.methodName());
                model.forms(op).ifPresent(f -> {
                    methods.add(f.responseMethodName());
                    asyncMethods.add(f.responseMethodName());
                });
                operation(violations, g, op);
            }
            check(violations, "the methods of " + g.className(), methods, false);
            check(violations, "the methods of " + g.asyncClassName(), asyncMethods, false);
        }
        check(violations, "the methods of " + model.clientClassName(), accessors, false);
        check(violations, "the factories of " + model.baseTypes().environment(), servers(model), false);
        check(violations, "the factories of " + model.baseTypes().credentials(),
                model.credentialFactories().stream().map(ApiModel.CredentialFactory::methodName).toList(), false);
        model.errorCatalog().ifPresent(c -> catalogue(violations, model, c));
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Specwright gave clashing or illegal Java names (a bug of the generator;"
                    + " please report it with the spec): " + String.join("; ", violations));
        }
    }

    private static void operation(List<String> violations, ApiGroup g, Operation op) {
        String where = g.className() + "." + op.methodName();
        List<String> parameters = new ArrayList<>(op.parameters().stream().map(Parameter::javaName).toList());
        op.body().ifPresent(b -> parameters.add(b.javaName()));
        check(violations, "the parameters of " + where, parameters, false);
        op.paramsClassName().ifPresent(params -> {
            List<String> setters = new ArrayList<>();
            for (Parameter p : op.optionalParameters()) {
                setters.add(p.javaName());
                p.fieldFilter().ifPresent(f -> setters.add(f.namesMethod()));
            }
            // the record's components are the setters' names: both lists are the same namespace check
            check(violations, "the setters of " + params + ".Builder", setters, false);
        });
    }

    private static List<String> servers(ApiModel model) {
        List<String> factories = new ArrayList<>(List.of("custom", "baseUri"));
        // a factory may come twice: in full and with the shared variables' defaults, which differ in their parameters
        model.servers().stream().map(ApiModel.ServerDef::factoryName).distinct().forEach(factories::add);
        return factories;
    }

    private static void catalogue(List<String> violations, ApiModel model, ErrorCatalog catalog) {
        List<String> categories = new ArrayList<>(catalog.categories().stream().map(ErrorCatalog.Category::javaName).toList());
        categories.add(DerivedNames.UNKNOWN);
        check(violations, "the constants of " + model.baseTypes().errorCategory(), categories, false);
        List<String> codes = new ArrayList<>(catalog.entries().stream().map(ErrorCatalog.Entry::javaName).toList());
        codes.add(DerivedNames.UNKNOWN);
        codes.add(DerivedNames.ERROR_CODE_INDEX);
        check(violations, "the constants of " + model.baseTypes().errorCode(), codes, false);
        Set<String> values = new java.util.HashSet<>();
        catalog.categories().forEach(c -> {
            if (!values.add(c.value())) {
                violations.add("the catalogue's categories: " + c.value() + " twice");
            }
        });
        catalog.entries().stream().map(ErrorCatalog.Entry::written).forEach(e -> {
            if (!values.contains(e.category())) {
                violations.add("the catalogue's entry " + e.name() + ": its category " + e.category() + " has no constant");
            }
        });
    }

    /** Each package's types: packages the user made the same (base = model) are one namespace. */
    private static Map<String, List<String>> packages(ApiModel model) {
        Map<String, List<String>> byPackage = new LinkedHashMap<>();
        List<String> modelTypes = byPackage.computeIfAbsent(model.packages().model(), p -> new ArrayList<>());
        model.models().forEach(m -> {
            modelTypes.add(m.className());
            m.fieldEnum().ifPresent(modelTypes::add);
        });
        model.enums().forEach(e -> modelTypes.add(e.className()));
        model.unions().forEach(u -> modelTypes.add(u.className()));
        List<String> apiTypes = byPackage.computeIfAbsent(model.packages().api(), p -> new ArrayList<>());
        for (ApiGroup g : model.apis()) {
            apiTypes.add(g.className());
            apiTypes.add(g.asyncClassName());
            g.operations().forEach(op -> op.paramsClassName().ifPresent(apiTypes::add));
        }
        List<String> baseTypes = byPackage.computeIfAbsent(model.packages().base(), p -> new ArrayList<>());
        ApiModel.BaseTypes base = model.baseTypes();
        baseTypes.addAll(List.of(base.client(), base.environment(), base.credentials()));
        model.errorCatalog().ifPresent(c -> {
            baseTypes.addAll(List.of(base.errorCode(), base.errorCategory(), base.apiException(), base.errorDecoder()));
            c.categories().forEach(category -> baseTypes.add(category.exceptionClass()));
        });
        return byPackage;
    }

    private static void check(List<String> violations, String scope, List<String> names, boolean types) {
        Map<String, List<String>> folded = new LinkedHashMap<>();
        List<String> illegal = new ArrayList<>();
        for (String name : names) {
            folded.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(name);
            if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name) || name.equals("_")
                    || (types && (RESTRICTED_TYPE_NAMES.contains(name) || JavaNames.shadowsJavaLang(name)))) {
                illegal.add(name);
            }
        }
        List<String> clashes = folded.values().stream().filter(l -> l.size() > 1).map(l -> String.join(" = ", l)).toList();
        if (!clashes.isEmpty()) {
            violations.add(scope + ": " + String.join(", ", clashes) + " (the same name, or the same ignoring case)");
        }
        if (!illegal.isEmpty()) {
            violations.add(scope + ": " + String.join(", ", illegal) + " (not a legal Java name there)");
        }
    }
}
