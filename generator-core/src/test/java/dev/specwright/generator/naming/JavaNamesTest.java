package dev.specwright.generator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaNamesTest {

    @Test
    void typeNames() {
        assertThat(JavaNames.typeName("order-row")).isEqualTo("OrderRow");
        assertThat(JavaNames.typeName("HTTPServer")).isEqualTo("HTTPServer");
        assertThat(JavaNames.typeName("1st place")).isEqualTo("_1stPlace");
        assertThat(JavaNames.typeName("Error")).isEqualTo("ErrorModel");
        assertThat(JavaNames.typeName("")).isEqualTo("Type");
    }

    @Test
    void memberNames() {
        assertThat(JavaNames.memberName("X-ConnectionId")).isEqualTo("xConnectionId");
        assertThat(JavaNames.memberName("class")).isEqualTo("class_");
        assertThat(JavaNames.memberName("ListProducts")).isEqualTo("listProducts");
        assertThat(JavaNames.memberName("get /api/products/{sku}")).isEqualTo("getApiProductsSku");
        assertThat(JavaNames.memberName("ID")).isEqualTo("id");
    }

    @Test
    void constantNames() {
        assertThat(JavaNames.constantName("isDeleted")).isEqualTo("IS_DELETED");
        assertThat(JavaNames.constantName("a-b")).isEqualTo("A_B");
        assertThat(JavaNames.constantName("")).isEqualTo("EMPTY");
        assertThat(JavaNames.constantName("1st")).isEqualTo("_1ST");
    }

    @Test
    void scopesNeverHandOutANameTwiceEvenIgnoringCase() {
        NameScope scope = new NameScope().reserve("Builder");
        assertThat(scope.allocate("builder")).isEqualTo("builder2");
        assertThat(scope.allocate("Foo")).isEqualTo("Foo");
        assertThat(scope.allocate("FOO")).isEqualTo("FOO2");
    }
}
