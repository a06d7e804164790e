package dev.flowbase.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbase.engine.Engine;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "postgresql://u@h/db, postgresql",
        "postgres://u@h/db, postgresql",
        "mariadb://u@h/db, mariadb",
        "mysql://u@h/db, mariadb",
        "jdbc:postgresql://h:5433/db, postgresql",
        "jdbc:mariadb://h/db, mariadb",
        "jdbc:mysql://h/db, mariadb",
        "sqlite:./data/x.db, sqlite",
        "jdbc:sqlite:/tmp/x.db, sqlite",
        "sqlite::memory:, sqlite"
    })
    void everyAcceptedSchemeNamesItsEngine(String url, String engine) {
        assertThat(DatabaseUrl.parse(url).engine())
                .isEqualTo(Engine.fromName(engine).orElseThrow());
    }

    @Test
    void aServerUrlIsTakenApartIncludingEncodedCredentials() {
        DatabaseUrl url =
                DatabaseUrl.parse("postgresql://app%40corp:p%3Ass%2Fw@db.example:6543/flows?connectTimeout=5");

        assertThat(url.host()).contains("db.example");
        assertThat(url.port()).contains(6543);
        assertThat(url.database()).contains("flows");
        assertThat(url.user()).contains("app@corp");
        assertThat(url.password().map(Secret::value)).contains("p:ss/w");
        assertThat(url.options()).containsEntry("connectTimeout", "5").doesNotContainKey("password");
    }

    @Test
    void jdbcUrlsCarryCredentialsAsParameters() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h/db?user=alice&password=pw&ApplicationName=x");

        assertThat(url.user()).contains("alice");
        assertThat(url.password().map(Secret::value)).contains("pw");
        assertThat(url.options()).containsOnlyKeys("ApplicationName");
    }

    @ParameterizedTest(name = "sslmode={0}")
    @CsvSource({"disable, false, ", "require, true, false", "verify-full, true, true", "verify-ca, true, true"})
    void sslmodeSetsTlsAndVerification(String mode, boolean ssl, Boolean verify) {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://h/db?sslmode=" + mode);

        assertThat(url.ssl()).contains(ssl);
        assertThat(url.sslVerify()).isEqualTo(Optional.ofNullable(verify));
        assertThat(url.options()).isEmpty();
    }

    @Test
    void sqliteMemoryAndPathsAreKeptAsWritten() {
        assertThat(DatabaseUrl.parse("sqlite::memory:").database()).contains(":memory:");
        assertThat(DatabaseUrl.parse("sqlite:./data/x.db").database()).contains("./data/x.db");
        assertThat(DatabaseUrl.parse("sqlite:///var/lib/x.db").database()).contains("/var/lib/x.db");
    }

    @Test
    void anIpv6HostIsUnbracketed() {
        assertThat(DatabaseUrl.parse("postgresql://[::1]:5432/db").host()).contains("::1");
    }

    @ParameterizedTest
    @CsvSource({"oracle://h/db", "not a url", "postgresql://h:99999/db", "sqlite:", "postgresql://h/db?sslmode=maybe"})
    void aBadUrlSaysWhatWouldBeAccepted(String text) {
        assertThatThrownBy(() -> DatabaseUrl.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expected");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "mariadb://u:ab/cd@127.0.0.1:3306/x | ab/cd",
                "mariadb://u:S3cr@tXYZ@127.0.0.1:3306/x | S3cr@tXYZ",
                "mariadb://u:a?b#c:d@127.0.0.1:3306/x | a?b#c:d",
                "mariadb://u:50%off@127.0.0.1:3306/x | 50%off",
                "mariadb://u:p%2Fq@127.0.0.1:3306/x | p/q"
            })
    void anUnencodedPasswordEndsAtTheLastAtBeforeTheHost(String text, String password) {
        DatabaseUrl url = DatabaseUrl.parse(text);

        assertThat(url.password()).map(Secret::value).contains(password);
        assertThat(url.user()).contains("u");
        assertThat(url.host()).contains("127.0.0.1");
        assertThat(url.port()).contains(3306);
        assertThat(url.database()).contains("x");
    }

    @Test
    void anAtInTheQueryOfAUrlWithoutCredentialsStaysInTheQuery() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://h:5432/db?user=me@corp");

        assertThat(url.host()).contains("h");
        assertThat(url.user()).contains("me@corp");
    }
}
