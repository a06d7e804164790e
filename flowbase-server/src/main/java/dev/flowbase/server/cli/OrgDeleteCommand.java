package dev.flowbase.server.cli;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.gdpr.Erasure;
import dev.flowbase.gdpr.OrganizationErasure;
import dev.flowbase.gdpr.OrganizationTarget;
import dev.flowbase.store.Actor;
import dev.flowbase.store.Organization;
import dev.flowbase.store.Origin;
import dev.flowbase.store.Stores;
import dev.flowbase.util.Printable;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowbase org delete ORG --confirm}: every row of one organization deleted, one audit entry kept. */
@Command(
        name = "delete",
        description =
                "Delete every row of one organization (GDPR erasure); an audit entry of the installation's records it.")
final class OrgDeleteCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ORG", description = "The organization's slug (see `flowbase org list`).")
    String slug;

    @Option(names = "--confirm", description = "Required: the deletion cannot be undone (export first).")
    boolean confirm;

    @Option(names = "--force", description = "Delete the installation's own organization (default) too.")
    boolean force;

    @Override
    public Integer call() {
        String actor = "cli:" + System.getProperty("user.name", "unknown");
        try (Database db = Database.open(config().database())) {
            Stores stores = Stores.create(db);
            Organization org = OrganizationTarget.resolve(stores, slug, force, "delete");
            if (!confirm) {
                throw new FlowbaseException(
                        ErrorCode.REFUSED,
                        "--confirm: missing; `org delete " + Printable.escape(org.slug()) + "` deletes every row of"
                                + " that organization and cannot be undone: export it first (`flowbase org export "
                                + Printable.escape(org.slug()) + "`), then add --confirm");
            }
            Erasure e = OrganizationErasure.erase(stores, Actor.system(actor), Origin.NONE, org);
            if (json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("organization", e.slug());
                doc.put("organizationId", e.organizationId().toString());
                doc.put("at", e.at().toString());
                doc.put("rows", e.rows());
                doc.put("deleted", e.deleted());
                doc.put("anonymisedActors", e.anonymised());
                Output.json(out(), doc);
            } else {
                out().println("Deleted organization " + Printable.escape(e.slug()) + " (id " + e.organizationId()
                        + "): " + e.rows() + " rows; the audit log keeps the entry organization.erase.");
            }
        }
        return 0;
    }
}
