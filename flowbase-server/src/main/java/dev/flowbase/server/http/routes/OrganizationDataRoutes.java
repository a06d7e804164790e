package dev.flowbase.server.http.routes;

import dev.flowbase.backup.BackupOptions;
import dev.flowbase.backup.BackupProgress;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.gdpr.Erasure;
import dev.flowbase.gdpr.OrganizationErasure;
import dev.flowbase.gdpr.OrganizationExport;
import dev.flowbase.gdpr.OrganizationTarget;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Body;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.Download;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import dev.flowbase.store.Organization;
import dev.flowbase.store.Stores;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * An organization's data as a whole (docs/security.md#gdpr): its admin exports it, and the
 * installation's admin exports or erases any organization. The installation's own organization is
 * refused without {@code force=true}, an erasure without {@code confirm=true}.
 */
public final class OrganizationDataRoutes implements RouteGroup {
    /** What an erasure did: the rows deleted per table; an audit entry of no organization records it. */
    public record Erased(UUID organizationId, String slug, Instant at, long rows, Map<String, Integer> deleted) {}

    private final BiConsumer<UUID, String> keyDeleted;

    /** {@code keyDeleted} hears each erased key (its id and hash), so the server stops trusting it at once. */
    public OrganizationDataRoutes(BiConsumer<UUID, String> keyDeleted) {
        this.keyDeleted = keyDeleted;
    }

    @Override
    public void register(Router r) {
        r.group("accounts");
        r.get("/api/organization/export", Access.ADMIN, call -> export(call, call.stores(), own(call)))
                .summary("Every row of the key's organization as a backup archive (docs/backup.md's format)")
                .query("force", "true to export the installation's own organization (default)")
                .returns(Body.BINARY);
        r.get(
                        "/api/organizations/{slug}/export",
                        Access.INSTALLATION_ADMIN,
                        call -> export(call, installationWide(call), named(call)))
                .summary("Every row of one organization as a backup archive, for the installation's admin")
                .query("force", "true to export the installation's own organization (default)")
                .returns(Body.BINARY);
        r.delete("/api/organizations/{slug}", Access.INSTALLATION_ADMIN, this::erase)
                .summary("Delete every row of one organization; an audit entry of the installation records it")
                .query("confirm", "true: required, the deletion cannot be undone")
                .query("force", "true to delete the installation's own organization (default)")
                .returns(Body.of(Erased.class));
    }

    private static Organization own(Call call) {
        Organization org = call.stores().organizations().get(call.organization());
        return OrganizationTarget.resolve(call.stores(), org.slug(), call.flag("force"), "export");
    }

    private static Organization named(Call call) {
        return OrganizationTarget.resolve(call.services().stores(), call.path("slug"), call.flag("force"), "export");
    }

    /** Stores acting in no organization, audited in the caller's name: the installation's admin at work. */
    private static Stores installationWide(Call call) {
        return call.services().stores().as(call.principal().actor(), call.origin());
    }

    /** Written to a private temporary file first (an archive is written whole, then renamed), then streamed. */
    private static Download export(Call call, Stores stores, Organization org) {
        try {
            Path dir = Files.createTempDirectory("flowbase-export-");
            String name = "org-" + org.slug().replaceAll("[^a-z0-9-]", "-") + ".fbk";
            Path file = dir.resolve(name);
            try {
                OrganizationExport.write(stores, org, file, BackupOptions.DEFAULT, BackupProgress.NONE);
                InputStream in = Files.newInputStream(file);
                return new Download(Download.OCTETS, name, in);
            } finally {
                // The open stream keeps reading the file; its name goes now, so nothing is left behind.
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the export of " + org.slug(), e);
        }
    }

    private Erased erase(Call call) {
        Stores stores = call.services().stores();
        Organization org = OrganizationTarget.resolve(stores, call.path("slug"), call.flag("force"), "delete");
        if (!call.flag("confirm")) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED,
                    "confirm: missing; deleting organization '" + org.slug() + "' cannot be undone: export it first"
                            + " (GET /api/organizations/" + org.slug() + "/export), then send confirm=true");
        }
        Erasure e = OrganizationErasure.erase(stores, call.principal().actor(), call.origin(), org);
        e.keyHashes().forEach(keyDeleted);
        return new Erased(e.organizationId(), e.slug(), e.at(), e.rows(), e.deleted());
    }
}
