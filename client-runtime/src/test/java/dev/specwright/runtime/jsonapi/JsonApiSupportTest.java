package dev.specwright.runtime.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specwright.runtime.ApiException;
import dev.specwright.runtime.HttpFailure;
import dev.specwright.runtime.RateLimitedException;
import dev.specwright.runtime.Response;
import dev.specwright.runtime.internal.JsonMappers;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON:API support types on their own: filters, sort keys, error entries, the decoder's choices, the counts. */
class JsonApiSupportTest {

    private static HttpFailure failure(int status, String contentType, String body) {
        return new HttpFailure(status, "POST", URI.create("https://shop.example.com/api/orders"),
                Map.of("Content-Type", List.of(contentType)), body);
    }

    @Test
    void filtersRenderTheirQueryNameAndValueAndRefuseWhatCannotBeSent() {
        FilterField<LocalDate> day = FilterField.of("day", Operator.EQ, Operator.GTE);
        assertThat(day.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31))).hasToString("filter[day]=2026-01-01..2026-01-31");
        assertThat(day.gte(LocalDate.of(2026, 1, 1)).queryName()).isEqualTo("filter[day][gte]");
        assertThat(FilterField.of("any").neqOrNull("x")).hasToString("filter[any][neq_or_null]=x");
        assertThatThrownBy(() -> day.eq(null)).hasMessageContaining("filter[day] value is null; use exists(false)");
        assertThatThrownBy(() -> day.in(List.of())).hasMessageContaining("filter[day] list is empty");
        assertThatThrownBy(() -> Filter.raw("filter[day]", null, "1")).hasMessageContaining("holds a bracket; give the bare name");
        assertThat(Filter.raw("customer.name", "eq", "A")).isEqualTo(Filter.raw("customer.name", null, "A"));
    }

    @Test
    void sortKeysAreFieldNamesWithAMinusForDescending() {
        assertThat(Sort.desc("createdAt").fieldName()).isEqualTo("-createdAt");
        assertThat(Sort.asc("id")).hasToString("id");
        assertThatThrownBy(() -> Sort.asc("-id")).hasMessageContaining("use Sort.desc(field)");
        assertThatThrownBy(() -> Sort.asc("a,b")).hasMessageContaining("one Sort per field");
    }

    @Test
    void anErrorEntryNamesTheFieldItsPointerOrParameterPointsAt() {
        assertThat(error("/data/attributes/email", "").field()).contains("email");
        assertThat(error("/data/attributes/a~1b~0c", "").field()).contains("a/b~c");
        assertThat(error("/data/relationships/customer/data", "").field()).contains("customer");
        assertThat(error("/data/relationships/lineItems/data/1/id", "").field()).contains("lineItems");
        assertThat(error("/data/attributes/address/city", "").field()).contains("address/city");
        assertThat(error("/data", "").field()).contains("data");
        assertThat(error("", "filter[createdAt]").field()).contains("createdAt");
        assertThat(error("", "filter[createdAt][gte]").field()).contains("createdAt");
        assertThat(error("", "fields[orders]").field()).contains("orders");
        assertThat(error("", "page[size]").field()).contains("page[size]");
        assertThat(error("", "sort").field()).contains("sort");
        assertThat(error("", "").field()).isEmpty();
    }

    private static JsonApiError error(String pointer, String parameter) {
        return new JsonApiError("422", "", "t", "d", pointer, parameter);
    }

    @Test
    void theDecoderTypesErrorDocumentsOnlyAndKeeps429AsRateLimited() {
        var mapper = JsonMappers.create();
        String document = "{\"errors\":[{\"title\":\"not blank\",\"source\":{\"pointer\":\"/data/attributes/name\"}}]}";
        assertThat(JsonApiErrors.DECODER.decode(failure(422, "application/vnd.api+json", document), mapper))
                .isInstanceOf(JsonApiException.class).hasMessageContaining("not blank (name)");
        assertThat(JsonApiErrors.DECODER.decode(failure(429, "application/vnd.api+json", document), mapper))
                .isInstanceOf(RateLimitedException.class);
        assertThat(JsonApiErrors.DECODER.decode(failure(400, "application/json", "{\"message\":\"no\"}"), mapper))
                .isExactlyInstanceOf(ApiException.class);
        assertThat(JsonApiErrors.DECODER.decode(failure(400, "application/vnd.api+json", "{not json"), mapper))
                .isExactlyInstanceOf(ApiException.class);
    }

    @Test
    void countsAreReadFromTheirHeadersAndAGarbledOneSaysSo() {
        assertThat(JsonApiHeaders.totalCount(new Response<>(200, Map.of("x-include-total-count", List.of("42")), null))).hasValue(42);
        assertThat(JsonApiHeaders.deletedCount(new Response<>(204, Map.of(), null))).isEmpty();
        assertThatThrownBy(() -> JsonApiHeaders.totalCount(new Response<>(200, Map.of("X-Include-Total-Count", List.of("many")), null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not a whole number: \"many\"");
    }
}
