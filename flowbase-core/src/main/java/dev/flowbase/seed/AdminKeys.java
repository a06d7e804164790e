package dev.flowbase.seed;

import dev.flowbase.db.Database;
import dev.flowbase.db.SqlErrors;
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

    /** A new key when the default organization has no admin key yet; empty otherwise. */
    public static Optional<String> createIfNone(Database database) {
        try (Connection c = database.connection()) {
            UUID org = DefaultsSeed.defaultOrganization(new SeedWriter(c, database.dialect()));
            if (hasAdminKey(c, org)) {
                return Optional.empty();
            }
            String key = newKey();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys (id, organization_id, name, key_hash,"
                    + " key_prefix, access_role) VALUES (?, ?, ?, ?, ?, 'admin')")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, org.toString());
                ps.setString(3, "initial admin key");
                ps.setString(4, hash(key));
                ps.setString(5, key.substring(0, 10));
                ps.executeUpdate();
            }
            return Optional.of(key);
        } catch (SQLException e) {
            throw SqlErrors.statement(database.dialect(), "Creating the first admin API key", e);
        }
    }

    /** How a presented key is looked up: never by the key itself. */
    public static String hash(String key) {
        return Seeder.sha256(key);
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
