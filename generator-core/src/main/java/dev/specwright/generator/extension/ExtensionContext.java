package dev.specwright.generator.extension;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * What an extension may read about the client being generated, for {@link GeneratorExtension#addFiles}: its packages,
 * its client class and the types it generates. It is deliberately small: the generator's own model changes between
 * versions, this does not.
 */
public interface ExtensionContext {

    /** The spec's {@code info.title}. */
    String title();

    /** The spec's {@code info.version} (empty when the spec gives none). */
    String version();

    /** The package of the client, its environment, credentials and error types. */
    String basePackage();

    /** The package of the API classes and their params classes. */
    String apiPackage();

    /** The package of the models and enums. */
    String modelPackage();

    /** The client's entry point, {@code <Name>Client}, in {@link #basePackage()}. */
    ClassName clientClass();

    /**
     * Every top-level Java type the generator wrote in this run (models, field enums, API classes, params classes, the
     * client's classes, the error types, open enums, unions), in the order they were generated; not the files
     * extensions add.
     */
    List<GeneratedType> types();

    /** The models of {@link #types()}, in their order. */
    default List<GeneratedType> models() {
        return types().stream().filter(t -> t.origin() instanceof GeneratedType.Model).toList();
    }

    /** The API classes of {@link #types()} (not the async ones), in their order. */
    default List<GeneratedType> apis() {
        return types().stream().filter(t -> t.origin() instanceof GeneratedType.Api api && !api.async()).toList();
    }
}
