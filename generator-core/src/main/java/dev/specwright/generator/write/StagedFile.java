package dev.specwright.generator.write;

/**
 * What a run keeps of a file once it is in the staging folder: its path relative to the output folder, the SHA-256 of
 * its bytes and their count. Enough to plan against the manifest and the files on disk without the text.
 */
record StagedFile(String path, String sha256, long size) {}
