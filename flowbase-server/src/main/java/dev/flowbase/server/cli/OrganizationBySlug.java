package dev.flowbase.server.cli;

import dev.flowbase.db.Database;
import dev.flowbase.store.NotFoundException;
import dev.flowbase.store.Stores;
import java.util.UUID;

/** The organization a command's {@code --organization SLUG} names, or a not-found error naming it. */
final class OrganizationBySlug {
    private OrganizationBySlug() {}

    static UUID id(Database db, String slug) {
        return Stores.create(db)
                .organizations()
                .findBySlug(slug)
                .orElseThrow(() -> new NotFoundException("organization", slug))
                .id();
    }
}
