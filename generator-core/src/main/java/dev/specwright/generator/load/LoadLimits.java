package dev.specwright.generator.load;

/**
 * The bounds every document the loader reads is held to — the spec, each file a {@code $ref} reaches, and
 * {@code errors.json} — the same for YAML and for JSON, so a file is accepted or refused for what it holds, not for the
 * syntax it is written in. Each is far above what a real spec needs and far below what exhausts a JVM.
 */
public final class LoadLimits {

    /**
     * Objects and lists inside one another. Jackson's own default (StreamReadConstraints.DEFAULT_MAX_DEPTH), which
     * swagger-parser's JSON reading keeps: one number for both parsers, so a document that passes here passes there.
     */
    public static final int MAX_DEPTH = 1000;

    /** YAML aliases (*name) to a list or mapping in one document; SnakeYAML's own default is 50. */
    public static final int MAX_ALIASES = 10_000;

    /**
     * The nodes YAML aliases may add when each alias is read as the copy it stands for (JSON has no aliases). This is the
     * bound that stops a "billion laughs": nine levels of nine or ten aliases each are about 10^9 nodes in a few hundred
     * bytes. It is measured on the composed node graph, once per distinct node, before anything is built from it.
     */
    public static final long MAX_ALIAS_EXPANSION = 5_000_000;

    /**
     * The characters of JSON a YAML document may spell out, every alias a copy: at least this many, whatever the file's
     * size. Counting nodes alone lets one long string aliased a million times through a few levels pass (a 1.4 KB file,
     * a gigabyte of JSON); this bounds the text itself.
     */
    public static final long MIN_EXPANDED_CHARS = 64L * 1024 * 1024;

    /** ...or this many times the file's own length, if that is more: a large spec without aliases is never near it. */
    public static final long EXPANSION_FACTOR = 16;

    private LoadLimits() {}
}
