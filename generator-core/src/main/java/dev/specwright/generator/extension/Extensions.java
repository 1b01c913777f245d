package dev.specwright.generator.extension;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specwright.generator.CustomizationException;
import dev.specwright.generator.emit.EmitContext;
import dev.specwright.generator.emit.Emitters;
import dev.specwright.generator.emit.FileEmitter;
import dev.specwright.generator.emit.GeneratedFile;
import dev.specwright.generator.model.ApiGroup;
import dev.specwright.generator.model.ApiModel;
import dev.specwright.generator.model.ModelDef;
import dev.specwright.generator.model.Operation;
import dev.specwright.generator.naming.JavaNames;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;

/**
 * The extensions of one generator: loaded once ({@link #load}), then run for each generation ({@link #run}). This is
 * the generator's side of the {@link GeneratorExtension} SPI, not part of it: extensions never see this class.
 */
public final class Extensions {

    /** No extension: every hook is the identity and no emitter is added. */
    public static final Extensions NONE = new Extensions(List.of());

    private static final String OPTION = "extensions";

    private final List<Loaded> loaded;

    private Extensions(List<Loaded> loaded) {
        this.loaded = List.copyOf(loaded);
    }

    /** One extension, with the words that name it in messages: {@code audited (com.example.AuditedExtension)}. */
    private record Loaded(GeneratorExtension extension, String label) {}

    /**
     * The classes named in {@code named}, in that order, then every other {@link GeneratorExtension} that
     * {@link ServiceLoader} finds through {@code loader}, sorted by class name; each class once.
     *
     * @throws CustomizationException (option {@code extensions}) a named class is missing, is not an extension, or has
     *     no public no-argument constructor; a service file names a class that cannot be loaded; a constructor threw
     */
    public static Extensions load(List<String> named, ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        Map<String, Class<? extends GeneratorExtension>> classes = new LinkedHashMap<>();
        for (String name : named) {
            String className = name.strip();
            if (!className.isEmpty() && !classes.containsKey(className)) {
                classes.put(className, namedClass(className, loader));
            }
        }
        List<Class<? extends GeneratorExtension>> discovered = new ArrayList<>();
        try {
            ServiceLoader.load(GeneratorExtension.class, loader).stream().map(ServiceLoader.Provider::type)
                    .filter(type -> !classes.containsKey(type.getName())).forEach(discovered::add);
        } catch (ServiceConfigurationError e) {
            throw new CustomizationException(OPTION, "A GeneratorExtension registered in META-INF/services/"
                    + GeneratorExtension.class.getName() + " cannot be loaded: " + e.getMessage()
                    + ". Fix or remove that jar among the plugin's <dependencies>.", e);
        }
        discovered.sort(Comparator.comparing(Class::getName));
        discovered.forEach(type -> classes.putIfAbsent(type.getName(), type));
        List<Loaded> loaded = new ArrayList<>();
        classes.values().forEach(type -> loaded.add(instantiate(type)));
        return new Extensions(loaded);
    }

