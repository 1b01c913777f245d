package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specwright.generator.Generator;
import dev.specwright.generator.GeneratorOptions;
import dev.specwright.generator.InProcessCompiler;
import dev.specwright.generator.TestSpecs;
import dev.specwright.generator.emit.GeneratedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One spec of {@code specs/features/}, generated into package {@code feature}, compiled with -Xlint:all -Werror and
 * loaded, so a test can exercise the generated types through reflection and Jackson.
 */
final class Feature {

    /** The mapper the generated client really uses. */
    static final ObjectMapper JSON = dev.specwright.runtime.internal.JsonMappers.create();

    final List<GeneratedFile> files;
    final ClassLoader loader;

    private Feature(List<GeneratedFile> files, ClassLoader loader) {
        this.files = files;
        this.loader = loader;
    }

    static Feature generate(String specFile) throws Exception {
        Path spec = TestSpecs.dir().resolve("features").resolve(specFile);
        List<GeneratedFile> files = new Generator().files(GeneratorOptions.builder(spec, Path.of("unused")).basePackage("feature").build());
        InProcessCompiler.Result compiled = InProcessCompiler.compile(files, Files.createTempDirectory("feature"));
        assertThat(compiled.diagnostics()).as("javac -Xlint:all -Werror on " + specFile).isEmpty();
        return new Feature(files, compiled.classLoader());
    }

    Class<?> model(String simpleName) throws ClassNotFoundException {
        return loader.loadClass("feature.model." + simpleName);
    }

    String source(String pathSuffix) {
        return files.stream().filter(f -> f.path().endsWith(pathSuffix)).findFirst().orElseThrow().content();
    }

    /** {@code Model.builder().name(value)...build()} through reflection. */
    Object build(String model, Object... namesAndValues) throws Exception {
        Class<?> type = model(model);
        Object builder = type.getMethod("builder").invoke(null);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            builder.getClass().getMethod(name, parameterType(builder.getClass(), name)).invoke(builder, value);
        }
        return builder.getClass().getMethod("build").invoke(builder);
    }

    /**
     * Calls the public method {@code name} of {@code type} taking {@code args.length} arguments, on {@code target}
     * ({@code null} for a static one); the method's own exception is rethrown as it is.
     */
    static Object call(Class<?> type, Object target, String name, Object... args) throws Exception {
        for (java.lang.reflect.Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(target, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw (Exception) e.getCause();
                }
            }
        }
        throw new AssertionError(type.getName() + " has no method " + name + " with " + args.length + " parameters");
    }

    static Object get(Object target, String accessor) throws Exception {
        return target.getClass().getMethod(accessor).invoke(target);
    }

    private static Class<?> parameterType(Class<?> builder, String name) {
        for (var m : builder.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 1) {
                return m.getParameterTypes()[0];
            }
        }
        throw new AssertionError(builder.getName() + " has no setter " + name);
    }
}
