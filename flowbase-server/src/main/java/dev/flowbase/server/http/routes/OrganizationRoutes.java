package dev.flowbase.server.http.routes;

import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Body;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.Reply;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import dev.flowbase.store.FoundedOrganization;
import dev.flowbase.store.Organization;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Every organization of the installation, made and listed by the installation's admin (an admin
 * key of the installation's own organization): the HTTP face of {@code flowbase org}. An
 * organization's own admin sees only its organization, under {@code /api/organization}.
 */
public final class OrganizationRoutes implements RouteGroup {
    /** {@code slug} may be left out: it is then made from the name. */
    public record NewOrganization(String name, String slug) {}

    /** An organization just made, and its first admin key: {@code adminKey.secret} is shown this once. */
    public record Founded(Organization organization, AccountRoutes.CreatedKey adminKey) {}

    private final BiConsumer<UUID, String> keyDeleted;

    /** {@code keyDeleted} hears each key of an erased organization ({@link OrganizationDataRoutes}). */
    public OrganizationRoutes(BiConsumer<UUID, String> keyDeleted) {
        this.keyDeleted = keyDeleted;
    }

    @Override
    public void register(Router r) {
        r.group("accounts");
        r.get(
                        "/api/organizations",
                        Access.INSTALLATION_ADMIN,
                        call -> call.stores().organizations().list(call.page()))
                .summary("Every organization of the installation, oldest first")
                .query("limit", "page size, 1 to 1000 (50)")
                .query("cursor", "the nextCursor of the page before")
                .returns(Body.pageOf(Organization.class));
        r.post("/api/organizations", Access.INSTALLATION_ADMIN, this::create)
                .summary("Make an organization and its first admin key; the key's secret is in this answer only")
                .accepts(NewOrganization.class)
                .returns(201, Body.of(Founded.class));
        new OrganizationDataRoutes(keyDeleted).register(r);
    }

    private Object create(Call call) {
        NewOrganization b = call.body(NewOrganization.class);
        FoundedOrganization f = call.stores().organizations().found(b.name(), b.slug());
        var key = new AccountRoutes.CreatedKey(
                AccountRoutes.KeyView.of(f.adminKey().key()), f.adminKey().secret());
        return Reply.status(201, new Founded(f.organization(), key));
    }
}
