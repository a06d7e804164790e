package dev.flowbase.gdpr;

import dev.flowbase.backup.BackupOptions;
import dev.flowbase.backup.BackupProgress;
import dev.flowbase.backup.Backups;
import dev.flowbase.backup.Manifest;
import dev.flowbase.store.Organization;
import dev.flowbase.store.Stores;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes every row of one organization ({@code flowbase org export}, {@code GET
 * /api/organization/export}) as a backup archive (docs/backup.md's format) holding only the
 * organization's rows of each table ({@link TenantRows}), read from one snapshot. So the export is
 * checked by {@code flowbase backup verify} and read by anything that reads archives; it is a record
 * of one organization, not a backup of the installation. The export is audited in the
 * organization's own trail (after the snapshot, so the archive does not hold its own entry).
 */
public final class OrganizationExport {
    private OrganizationExport() {}

    /**
     * Writes {@code org}'s rows to {@code out}, which must not exist; audited as the actor {@code
     * stores} were opened for ({@link Stores#as}). Returns the archive's manifest.
     */
    public static Manifest write(
            Stores stores, Organization org, Path out, BackupOptions options, BackupProgress progress) {
        Manifest manifest = Backups.archiveRows(
                stores.database(), out, options, TenantRows.exported(org.id()), stores.clock(), progress);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("archive", manifest.archiveId());
        after.put("file", out.getFileName().toString());
        after.put("rows", manifest.totalRows());
        stores.audit().record(org.id(), "organization.export", "organization", org.id(), null, after);
        return manifest;
    }
}
