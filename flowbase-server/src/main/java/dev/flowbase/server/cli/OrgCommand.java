package dev.flowbase.server.cli;

import dev.flowbase.db.Database;
import dev.flowbase.store.Actor;
import dev.flowbase.store.FoundedOrganization;
import dev.flowbase.store.Organization;
import dev.flowbase.store.Page;
import dev.flowbase.store.PageRequest;
import dev.flowbase.store.Stores;
import dev.flowbase.util.Printable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flowbase org …}: the installation's admin makes and lists organizations. Whoever reaches
 * the database with the owner's credentials is the installation's admin here, as for {@code api-key create}.
 */
@Command(
        name = "org",
        description = "Make, list, export and delete organizations (the tenants) with database access.",
        subcommands = {
            OrgCommand.Create.class,
            OrgCommand.ListOrgs.class,
            OrgExportCommand.class,
            OrgDeleteCommand.class
        })
final class OrgCommand {

    private static Map<String, Object> describe(Organization o) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", o.id().toString());
        doc.put("name", o.name());
        doc.put("slug", o.slug());
        doc.put("status", o.status().name().toLowerCase(Locale.ROOT));
        doc.put("createdAt", String.valueOf(o.createdAt()));
        return doc;
    }

    @Command(name = "create", description = "Make an organization (audited) and print its first admin API key once.")
    static final class Create extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The organization's name.")
        String name;

        @Option(
                names = "--slug",
                paramLabel = "SLUG",
                description = "Its stable name in URLs (default: made from NAME).")
        String slug;

        @Override
        public Integer call() {
            String actor = "cli:" + System.getProperty("user.name", "unknown");
            try (Database db = Database.open(config().database())) {
                FoundedOrganization founded = Stores.create(db)
                        .as(Actor.system(actor))
                        .organizations()
                        .found(name, slug);
                String key = founded.adminKey().secret();
                if (json()) {
                    Map<String, Object> doc = describe(founded.organization());
                    doc.put("adminKey", key);
                    Output.json(out(), doc);
                } else {
                    Organization o = founded.organization();
                    out().println("Created organization \"" + Printable.escape(o.name()) + "\" (slug "
                            + Printable.escape(o.slug()) + ", id " + o.id() + ").");
                    InitOutput.printKey(out(), key);
                }
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Every organization, oldest first.")
    static final class ListOrgs extends BaseCommand {
        @Override
        public Integer call() {
            List<Organization> all = new ArrayList<>();
            try (Database db = Database.open(config().database())) {
                Stores stores = Stores.create(db);
                PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
                while (true) {
                    Page<Organization> p = stores.organizations().list(page);
                    all.addAll(p.items());
                    if (p.next().isEmpty()) {
                        break;
                    }
                    page = page.after(p.nextCursor());
                }
            }
            if (json()) {
                Output.json(
                        out(),
                        Map.of(
                                "organizations",
                                all.stream().map(OrgCommand::describe).toList()));
            } else {
                Output.table(
                        out(),
                        List.of("SLUG", "NAME", "STATUS", "ID"),
                        all.stream()
                                .map(o -> List.of(
                                        Printable.escape(o.slug()),
                                        Printable.escape(o.name()),
                                        o.status().name().toLowerCase(Locale.ROOT),
                                        o.id().toString()))
                                .toList());
            }
            return 0;
        }
    }
}
