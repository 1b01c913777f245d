package dev.specwright.generator;

/** What the generator writes into the output folder. */
public enum Layout {
    /** {@code src/main/java/...} only: for a build that compiles the sources itself (the Maven plugin). */
    SOURCES,
    /** The sources plus a {@code pom.xml} and a README: a project {@code mvn package} turns into a publishable SDK. */
    PROJECT
}
