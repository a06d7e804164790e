package dev.flowbase.server.http.routes;

import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Body;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.Reply;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import dev.flowbase.store.AccessRole;
import dev.flowbase.store.ApiKey;
import dev.flowbase.store.Organization;
import dev.flowbase.store.Page;
import dev.flowbase.store.User;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The caller's organization, its users and its API keys. A key acts in one organization only;
 * creating a key returns its secret once, and it is never shown again.
 */
public final class AccountRoutes implements RouteGroup {
    public record NewUser(String email, String name, String role) {}

    public record NewKey(String name, String role) {}

    /** An API key as listed: never its hash. */
    public record KeyView(
            UUID id,
            String name,
            String keyPrefix,
            AccessRole accessRole,
            Instant lastUsedAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant createdAt) {
        public static KeyView of(ApiKey k) {
            return new KeyView(
                    k.id(),
                    k.name(),
                    k.keyPrefix(),
                    k.accessRole(),
                    k.lastUsedAt(),
                    k.expiresAt(),
                    k.revokedAt(),
                    k.createdAt());
        }
    }

    /** A key just created: {@code secret} is shown this once. */
    public record CreatedKey(KeyView key, String secret) {}

    private final Consumer<UUID> revoked;

    /** {@code revoked} hears each key revoked here, so the server stops trusting it at once. */
    public AccountRoutes(Consumer<UUID> revoked) {
        this.revoked = revoked;
    }

    @Override
    public void register(Router r) {
        r.group("accounts");
        r.get(
                        "/api/organization",
                        Access.VIEWER,
                        call -> call.stores().organizations().get(call.organization()))
                .summary("The organization the key acts in")
                .returns(Organization.class);
        r.get("/api/users", Access.ADMIN, call -> call.stores().users().list(call.organization(), call.page()))
                .summary("The organization's users")
                .query("limit", "page size, 1 to 1000 (50)")
                .query("cursor", "the nextCursor of the page before")
                .returns(Body.pageOf(User.class));
        r.post("/api/users", Access.ADMIN, this::createUser)
                .summary("Add a user to the organization")
                .accepts(NewUser.class)
                .returns(201, Body.of(User.class));
        r.get("/api/api-keys", Access.ADMIN, this::keys)
                .summary("The organization's API keys (prefix only, never the key)")
                .query("limit", "page size, 1 to 1000 (50)")
                .query("cursor", "the nextCursor of the page before")
                .returns(Body.pageOf(KeyView.class));
        r.post("/api/api-keys", Access.ADMIN, this::createKey)
                .summary("Create an API key; its secret is in this answer only")
                .accepts(NewKey.class)
                .returns(201, Body.of(CreatedKey.class));
        r.delete("/api/api-keys/{id}", Access.ADMIN, this::revoke)
                .summary("Revoke an API key from now on")
                .returns(KeyView.class);
    }

    private Object createUser(Call call) {
        NewUser b = call.body(NewUser.class);
        AccessRole role = AccessRole.parse("role", b.role() == null ? "viewer" : b.role());
        return Reply.status(201, call.stores().users().create(call.organization(), b.email(), b.name(), role));
    }

    private Object keys(Call call) {
        var page = call.stores().apiKeys().list(call.organization(), call.page());
        return new Page<>(page.items().stream().map(KeyView::of).toList(), page.nextCursor());
    }

    private Object createKey(Call call) {
        NewKey b = call.body(NewKey.class);
        AccessRole role = AccessRole.parse("role", b.role() == null ? "viewer" : b.role());
        ApiKey.Created created = call.stores().apiKeys().create(call.organization(), b.name(), role, null);
        return Reply.status(201, new CreatedKey(KeyView.of(created.key()), created.secret()));
    }

    private Object revoke(Call call) {
        UUID id = call.uuid("id");
        call.stores().apiKeys().get(id); // another organization's key is not found
        ApiKey after = call.stores().apiKeys().revoke(id);
        revoked.accept(id);
        return KeyView.of(after);
    }
}
