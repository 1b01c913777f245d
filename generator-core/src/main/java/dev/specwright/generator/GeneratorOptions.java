package dev.specwright.generator;

import dev.specwright.generator.load.RefPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to generate and where. Packages left unset are derived: the base package from the API's client name, then
 * {@code <base>.api} and {@code <base>.model}. {@code refs} says where a {@code $ref} may reach beyond the spec's folder
 * (by default nowhere: no network, no file outside it).
 */
public record GeneratorOptions(
        Path spec,
        Optional<Path> errorCatalog,
        Path outputDir,
        Optional<String> basePackage,
        Optional<String> apiPackage,
        Optional<String> modelPackage,
        Layout layout,
        RefPolicy refs) {

    public GeneratorOptions {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(errorCatalog, "errorCatalog");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(basePackage, "basePackage");
        Objects.requireNonNull(apiPackage, "apiPackage");
        Objects.requireNonNull(modelPackage, "modelPackage");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(refs, "refs");
    }

    public static Builder builder(Path spec, Path outputDir) {
        return new Builder(spec, outputDir);
    }

    public static final class Builder {
        private final Path spec;
        private final Path outputDir;
        private Path errorCatalog;
        private String basePackage;
        private String apiPackage;
        private String modelPackage;
        private Layout layout = Layout.SOURCES;
        private Set<String> refHosts = Set.of();
        private List<Path> refFolders = List.of();

        private Builder(Path spec, Path outputDir) {
            this.spec = spec;
            this.outputDir = outputDir;
        }

        public Builder errorCatalog(Path errorCatalog) {
            this.errorCatalog = errorCatalog;
            return this;
        }

        public Builder basePackage(String basePackage) {
            this.basePackage = blankToNull(basePackage);
            return this;
        }

        public Builder apiPackage(String apiPackage) {
            this.apiPackage = blankToNull(apiPackage);
            return this;
        }

        public Builder modelPackage(String modelPackage) {
            this.modelPackage = blankToNull(modelPackage);
            return this;
        }

        public Builder layout(Layout layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /**
         * Hosts a {@code $ref} may fetch from (over https; http only for a loopback host). None by default: generation
         * reads no network. A host that is not a plain host name is refused with an IllegalArgumentException.
         */
        public Builder allowedRefHosts(Set<String> hosts) {
            this.refHosts = Set.copyOf(hosts);
            return this;
        }

        /** Folders outside the spec's folder whose files a {@code $ref} may read. None by default. */
        public Builder allowedRefFolders(List<Path> folders) {
            this.refFolders = List.copyOf(folders);
            return this;
        }

        public GeneratorOptions build() {
            return new GeneratorOptions(spec, Optional.ofNullable(errorCatalog), outputDir,
                    Optional.ofNullable(basePackage), Optional.ofNullable(apiPackage),
                    Optional.ofNullable(modelPackage), layout, new RefPolicy(refHosts, refFolders));
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
