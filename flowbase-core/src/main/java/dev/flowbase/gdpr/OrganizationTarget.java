package dev.flowbase.gdpr;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.store.Organization;
import dev.flowbase.store.OrganizationStore;
import dev.flowbase.store.Stores;
import dev.flowbase.util.Printable;

/**
 * The organization an export or an erasure is aimed at, named by its slug. The installation's own
 * organization ({@link OrganizationStore#INSTALLATION_SLUG}) is refused unless forced: its admin
 * keys administer the whole installation, and erasing it leaves the installation without them.
 */
public final class OrganizationTarget {
    private OrganizationTarget() {}

    /**
     * The organization {@code slug} names.
     *
     * @param verb what is about to happen to it ({@code export}, {@code delete}), for the refusal
     */
    public static Organization resolve(Stores stores, String slug, boolean force, String verb) {
        if (slug == null || slug.isBlank()) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "organization: empty; expected the slug of an organization (see `flowbase org list`)");
        }
        Organization org = stores.organizations()
                .findBySlug(slug)
                .orElseThrow(() -> new FlowbaseException(
                        ErrorCode.NOT_FOUND,
                        "organization '" + Printable.escape(slug) + "' not found; expected the slug of one of this"
                                + " installation's organizations (see `flowbase org list`)"));
        if (org.slug().equals(OrganizationStore.INSTALLATION_SLUG) && !force) {
            throw new FlowbaseException(
                    ErrorCode.REFUSED,
                    "organization '" + org.slug() + "' is the installation's own (its admin keys administer the"
                            + " installation): " + verb + " it only with --force (over HTTP: force=true)");
        }
        return org;
    }
}
