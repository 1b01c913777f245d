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

    @Test
    void windowsDeviceNamesAreRecognisedInAnyCaseAndWithAnyExtension() {
        for (String name : new String[] {"CON", "con", "Con", "PRN", "aux", "Nul", "COM1", "com9", "LPT1", "Lpt9", "COM0",
                "CON.java", "nul.txt", "Aux.tar.gz", "CONIN$", "conout$", "COM\u00B9"}) {
            assertThat(JavaNames.isWindowsReserved(name)).as(name).isTrue();
        }
        for (String name : new String[] {"Cons", "Console", "Nuls", "COM", "COM10", "LPT", "Auxiliary", "Con_", "Con2x", "ACON"}) {
            assertThat(JavaNames.isWindowsReserved(name)).as(name).isFalse();
        }
    }

    @Test
    void typeScopesHandOutFileSafeNames() {
        NameScope types = NameScope.forTypes();
        assertThat(types.allocate("Con")).isEqualTo("Con_");
        assertThat(types.allocate("NUL")).isEqualTo("NUL_");
        assertThat(types.allocate("Com")).isEqualTo("Com");
        assertThat(types.allocate("Com")).as("Com2 would be COM2").isEqualTo("Com2_");
        assertThat(types.allocate("Pet")).isEqualTo("Pet");
        assertThat(types.allocate("PET")).isEqualTo("PET2");
        assertThat(types.allocate("pet")).isEqualTo("pet3");
        assertThat(new NameScope().allocate("Con")).as("members are no files").isEqualTo("Con");
    }

    @Test
    void longTypeNamesKeepTheirStartAndGetAStableHash() {
        String tag = "Very" + "Long".repeat(75) + "Api";
        NameScope types = NameScope.forTypes();
        String first = types.allocate(tag);
        assertThat(first).hasSize(JavaNames.MAX_TYPE_NAME).startsWith("VeryLongLong").matches("[A-Za-z]+_[0-9a-f]{8}");
        assertThat(NameScope.forTypes().allocate(tag)).as("the same on every run").isEqualTo(first);
        String second = types.allocate(tag);
        assertThat(second).hasSize(JavaNames.MAX_TYPE_NAME).isNotEqualToIgnoringCase(first);
        assertThat(NameScope.forTypes().allocate(tag.replace("Api", "Apj"))).isNotEqualTo(first);
        assertThat(JavaNames.shortened("Short", 10)).isEqualTo("Short");
    }

    @Test
    void packageSegmentsAreShortAndNoDeviceNames() {
        assertThat(JavaNames.packageSegment("Con")).isEqualTo("con_");
        assertThat(JavaNames.packageSegment("LPT1")).isEqualTo("lpt1_");
        assertThat(JavaNames.packageSegment("x".repeat(300))).hasSize(JavaNames.MAX_PACKAGE_SEGMENT);
    }

    @Test
    void noTypeScopeHandsOutAJavaLangName() {
        assertThat(JavaNames.typeName("string")).isEqualTo("StringModel");
        assertThat(JavaNames.typeName("illegal-argument-exception")).isEqualTo("IllegalArgumentExceptionModel");
        assertThat(JavaNames.typeName("STRING")).as("case-sensitive, like Java").isEqualTo("STRING");
        // a name made of parts (context + property) can still come out as one: the scope refuses it
        NameScope types = NameScope.forTypes();
        assertThat(types.allocate("Char" + "Sequence")).isEqualTo("CharSequence2");
        assertThat(types.allocate("CharSequence")).isEqualTo("CharSequence3");
        assertThat(types.allocate("StringModel")).isEqualTo("StringModel");
        assertThat(new NameScope().allocate("String")).as("members cannot shadow a type").isEqualTo("String");
    }
}
