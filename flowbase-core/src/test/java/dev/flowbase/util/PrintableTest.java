package dev.flowbase.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A value printed on a line cannot end that line or steer the terminal. */
class PrintableTest {
    @Test
    void controlCharactersAreShownAsTheirEscapes() {
        assertThat(Printable.escape("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
        assertThat(Printable.escape("nul\u0000 esc\u001b[31m del\u007f"))
                .isEqualTo("nul\\u0000 esc\\u001b[31m del\\u007f");
        assertThat(Printable.escape("line\u2028para\u2029")).isEqualTo("line\\u2028para\\u2029");
    }

    @Test
    void printableTextIsUnchanged() {
        String text = "Große Aufgabe: C:\\data \"q\" 🚀";
        assertThat(Printable.escape(text)).isSameAs(text);
        assertThat(Printable.escape(null)).isNull();
    }
}