    private static Class<? extends GeneratorExtension> namedClass(String name, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new CustomizationException(OPTION, "The extension class " + name + " named in <extensions> is not"
                    + " found: check its spelling (a fully qualified class name) and add the jar holding it to the"
                    + " specwright-maven-plugin's <dependencies> (the CLI: --extensions-path).", e);
        }
        if (!GeneratorExtension.class.isAssignableFrom(type)) {
            String fix = implementsAnother(type)
                    ? " it implements a GeneratorExtension of another class loader: the extension's jar must not"
                            + " bundle specwright-generator-core (declare that dependency with <scope>provided</scope>)."
                    : " make it implement " + GeneratorExtension.class.getName() + ", or remove it from <extensions>.";
            throw new CustomizationException(OPTION, "The class " + name + " named in <extensions> is not a"
                    + " GeneratorExtension:" + fix);
        }
        return type.asSubclass(GeneratorExtension.class);
    }

    private static boolean implementsAnother(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(GeneratorExtension.class.getName()) || implementsAnother(i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Loaded instantiate(Class<? extends GeneratorExtension> type) {
        String name = type.getName();
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())
                || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
            throw new CustomizationException(OPTION, "The extension " + name + " cannot be created: it must be a"
                    + " public, non-abstract (and, if nested, static) class with a public no-argument constructor.");
        }
        Constructor<? extends GeneratorExtension> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new CustomizationException(OPTION, "The extension " + name + " has no public no-argument"
                    + " constructor: add one (the generator creates each extension with it).", e);
        }
        GeneratorExtension extension;
        try {
            extension = constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new CustomizationException(OPTION, "The extension " + name + " failed in its constructor: "
                    + cause, cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new CustomizationException(OPTION, "The extension " + name + " cannot be created: " + e, e);
        }
        String shortName;
        try {
            shortName = extension.name();
        } catch (RuntimeException | LinkageError e) {
            throw new CustomizationException(OPTION, "The extension " + name + " failed in name(): " + e, e);
        }
        boolean named = shortName != null && !shortName.isBlank() && !shortName.equals(name);
        return new Loaded(extension, named ? shortName.strip() + " (" + name + ")" : name);
    }

    /** Whether there is no extension. */
    public boolean isEmpty() {
        return loaded.isEmpty();
    }

    /** The extensions, in the order they run, each as {@code name (class)}: for logs and tests. */
    public List<String> labels() {
        return loaded.stream().map(Loaded::label).toList();
    }

    /** The state of one generation run of {@code api}: its hook and its emitter. */
    public Run run(ApiModel api) {
        return new Run(api);
    }

    /**
     * One run: the hook every Java file passes through ({@link #beforeWrite()}), and the emitters with the
     * extensions' added files appended ({@link #appendTo}).
     */
    public final class Run {

        private final ApiModel api;
        private final Map<String, GeneratedType.Origin> origins;
        /** Every type the hook saw, in order: the context's {@link ExtensionContext#types()}. */
        private final List<GeneratedType> types = new ArrayList<>();
        /** The folded paths of every file of the run so far. */
        private final Map<String, String> paths = new HashMap<>();
        /** The extensions' own Java files, which no extension processes. */
        private final Set<JavaFile> added = Collections.newSetFromMap(new IdentityHashMap<>());

        private Run(ApiModel api) {
            this.api = Objects.requireNonNull(api, "api");
            this.origins = origins(api);
        }

        /** What {@code EmitContext} runs each Java file through: every extension's {@code processType}, in order. */
        public UnaryOperator<JavaFile> beforeWrite() {
            return loaded.isEmpty() ? UnaryOperator.identity() : this::process;
        }

        /**
         * {@code emitters}, each recording the paths it makes (so that no added file takes one), then the emitter of
         * the extensions' added files; {@code emitters} itself when there is no extension.
         */
        public List<FileEmitter> appendTo(List<FileEmitter> emitters) {
            if (loaded.isEmpty()) {
                return emitters;
            }
            List<FileEmitter> all = new ArrayList<>();
            for (FileEmitter emitter : emitters) {
                all.add(new FileEmitter() {
                    @Override
                    public String name() {
                        return emitter.name();
                    }

                    @Override
                    public Stream<GeneratedFile> emit(EmitContext context) {
                        return emitter.emit(context).peek(file -> taken(file.path()));
                    }
                });
            }
            all.add(new FileEmitter() {
                @Override
                public String name() {
                    return "extension files";
                }

                @Override
                public Stream<GeneratedFile> emit(EmitContext context) {
                    // lazily: the files are asked for once every generated file has passed
                    return Stream.of(context).flatMap(c -> addedFiles(c).stream());
                }
            });
            return all;
        }

        private synchronized void taken(String path) {
            paths.putIfAbsent(path.toLowerCase(Locale.ROOT), path);
        }

        private synchronized JavaFile process(JavaFile file) {
            if (added.remove(file)) {
                return file;
            }
            TypeSpec original = file.typeSpec();
            ClassName name = ClassName.get(file.packageName(), original.name());
            GeneratedType info = new GeneratedType(name, origins.getOrDefault(name.canonicalName(), new GeneratedType.Other()));
            types.add(info);
            TypeSpec current = original;
            for (Loaded extension : loaded) {
                TypeSpec result;
                try {
                    result = extension.extension().processType(current, info);
                } catch (RuntimeException | LinkageError e) {
                    throw new CustomizationException(OPTION, "The extension " + extension.label() + " failed on "
                            + name.canonicalName() + ": " + e + "; nothing was written.", e);
                }
                if (result == null) {
                    throw new CustomizationException(OPTION, "The extension " + extension.label() + " returned null"
                            + " for " + name.canonicalName() + ": processType returns the type (unchanged or added"
                            + " to); nothing was written.");
                }
                if (!result.name().equals(current.name())) {
                    throw new CustomizationException(OPTION, "The extension " + extension.label() + " renamed "
                            + name.canonicalName() + " to " + result.name() + ": an extension may add to a generated"
                            + " type but not rename it (add a new type with addFiles instead); nothing was written.");
                }
                current = RecordComponents.restored(current, result);
            }
            if (current == original) {
                return file;
            }
            // as every generated file is made (ModelEmitter.file): no java.lang imports, four spaces
            return JavaFile.builder(file.packageName(), current).skipJavaLangImports(true).indent("    ").build();
        }

        private List<GeneratedFile> addedFiles(EmitContext emit) {
            ExtensionContext context = new Context(api, List.copyOf(types));
            List<GeneratedFile> files = new ArrayList<>();
            for (Loaded extension : loaded) {
                List<ExtensionFile> adds;
                try {
                    adds = extension.extension().addFiles(context);
                } catch (RuntimeException | LinkageError e) {
                    throw new CustomizationException(OPTION, "The extension " + extension.label() + " failed in"
                            + " addFiles: " + e + "; nothing was written.", e);
                }
                if (adds == null) {
                    throw new CustomizationException(OPTION, "The extension " + extension.label() + " returned null"
                            + " from addFiles (return an empty list for none); nothing was written.");
                }
                for (ExtensionFile add : adds) {
                    files.add(file(extension, add, emit));
                }
            }
            return files;
        }

        private GeneratedFile file(Loaded extension, ExtensionFile add, EmitContext emit) {
            if (add == null) {
                throw refused(extension, "a null file", "return ExtensionFile.java(...) or ExtensionFile.text(...)");
            }
            if (add instanceof ExtensionFile.Java java) {
                JavaFile source = java.file();
                String type = source.packageName().isEmpty() ? source.typeSpec().name()
                        : source.packageName() + "." + source.typeSpec().name();
                if (!source.packageName().isEmpty() && !SourceVersion.isName(source.packageName())) {
                    throw refused(extension, type, "its package is not a Java package name");
                }
                String path = Emitters.SOURCE_ROOT + "/" + (source.packageName().isEmpty() ? ""
                        : source.packageName().replace('.', '/') + "/") + source.typeSpec().name() + ".java";
                claim(extension, type, path);
                synchronized (this) {
                    added.add(source);
                }
                try {
                    return emit.java(source); // the generated files' own checks: a Java name, usable on every OS
                } catch (IllegalStateException e) {
                    throw refused(extension, type, e.getMessage());
                }
            }
            ExtensionFile.Text text = (ExtensionFile.Text) add;
            String path = text.path();
            String problem = pathProblem(path);
            if (problem != null) {
                throw refused(extension, "the file " + path, problem);
            }
            claim(extension, "the file " + path, path);
            return new GeneratedFile(path, text.content());
        }

        private void claim(Loaded extension, String what, String path) {
            String earlier;
            synchronized (this) {
                earlier = paths.putIfAbsent(path.toLowerCase(Locale.ROOT), path);
            }
            if (earlier != null) {
                throw refused(extension, what, earlier.equals(path) ? path + " is already generated"
                        : path + " and the generated " + earlier + " are one file where case does not count");
            }
        }

        private CustomizationException refused(Loaded extension, String what, String why) {
            return new CustomizationException(OPTION, "The extension " + extension.label() + " adds " + what
                    + ", which is refused: " + why + "; nothing was written.");
        }
    }

    /** Why an added text file's path cannot be written, or null. */
    static String pathProblem(String path) {
        if (path.isEmpty()) {
            return "the path is empty";
        }
        if (path.startsWith("/") || path.contains("\\") || (path.length() > 1 && path.charAt(1) == ':')) {
            return "the path must be relative to the output folder, with / between folders";
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "the path holds a control character";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "the path must stay inside the output folder (no empty, . or .. segment)";
            }
            if (JavaNames.isWindowsReserved(segment)) {
                return segment + " is a Windows device name";
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > 255) {
                return "a file or folder name is longer than 255 bytes";
            }
        }
        if (path.startsWith(".specwright")) {
            return "names starting with .specwright are the generator's own";
        }
        if (path.endsWith(".java")) {
            return "a Java source is added as ExtensionFile.java(JavaFile), so that it is checked and compiled as one";
        }
        return null;
    }

    /** Each generated type's qualified name → where it comes from; types not listed are {@link GeneratedType.Other}. */
    private static Map<String, GeneratedType.Origin> origins(ApiModel api) {
        Map<String, GeneratedType.Origin> origins = new HashMap<>();
        ApiModel.Packages packages = api.packages();
        for (ModelDef model : api.models()) {
            origins.put(packages.model() + "." + model.className(), new GeneratedType.Model(model.schemaName(),
                    model.properties().stream().map(ModelDef.Property::jsonName).toList()));
            model.fieldEnum().ifPresent(e -> origins.put(packages.model() + "." + e,
                    new GeneratedType.FieldEnum(model.schemaName())));
        }
        for (ApiGroup group : api.apis()) {
            List<String> ids = group.operations().stream().map(Operation::operationId).toList();
            origins.put(packages.api() + "." + group.className(), new GeneratedType.Api(group.tag(), ids, false));
            origins.put(packages.api() + "." + group.asyncClassName(), new GeneratedType.Api(group.tag(), ids, true));
            for (Operation op : group.operations()) {
                op.paramsClassName().ifPresent(p -> origins.put(packages.api() + "." + p,
                        new GeneratedType.Params(op.operationId())));
            }
        }
        ApiModel.BaseTypes base = api.baseTypes();
        origins.put(packages.base() + "." + base.client(), new GeneratedType.Client(GeneratedType.ClientPart.CLIENT));
        origins.put(packages.base() + "." + base.environment(),
                new GeneratedType.Client(GeneratedType.ClientPart.ENVIRONMENT));
        origins.put(packages.base() + "." + base.credentials(),
                new GeneratedType.Client(GeneratedType.ClientPart.CREDENTIALS));
        api.errorCatalog().ifPresent(catalog -> {
            Set<String> errors = new LinkedHashSet<>(List.of(base.errorCode(), base.errorCategory(), base.apiException(),
                    base.errorDecoder()));
            catalog.categories().forEach(c -> errors.add(c.exceptionClass()));
            errors.forEach(e -> origins.put(packages.base() + "." + e, new GeneratedType.ErrorType()));
        });
        return origins;
    }

    /** The {@link ExtensionContext} of one run. */
    private static final class Context implements ExtensionContext {

        private final ApiModel api;
        private final List<GeneratedType> types;

        Context(ApiModel api, List<GeneratedType> types) {
            this.api = api;
            this.types = types;
        }

        @Override
        public List<GeneratedType> types() {
            return types;
        }

        @Override
        public String title() {
            return api.title();
        }

        @Override
        public String version() {
            return api.version();
        }

        @Override
        public String basePackage() {
            return api.packages().base();
        }

        @Override
        public String apiPackage() {
            return api.packages().api();
        }

        @Override
        public String modelPackage() {
            return api.packages().model();
        }

        @Override
        public ClassName clientClass() {
            return ClassName.get(api.packages().base(), api.clientClassName());
        }
    }

    /**
     * JavaPoet 0.22's {@code TypeSpec.toBuilder()} drops a record's components (its record constructor), so an
     * extension's {@code type.toBuilder().addAnnotation(...).build()} would write {@code record Pet()}: they are put
     * back here from the type the extension was given. Should a JavaPoet version no longer have the private field this
     * reads, nothing is restored (ExtensionsTest then shows whether that version still needs it).
     */
    static final class RecordComponents {

        private static final Field RECORD_CONSTRUCTOR = recordConstructorField();

        private RecordComponents() {}

        private static Field recordConstructorField() {
            try {
                Field field = TypeSpec.class.getDeclaredField("recordConstructor");
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException | RuntimeException e) {
                return null;
            }
        }

        static MethodSpec of(TypeSpec type) {
            if (RECORD_CONSTRUCTOR == null || type.kind() != TypeSpec.Kind.RECORD) {
                return null;
            }
            try {
                return (MethodSpec) RECORD_CONSTRUCTOR.get(type);
            } catch (IllegalAccessException e) {
                return null;
            }
        }

        /** {@code after}, with the record constructor of {@code before} if it lost it. */
        static TypeSpec restored(TypeSpec before, TypeSpec after) {
            if (after == before) {
                return after;
            }
            MethodSpec components = of(before);
            if (components == null || after.kind() != TypeSpec.Kind.RECORD || of(after) != null) {
                return after;
            }
            return after.toBuilder().recordConstructor(components).build();
        }
    }
}
