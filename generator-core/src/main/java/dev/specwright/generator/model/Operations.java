package dev.specwright.generator.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations pass's result: the operations grouped by tag, typed and named, with what later passes decide still
 * raw (which parameters filter fields, what the spec says about partial updates), and the schemas including the inline
 * ones the operations brought.
 */
record Operations(List<Group> groups, Schemas schemas) {

    Operations {
        groups = List.copyOf(groups);
    }

    /** One API class: an {@link ApiGroup} before the field filters are linked. */
    record Group(String tag, boolean untagged, String className, String asyncClassName, String accessorName,
            String description, List<Draft> operations) {
        Group {
            operations = List.copyOf(operations);
        }
    }

    /**
     * One operation before the field-filter and partial-update passes.
     *
     * @param operation its parameters have no {@link Parameter#fieldFilter()} yet
     * @param filterKinds one per parameter of {@code operation}: the field filter it is, as the spec says
     * @param partialUpdate {@code x-partial-update}, when the operation says it
     */
    record Draft(Operation operation, List<Optional<FilterKind>> filterKinds, Optional<Boolean> partialUpdate) {
        Draft {
            filterKinds = List.copyOf(filterKinds);
            if (filterKinds.size() != operation.parameters().size()) {
                throw new IllegalArgumentException("one filter kind per parameter");
            }
        }
    }

    /** {@code x-partial-update} of the operations that say it, by operation pointer. */
    Map<String, Boolean> partialUpdateMarks() {
        Map<String, Boolean> marks = new LinkedHashMap<>();
        groups.forEach(g -> g.operations().forEach(d -> d.partialUpdate().ifPresent(v -> marks.put(d.operation().pointer(), v))));
        return marks;
    }
}
