package dev.flowbase.seed;

import dev.flowbase.db.Database;
import dev.flowbase.db.SqlErrors;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The first admin API key. Only its SHA-256 hash and a short prefix are stored; the key itself
 * exists once, in the return value of {@link #createIfNone}, to be shown to the person who ran
 * {@code flowbase init}.
 */
public final class AdminKeys {
    static final String PREFIX = "fb_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminKeys() {}

    /** The access roles a key may carry (not to be confused with agent roles). */
    public static final java.util.List<String> ACCESS_ROLES = java.util.List.of("admin", "operator", "viewer");

    /**
     * A new key when the default organization has no admin key yet; empty otherwise. The check and
     * the insert share one transaction, so two inits at once cannot both mint a first key.
     */
    public static Optional<String> createIfNone(Database database) {
        return inTransaction(database, "Creating the first admin API key", c -> {
            UUID org = DefaultsSeed.defaultOrganization(new SeedWriter(c, database.dialect()));
            return hasAdminKey(c, org)
                    ? Optional.empty()
                    : Optional.of(insert(c, org, "initial admin key", "admin").key());
        });
    }

    /**
     * Mints a key of {@code role} in the default organization, for operators with database access
     * who lost the first one, and writes who did it to the audit log in the same transaction.
     */
    public static String create(Database database, String role, String name, String actor) {
        if (!ACCESS_ROLES.contains(role)) {
            throw new FlowbaseException(
                    ErrorCode.INVALID_ARGUMENT,
                    "--role=" + role + ": expected one of " + String.join(", ", ACCESS_ROLES));
        }
        return inTransaction(database, "Creating an API key", c -> {
            UUID org = DefaultsSeed.defaultOrganization(new SeedWriter(c, database.dialect()));
            Minted minted = insert(c, org, name, role);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (id, organization_id, actor_type,"
                    + " actor_label, action, entity_type, entity_id, after_data) VALUES (?, ?, 'system', ?,"
                    + " 'api_key.create', 'api_key', ?, ?)")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, org.toString());
                ps.setString(3, actor);
                ps.setString(4, minted.id());
                // Role and prefix are from closed sets (checked above, base64url): nothing here needs escaping.
                ps.setString(
                        5,
                        "{\"access_role\": \"" + role + "\", \"key_prefix\": \""
                                + minted.key().substring(0, 10) + "\"}");
                ps.executeUpdate();
            }
            return minted.key();
        });
    }

    private record Minted(String id, String key) {}

    private static Minted insert(Connection c, UUID org, String name, String role) throws SQLException {
        String key = newKey();
        String id = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys (id, organization_id, name, key_hash,"
                + " key_prefix, access_role) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, org.toString());
            ps.setString(3, name);
            ps.setString(4, hash(key));
            ps.setString(5, key.substring(0, 10));
            ps.setString(6, role);
            ps.executeUpdate();
        }
        return new Minted(id, key);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static <T> T inTransaction(Database database, String action, Work<T> work) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.statement(database.dialect(), action, e);
        }
    }

    /** How a presented key is looked up: never by the key itself. */
    public static String hash(String key) {
        return dev.flowbase.util.Sha256.hex(key);
    }

    private static boolean hasAdminKey(Connection c, UUID org) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM api_keys WHERE organization_id = ? AND access_role = 'admin' AND revoked_at IS NULL")) {
            ps.setString(1, org.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String newKey() {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
