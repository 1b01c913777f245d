package dev.specwright.runtime.jsonapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Looks up the resources a JSON:API document includes ({@code included}), already read into their generated records:
 * all of one type, or the one a relationship's linkage names. The generated documents' {@code included(...)} methods
 * call these; no reflection.
 */
public final class Included {

    private Included() {}

    /** The included resources that are of {@code type}, in document order; empty for a null list. */
    public static <T> List<T> of(List<?> included, Class<T> type) {
        Objects.requireNonNull(type, "type");
        List<T> found = new ArrayList<>();
        if (included != null) {
            for (Object resource : included) {
                if (type.isInstance(resource)) {
                    found.add(type.cast(resource));
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * The included resource of {@code type} whose id is {@code id}; empty when the document does not include it, or
     * when {@code id} is null (a to-one relationship whose data is {@code null}).
     *
     * @param idOf the resource's {@code id()} accessor
     */
    public static <T> Optional<T> find(List<?> included, Class<T> type, String id, Function<? super T, String> idOf) {
        if (id == null) {
            return Optional.empty();
        }
        return of(included, type).stream().filter(resource -> id.equals(idOf.apply(resource))).findFirst();
    }
}
