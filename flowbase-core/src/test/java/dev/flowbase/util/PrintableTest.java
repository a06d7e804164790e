package dev.flowbase.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A value printed on a line cannot end that line or steer the terminal. */
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
        assertThat(Printable.escape("a\u2028b\u2029c\u202Ed\u2066")).isEqualTo("a\\u2028b\\u2029c\\u202ed\\u2066");
    }

    @Test
    void printableTextOfAnyScriptIsKeptAsItIs() {
        String text = "V4__ünï cødé \\ 表 \"q\" 🚀.sql";
        assertThat(Printable.escape(text)).isSameAs(text);
        assertThat(Printable.escape(null)).isNull();
    }
}
