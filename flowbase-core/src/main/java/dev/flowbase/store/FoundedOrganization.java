package dev.flowbase.store;

/**
 * An organization just made by the installation's admin, and its first admin key: the key's secret
 * exists here once, to be shown to whoever made the organization, and is never stored.
 */
public record FoundedOrganization(Organization organization, ApiKey.Created adminKey) {
    @Override
    public String toString() {
        return "FoundedOrganization[organization=" + organization.slug() + ", adminKey=****]";
    }
}
