package dev.flowbase.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlBracketTest {
    @Test
    void anUnclosedIpv6BracketIsNamedAsSuch() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@[::1/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected ] to close the IPv6 address [::1")
                .hasMessageNotContaining("port");
    }

    @Test
    void anUnclosedBracketWithoutUserIsNamedToo() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mariadb://[fe80::1:3306/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected ] to close the IPv6 address [fe80::1:3306");
    }
}
