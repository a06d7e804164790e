package dev.flowbase.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbase.store.Stores;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every table of the schema is either an organization's (with the condition that picks its rows) or the installation's. */
class TenantRowsTest {
    @Test
    void everyTableIsAnOrganizationsOrTheInstallations() {
        Set<String> said = new HashSet<>(TenantRows.INSTALLATION_WIDE);
        TenantRows.PARTS.forEach(
                p -> assertThat(said.add(p.table())).as(p.table() + " twice").isTrue());
        assertThat(said).isEqualTo(Stores.TABLE_OWNERS.keySet());
    }
}
