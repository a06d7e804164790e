package dev.flowbase.store;

import dev.flowbase.util.Json;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Organizations: the tenants. */
public final class OrganizationStore {
    private static final String INSERT =
            "INSERT INTO organizations (id, name, slug, status, settings, created_at, updated_at)"
                    + " VALUES (:id, :name, :slug, :status, :settings, :createdAt, :updatedAt)";

    /**
     * The slug of the installation's own organization, the one {@code flowbase init} makes and its
     * first admin key belongs to. Its keys are the installation's: they may change what belongs to
     * no organization (components, migrations, the server's debug mode) and read Flowbase's own log lines.
     */
    public static final String INSTALLATION_SLUG = "default";

    private final Tx tx;

    OrganizationStore(Tx tx) {
        this.tx = tx;
    }

    /** A new active organization; the slug is its stable name in URLs (lower case, unique). */
    public Organization create(String name, String slug) {
        Checks.notBlank("name", name);
        Checks.notBlank("slug", slug);
        Limits.text("name", name, Limits.NAME);
        Limits.text("slug", slug, Limits.SLUG);
        if (!slug.equals(slug.toLowerCase(Locale.ROOT))) {
            throw Checks.invalid("slug", "'" + slug + "'", "lower case only");
        }
        return tx.write("Creating organization " + slug, h -> {
            Instant now = tx.now();
            var org = new Organization(
                    tx.newId(now), name, slug, Organization.Status.ACTIVE, Json.emptyObject(), now, now);
            h.createUpdate(INSERT).bindMethods(org).execute();
            tx.auditor.record(h, now, org.id(), "organization.create", "organization", org.id(), null, org);
            return org;
        });
    }

    public Organization get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("organization", id));
    }

    public Optional<Organization> find(UUID id) {
        return tx.read("Reading organization " + id, h -> Rows.byId(tx, h, "organizations", id, Organization.class));
    }

    public Optional<Organization> findBySlug(String slug) {
        return tx.read(
                "Reading organization " + slug,
                h -> h.createQuery("SELECT * FROM organizations WHERE slug = :slug")
                        .bind("slug", slug)
                        .map(tx.rows(Organization.class))
                        .findOne());
    }

    /** The installation's own organization ({@link #INSTALLATION_SLUG}), once it is made. */
    public Optional<Organization> installation() {
        return findBySlug(INSTALLATION_SLUG);
    }

    public Page<Organization> list(PageRequest page) {
        return tx.read(
                "Listing organizations",
                h -> Keyset.OLDEST_FIRST.fetch(tx, h, "organizations", "1 = 1", page, Organization.class, q -> q));
    }

    /** Saves name, status and settings; the slug never changes. */
    public Organization update(Organization changed) {
        return tx.write("Updating organization " + changed.id(), h -> {
            Organization before = get(changed.id());
            Instant now = tx.now();
            h.createUpdate("UPDATE organizations SET name = :name, status = :status, settings = :settings,"
                            + " updated_at = :now WHERE id = :id")
                    .bindMethods(changed)
                    .bind("now", now)
                    .execute();
            Organization after = get(changed.id());
            tx.auditor.record(h, now, after.id(), "organization.update", "organization", after.id(), before, after);
            return after;
        });
    }
}
