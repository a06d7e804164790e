package dev.flowbase.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** PostgreSQL's multi-host URLs: every host checked, the first one the URL's own, the rest in order. */
class MultiHostUrlTest {

    @Test
    void severalHostsAreKeptInOrderWithTheFirstAsTheUrlsHost() {
        DatabaseUrl url =
                DatabaseUrl.parse("postgresql://app:pw@db1:5432,db2:5433,[::1]:5434/flows?targetServerType=primary");

        assertThat(url.host()).contains("db1");
        assertThat(url.port()).contains(5432);
        assertThat(url.moreHosts()).containsExactly("db2:5433", "[::1]:5434");
        assertThat(url.database()).contains("flows");
        assertThat(url.options()).containsEntry("targetServerType", "primary");
    }

    @Test
    void theConfigurationNamesEveryHostAndTheDriverGetsThemAll() {
        DatabaseConfig config = DatabaseConfig.fromUrl("postgresql://app@db1:5432,db2/flows");

        assertThat(config.hostAndPort()).isEqualTo("db1:5432,db2");
        assertThat(config.describeTarget()).isEqualTo("postgresql://app@db1:5432,db2/flows");
    }

    @Test
    void aHostThatIsNotHostOrHostPortIsNamed() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db1:5432,,db2/flows"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not ''")
                .hasMessageContaining("host or host:port");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db1:5432,db2:99999/flows"))
                .hasMessageContaining("not 'db2:99999'");
    }

    @Test
    void anUnknownTargetServerTypeSaysWhatWouldBeAccepted() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db1,db2/flows?targetServerType=leader"))
                .hasMessageContaining("targetServerType")
                .hasMessageContaining("not 'leader'")
                .hasMessageContaining("primary");
    }

    @Test
    void severalHostsForMariaDbAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> DatabaseConfig.fromUrl("mariadb://root@db1:3306,db2:3306/flows"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("several hosts")
                .hasMessageContaining("PostgreSQL");
    }

    @Test
    void aDirectUrlMustNameTheSameEngineAndKeepsItsPasswordOutOfMessages() {
        assertThatThrownBy(() -> new ConfigLoader()
                        .environment(Map.of("DB_DIRECT_URL", "mariadb://root:hunter2@db:3306/flows"))
                        .flag(Settings.DATABASE_URL, "postgresql://app@bouncer:6432/flows?prepareThreshold=0")
                        .load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DB_DIRECT_URL")
                .hasMessageContaining("same engine")
                .hasMessageNotContaining("hunter2");
        DatabaseConfig config = new ConfigLoader()
                .environment(Map.of("DB_DIRECT_URL", "postgresql://app:hunter2@db:5432/flows"))
                .flag(Settings.DATABASE_URL, "postgresql://app@bouncer:6432/flows?prepareThreshold=0")
                .load()
                .database();
        assertThat(config.direct().orElseThrow().hostAndPort()).isEqualTo("db:5432");
        assertThat(config.toString()).doesNotContain("hunter2");
    }

    @Test
    void aFallbackUrlMayNameAnyEngineIsCheckedAndKeepsItsPasswordOutOfMessages() {
        assertThatThrownBy(() -> new ConfigLoader()
                        .environment(Map.of("DB_FALLBACK_URL", "oracle://root:hunter2@db:1521/flows"))
                        .flag(Settings.DATABASE_URL, "postgresql://app@db:5432/flows")
                        .load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DB_FALLBACK_URL")
                .hasMessageNotContaining("hunter2");
        DatabaseConfig config = new ConfigLoader()
                .environment(Map.of("DB_FALLBACK_URL", "mariadb://root:hunter2@other:3306/kept"))
                .flag(Settings.DATABASE_URL, "postgresql://app@db:5432/flows")
                .load()
                .database();
        DatabaseConfig fallback = config.fallback().orElseThrow();
        assertThat(fallback.describeTarget()).isEqualTo("mariadb://root@other:3306/kept");
        assertThat(fallback.pool().maxSize()).isLessThanOrEqualTo(4);
        assertThat(config.toString()).doesNotContain("hunter2");
        assertThat(DatabaseConfig.fromUrl("sqlite::memory:").fallback()).isEmpty();
    }
}
