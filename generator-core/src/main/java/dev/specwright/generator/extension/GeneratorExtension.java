package dev.specwright.generator.extension;

import com.palantir.javapoet.TypeSpec;
import java.util.List;

/**
 * A plug-in to the generator that sees each generated Java type before it is written, and may add whole files.
 *
 * <p>An extension is found in two ways: every implementation that {@link java.util.ServiceLoader} finds through the
 * generator's extension class loader (a jar on the Maven plugin's {@code <dependencies>} with a
 * {@code META-INF/services/dev.specwright.generator.extension.GeneratorExtension} file naming the class), and every
 * class named in the {@code extensions} option, loaded by that same class loader. Named ones run first, in the order
 * given, then the discovered ones sorted by class name; a class found both ways runs once. An implementation needs a
 * public no-argument constructor; one instance serves one generation run, and its methods are called on one thread at
 * a time.
 *
 * <p>What an extension may do: add members (fields, methods, nested types), annotations, Javadoc and super-interfaces
 * to a type; add whole files ({@link #addFiles}). What it may not: rename a type (refused), write outside the output
 * folder or over a generated file (refused). Anything it throws fails the run with a
 * {@link dev.specwright.generator.CustomizationException} naming the extension and the type, and nothing is written.
 * The generated code must still compile: what an extension adds is compiled with the rest, with the build's own
 * options. An extension should be deterministic (the same input gives the same output), since generation is.
 */
public interface GeneratorExtension {

    /** A short name for messages and logs, e.g. {@code "audited"}. */
    String name();

    /**
     * The type to write instead of {@code type}: {@code type} itself (the default) or a copy with more in it, such as
     * {@code type.toBuilder().addAnnotation(...).build()}. On a record, {@code toBuilder()} keeps its components (the
     * generator restores those the JavaPoet version in use drops). Called once for each top-level generated Java type
     * (not for nested ones, which are reached through {@link TypeSpec#typeSpecs()}), and not for the files extensions
     * add.
     *
     * @param type the type as the generator made it, or as the extensions before this one left it
     * @param info what the type is: its package, its name and where it comes from in the spec
     * @return a type of the same name
     */
    default TypeSpec processType(TypeSpec type, GeneratedType info) {
        return type;
    }

    /**
     * Whole files to write besides the generated ones, called once per run after every generated file: Java sources
     * as {@link ExtensionFile#java}, other files as {@link ExtensionFile#text} with a path relative to the output
     * folder. None by default.
     */
    default List<ExtensionFile> addFiles(ExtensionContext context) {
        return List.of();
    }
}
