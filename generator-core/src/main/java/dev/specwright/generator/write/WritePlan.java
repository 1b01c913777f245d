package dev.specwright.generator.write;

import dev.specwright.generator.write.OutputConflictException.Conflict;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a run will do to the output folder, decided before any of it is done, so a refusal changes nothing.
 *
 * @param writes files to create or replace (from the staging folder)
 * @param unchanged paths whose bytes are already right
 * @param deletions paths the last run wrote, the spec no longer produces, and whose bytes are still ours
 * @param ignored paths the ignore file hands to the user
 * @param conflicts files in the way that a user must move, ignore or force
 * @param unsafe paths that no switch may write or delete (symbolic links, folders)
 * @param warnings one sentence per file left alone that a user may want to know about
 * @param previous the hashes the last run recorded, for paths whose operation may not complete
 * @param manifest what the manifest holds once every operation is done
 */
record WritePlan(
        List<Write> writes,
        List<String> unchanged,
        List<String> deletions,
        List<String> ignored,
        List<Conflict> conflicts,
        List<Conflict> unsafe,
        List<String> warnings,
        Map<String, Optional<String>> previous,
        Map<String, String> manifest) {

    record Write(String path) {}
}
