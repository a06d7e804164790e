package dev.flowbase.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void controlCharactersAreShownAsEscapesAndNeverReachTheTerminal() {
        String hostile = "V1__a\nb\r\tc\u001b[31mred\u0000\u007f\u009b.sql";

        assertThat(Printable.escape(hostile))
                .isEqualTo("V1__a\\nb\\r\\tc\\u001b[31mred\\u0000\\u007f\\u009b.sql")
                .doesNotContainPattern("\\p{Cntrl}");
    }

    @Test
    void lineSeparatorsAndDirectionOverridesAreEscapedToo() {
        assertThat(Printable.escape("a\u2028b\u202Ec\u2066")).isEqualTo("a\\u2028b\\u202ec\\u2066");
    }

    @Test
    void printableTextOfAnyScriptIsKeptAsItIs() {
        assertThat(Printable.escape("V4__ünï cødé \\ 表.sql")).isEqualTo("V4__ünï cødé \\ 表.sql");
        assertThat(Printable.escape(null)).isEqualTo("null");
    }
}
