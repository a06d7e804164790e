package dev.flowbase.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "postgresql://u:hunter2@h/db | postgresql://u:****@h/db",
                "redis://:hunter2@h:6379 | redis://:****@h:6379",
                "jdbc:postgresql://h/db?user=u&password=hunter2&x=1 | jdbc:postgresql://h/db?user=u&password=****&x=1",
                "postgresql://u@h/db | postgresql://u@h/db",
                "mariadb://u:p$1\\x@h/db | mariadb://u:****@h/db",
                "mariadb://u:ab/cd@127.0.0.1:3306/x | mariadb://u:****@127.0.0.1:3306/x",
                "mariadb://u:S3cr@tXYZ@127.0.0.1 | mariadb://u:****@127.0.0.1",
                "postgresql://u:a?b#c@h:99x/db | postgresql://u:****@h:99x/db",
                "postgresql://u:Pw@Zq/y@h:1x/db | postgresql://u:****@h:1x/db"
            })
    void urlPasswordsAreMaskedAndTheRestKept(String url, String shown) {
        assertThat(Secret.maskUrlCredentials(url)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"hunter2", "x"})
    void aSecretNeverPrintsItsValue(String value) {
        Secret secret = new Secret(value);

        assertThat(secret.toString()).isEqualTo("****");
        assertThat(new DatabaseUrlHolder(secret).toString()).doesNotContain(value);
    }

    private record DatabaseUrlHolder(Secret password) {}
}
