package dev.specwright.generator.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryArraysTest {

    @Test
    void explodedArraysRepeatTheParameterAndExplodeFalseJoinsIt() throws Exception {
        String api = Feature.generate("query-arrays.yaml").source("api/QueryArraysApi.java");
        assertThat(api).contains(".queryEach(\"status\", params.status())")
                .contains(".query(\"tags\", params.tags())")
                .contains(".queryEach(\"ids\", ids)");
    }
}
