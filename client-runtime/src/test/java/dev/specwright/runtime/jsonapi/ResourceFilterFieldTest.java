package dev.specwright.runtime.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A resource's filter field: the same filters as {@link FilterField}, each wrapped as that resource's own type. */
class ResourceFilterFieldTest {

    /** What a generated {@code OrdersFilter.Condition} is: a filter of one resource. */
    record OrderCondition(Filter filter) {}

    private final ResourceFilterField<OrderCondition, Integer> quantity =
            ResourceFilterField.of(FilterField.of("quantity", Operator.EQ, Operator.GTE), OrderCondition::new);

    @Test
    void eachOperatorMakesTheFieldsFilterWrappedAsTheResourcesType() {
        assertThat(quantity.eq(3).filter()).hasToString("filter[quantity]=3");
        assertThat(quantity.in(List.of(1, 2)).filter()).hasToString("filter[quantity]=1,2");
        assertThat(quantity.between(1, 5).filter()).hasToString("filter[quantity]=1..5");
        assertThat(quantity.gte(2).filter()).hasToString("filter[quantity][gte]=2");
        assertThat(quantity.name()).isEqualTo("quantity");
        assertThat(quantity.operators()).containsExactlyInAnyOrder(Operator.EQ, Operator.GTE);
    }

    @Test
    void anOperatorTheSpecDoesNotListIsRefusedAsByTheFieldItself() {
        assertThatThrownBy(() -> quantity.lt(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("filter[quantity] does not take the operator lt; the spec allows eq, gte");
    }

    @Test
    void nullsAreRefusedWhenTheFieldIsMade() {
        assertThatThrownBy(() -> ResourceFilterField.of(null, OrderCondition::new)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ResourceFilterField.of(FilterField.of("x"), null)).isInstanceOf(NullPointerException.class);
    }
}
