package dev.specwright.generator;

import java.nio.file.Path;

/** Where the repository's specs are: surefire passes {@code specwright.specs}; from an IDE, the working directory is the module. */
public final class TestSpecs {

    private TestSpecs() {}

    public static Path dir() {
        String configured = System.getProperty("specwright.specs");
        return configured != null ? Path.of(configured) : Path.of("..", "specs");
    }

    public static Path platformSpec() {
        return dir().resolve("platform/openapi.yaml");
    }

    public static Path platformErrors() {
        return dir().resolve("platform/errors.json");
    }
}
