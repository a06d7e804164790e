package dev.flowbase.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Users of an organization. */
public final class UserStore {
    private final Tx tx;
    private final String insert;

    UserStore(Tx tx) {
        this.tx = tx;
        this.insert = Rows.insert(
                tx,
                "users",
                "id",
                "organization_id",
                "email",
                "name",
                "access_role",
                "status",
                "created_at",
                "updated_at");
    }

    public User create(UUID organizationId, String email, String name, AccessRole role) {
        Checks.required("organizationId", organizationId);
        String lower = Checks.notBlank("email", email).strip().toLowerCase(Locale.ROOT);
        Limits.text("email", lower, Limits.EMAIL);
        Limits.text("name", name, Limits.NAME);
        if (!lower.matches("[^@\\s]+@[^@\\s]+")) {
            throw Checks.invalid("email", "'" + email + "'", "an address such as ada@example.com");
        }
        return tx.write("Creating a user", h -> {
            Instant now = tx.now();
            var user = new User(
                    tx.newId(now),
                    organizationId,
                    lower,
                    name,
                    Checks.required("role", role),
                    User.Status.ACTIVE,
                    now,
                    now);
            h.createUpdate(insert).bindMethods(user).execute();
            tx.auditor.record(h, now, organizationId, "user.create", "user", user.id(), null, user);
            return user;
        });
    }

    public User get(UUID id) {
        return tx.read("Reading user " + id, h -> Rows.byId(tx, h, "users", id, User.class))
                .orElseThrow(() -> new NotFoundException("user", id));
    }

    public Optional<User> findByEmail(UUID organizationId, String email) {
        return tx.read(
                "Reading a user",
                h -> h.createQuery("SELECT * FROM users WHERE organization_id = :org AND email = :email")
                        .bind("org", organizationId)
                        .bind("email", email.strip().toLowerCase(Locale.ROOT))
                        .map(tx.rows(User.class))
                        .findOne());
    }

    public Page<User> list(UUID organizationId, PageRequest page) {
        return tx.read(
                "Listing users",
                h -> Keyset.OLDEST_FIRST.fetch(
                        tx,
                        h,
                        "users",
                        "organization_id = :org",
                        page,
                        User.class,
                        q -> q.bind("org", organizationId)));
    }

    /** Saves name, access role and status. */
    public User update(User changed) {
        return tx.write("Updating user " + changed.id(), h -> {
            User before = get(changed.id());
            Instant now = tx.now();
            h.createUpdate("UPDATE users SET name = :name, access_role = :accessRole, status = :status,"
                            + " updated_at = :now WHERE id = :id")
                    .bindMethods(changed)
                    .bind("now", now)
                    .execute();
            User after = get(changed.id());
            tx.auditor.record(h, now, after.organizationId(), "user.update", "user", after.id(), before, after);
            return after;
        });
    }
}
