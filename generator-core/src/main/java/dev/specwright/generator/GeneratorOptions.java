package dev.specwright.generator;

import dev.specwright.generator.naming.PackageNames;
import dev.specwright.generator.load.RefPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to generate and where. Packages left unset are derived: the base package from the API's client name, then
 * {@code <base>.api} and {@code <base>.model}. A package that is set must be a usable Java package name, else
 * construction fails with an {@link InvalidOptionException} that says why and suggests one.
 *
 * <p>{@code owner} names who owns the generated files when several runs share one output folder (each keeps its own
 * manifest; the Maven plugin passes its execution id); {@code overwrite} replaces files in the way that Specwright did
 * not write or that were edited since, and must be asked for on purpose.
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
        Optional<String> owner,
        boolean overwrite,
        RefPolicy refs,
        Customization customization) {

    /** Options without customization, as before mappings, templates and extensions existed. */
    public GeneratorOptions(Path spec, Optional<Path> errorCatalog, Path outputDir, Optional<String> basePackage,
            Optional<String> apiPackage, Optional<String> modelPackage, Layout layout, Optional<String> owner,
            boolean overwrite, RefPolicy refs) {
        this(spec, errorCatalog, outputDir, basePackage, apiPackage, modelPackage, layout, owner, overwrite, refs,
                Customization.DEFAULT);
    }

    public GeneratorOptions {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(errorCatalog, "errorCatalog");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(basePackage, "basePackage");
        Objects.requireNonNull(apiPackage, "apiPackage");
        Objects.requireNonNull(modelPackage, "modelPackage");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(refs, "refs");
        Objects.requireNonNull(customization, "customization");
        basePackage.ifPresent(p -> requirePackage("basePackage", "base package", p));
        apiPackage.ifPresent(p -> requirePackage("apiPackage", "API package", p));
        modelPackage.ifPresent(p -> requirePackage("modelPackage", "model package", p));
        requireDistinct(basePackage, apiPackage.or(() -> basePackage.map(b -> b + ".api")),
                modelPackage.or(() -> basePackage.map(b -> b + ".model")));
    }

    /**
     * The base, API and model packages are filled independently (a model named like an API class, a schema named
     * {@code Environment}), so two of them in one folder could write the same file twice.
     */
    private static void requireDistinct(Optional<String> base, Optional<String> api, Optional<String> model) {
        String fix = " they must differ, because the classes of each are named independently. Fix: set different packages,"
                + " or leave the API and model packages unset (<base>.api and <base>.model are used).";
        if (api.isPresent() && api.equals(model)) {
            throw new InvalidOptionException("modelPackage", "the API package and the model package are both " + api.get() + ";" + fix);
        }
        if (base.isPresent() && (base.equals(api) || base.equals(model))) {
            throw new InvalidOptionException(base.equals(api) ? "apiPackage" : "modelPackage", "the base package and the "
                    + (base.equals(api) ? "API" : "model") + " package are both " + base.get() + ";" + fix);
        }
    }

    /** A package javac accepts, in a folder every file system can hold; otherwise what it must be and a fix. */
    private static void requirePackage(String option, String what, String name) {
        PackageNames.problem(name).ifPresent(problem -> {
            throw new InvalidOptionException(option, "the " + what + " \"" + name + "\" cannot be used: " + problem + "; "
                    + PackageNames.RULE + ". Fix: use for example " + PackageNames.suggestion(name) + ".");
        });
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
        private String owner;
        private boolean overwrite;
        private Set<String> refHosts = Set.of();
        private List<Path> refFolders = List.of();
        private Customization customization = Customization.DEFAULT;

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

        /** Who owns the files in a shared output folder (its own manifest); blank: the folder's only owner. */
        public Builder owner(String owner) {
            this.owner = blankToNull(owner);
            return this;
        }

        /** Replace files in the way that Specwright did not write or that were edited: only when asked on purpose. */
        public Builder overwrite(boolean overwrite) {
            this.overwrite = overwrite;
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

        /** Mappings, names, templates, extensions, project coordinates: {@link Customization#DEFAULT} unless set. */
        public Builder customization(Customization customization) {
            this.customization = Objects.requireNonNull(customization, "customization");
            return this;
        }

        public GeneratorOptions build() {
            return new GeneratorOptions(spec, Optional.ofNullable(errorCatalog), outputDir,
                    Optional.ofNullable(basePackage), Optional.ofNullable(apiPackage),
                    Optional.ofNullable(modelPackage), layout, Optional.ofNullable(owner), overwrite,
                    new RefPolicy(refHosts, refFolders), customization);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
