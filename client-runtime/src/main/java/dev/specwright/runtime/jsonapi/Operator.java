package dev.specwright.runtime.jsonapi;

/** A filter operator, as JSON:API servers of Oro's kind spell it in {@code filter[field][operator]}. */
public enum Operator {
    /** equal to; a list means any of them, a range {@code a..b} between them */
    EQ("eq"),
    /** not equal to; a list means none of them, a range outside it */
    NEQ("neq"),
    LT("lt"),
    LTE("lte"),
    GT("gt"),
    GTE("gte"),
    /** whether the field has a value ({@code true}) or not ({@code false}) */
    EXISTS("exists"),
    /** not equal to the value, or with no value */
    NEQ_OR_NULL("neq_or_null"),
    CONTAINS("contains"),
    NOT_CONTAINS("not_contains");

    private final String wire;

    Operator(String wire) {
        this.wire = wire;
    }

    /** The operator as the query spells it, e.g. {@code neq_or_null}. */
    public String wire() {
        return wire;
    }

    /** The operator the query spells {@code wire}, if there is one. */
    public static java.util.Optional<Operator> of(String wire) {
        for (Operator o : values()) {
            if (o.wire.equals(wire)) {
                return java.util.Optional.of(o);
            }
        }
        return java.util.Optional.empty();
    }
}
