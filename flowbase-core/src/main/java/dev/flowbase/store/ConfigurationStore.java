package dev.flowbase.store;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.security.SecretBox;
import dev.flowbase.util.Json;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Configurations. Sensitive values are sealed with AES-256-GCM under the master key before they
 * reach the database, and never leave this store in clear except through {@link #reveal}.
 */
public final class ConfigurationStore {
    private final Tx tx;
    private final String key;

    ConfigurationStore(Tx tx) {
        this.tx = tx;
        this.key = tx.q("key");
    }

    /** Creates or replaces the value of {@code key}; a sensitive value is encrypted first. */
    public Configuration put(
            UUID organizationId,
            String name,
            String value,
            Configuration.Type type,
            boolean sensitive,
            String description) {
        Checks.notBlank("key", name);
        Checks.required("type", type);
        Limits.text("key", name, Limits.KEY);
        Limits.longText("description", description);
        checkType(name, value, type, sensitive);
        String stored = sensitive && value != null ? tx.secrets.require(name).seal(value) : value;
        return tx.write("Saving configuration " + name, h -> {
            Instant now = tx.now();
            Optional<Configuration> before = find(h, organizationId, name);
            if (before.isPresent()) {
                h.createUpdate("UPDATE configurations SET value = :value, type = :type, description = :description,"
                                + " is_sensitive = :sensitive, lock_version = lock_version + 1, updated_at = :now"
                                + " WHERE id = :id")
                        .bind("value", stored)
                        .bind("type", type)
                        .bind("description", description)
                        .bind("sensitive", sensitive)
                        .bind("now", now)
                        .bind("id", before.get().id())
                        .execute();
            } else {
                h.createUpdate("INSERT INTO configurations (id, organization_id, " + key + ", value, type, description,"
                                + " is_sensitive, lock_version, created_at, updated_at) VALUES (:id, :org, :key, :value,"
                                + " :type, :description, :sensitive, 1, :now, :now)")
                        .bind("id", tx.newId(now))
                        .bind("org", organizationId)
                        .bind("key", name)
                        .bind("value", stored)
                        .bind("type", type)
                        .bind("description", description)
                        .bind("sensitive", sensitive)
                        .bind("now", now)
                        .execute();
            }
            Configuration after = find(h, organizationId, name)
                    .map(ConfigurationStore::masked)
                    .orElseThrow();
            tx.auditor.record(
                    h,
                    now,
                    organizationId,
                    "configuration.put",
                    "configuration",
                    after.id(),
                    before.map(ConfigurationStore::masked).orElse(null),
                    after);
            return after;
        });
    }

    /** The configuration, with a sensitive value masked. */
    public Optional<Configuration> get(UUID organizationId, String name) {
        return tx.read("Reading configuration " + name, h -> find(h, organizationId, name))
                .map(ConfigurationStore::masked);
    }

    /** The value in clear (decrypted when sensitive); revealing a sensitive value is audited. */
    public Optional<String> reveal(UUID organizationId, String name) {
        return tx.write("Revealing configuration " + name, h -> {
            Optional<Configuration> row = find(h, organizationId, name);
            if (row.isEmpty() || !row.get().isSensitive() || row.get().value() == null) {
                return row.map(Configuration::value);
            }
            String plain = tx.secrets.require(name).open(row.get().value(), "configuration " + name);
            tx.auditor.record(
                    h,
                    tx.now(),
                    organizationId,
                    "configuration.reveal",
                    "configuration",
                    row.get().id(),
                    null,
                    null);
            return Optional.of(plain);
        });
    }

    /** Installation-wide configurations ({@code organizationId} null) or an organization's, by key. */
    public List<Configuration> list(UUID organizationId) {
        return tx
                .read(
                        "Listing configurations",
                        h -> h.createQuery("SELECT * FROM configurations WHERE " + owner(organizationId) + " ORDER BY "
                                        + key)
                                .bind("org", organizationId)
                                .map(tx.rows(Configuration.class))
                                .list())
                .stream()
                .map(ConfigurationStore::masked)
                .toList();
    }

    /**
     * Changes a value if nobody changed the configuration since {@code lockVersion} was read.
     *
     * @throws ConflictException when the row's lock_version has moved on
     */
    public Configuration update(UUID id, String value, int lockVersion) {
        return tx.write("Updating configuration " + id, h -> {
            Configuration before = Rows.byId(tx, h, "configurations", id, Configuration.class)
                    .orElseThrow(() -> new NotFoundException("configuration", id));
            checkType(before.key(), value, before.type(), before.isSensitive());
            String stored = before.isSensitive() && value != null
                    ? tx.secrets.require(before.key()).seal(value)
                    : value;
            Instant now = tx.now();
            int n = h.createUpdate("UPDATE configurations SET value = :value, lock_version = lock_version + 1,"
                            + " updated_at = :now WHERE id = :id AND lock_version = :lockVersion")
                    .bind("value", stored)
                    .bind("now", now)
                    .bind("id", id)
                    .bind("lockVersion", lockVersion)
                    .execute();
            Locking.requireUpdated(tx, h, n, "configurations", "configuration", id, lockVersion);
            Configuration after =
                    masked(find(h, before.organizationId(), before.key()).orElseThrow());
            tx.auditor.record(
                    h, now, after.organizationId(), "configuration.update", "configuration", id, masked(before), after);
            return after;
        });
    }

    public void delete(UUID organizationId, String name) {
        tx.write("Deleting configuration " + name, h -> {
            Configuration before =
                    find(h, organizationId, name).orElseThrow(() -> new NotFoundException("configuration", name));
            h.createUpdate("DELETE FROM configurations WHERE id = :id")
                    .bind("id", before.id())
                    .execute();
            tx.auditor.record(
                    h,
                    tx.now(),
                    organizationId,
                    "configuration.delete",
                    "configuration",
                    before.id(),
                    masked(before),
                    null);
            return null;
        });
    }

    /**
     * Re-encrypts every sensitive value under {@code next}, in one transaction: when any value cannot
     * be opened with the current key, nothing changes.
     *
     * @return how many values were re-encrypted
     */
    public int rotateKey(SecretBox next) {
        SecretBox current = tx.secrets
                .box()
                .orElseThrow(() -> new FlowbaseException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "Rotating the master key needs the current one: set FLOWBASE_MASTER_KEY or security.master_key_file"
                                + " to the key the values were encrypted with"));
        return tx.write("Re-encrypting sensitive configurations", h -> {
            List<Configuration> sealed = h.createQuery(
                            "SELECT * FROM configurations WHERE is_sensitive = :yes AND value IS NOT NULL")
                    .bind("yes", true)
                    .map(tx.rows(Configuration.class))
                    .list();
            Instant now = tx.now();
            for (Configuration c : sealed) {
                String plain = current.open(c.value(), "configuration " + c.key());
                h.createUpdate("UPDATE configurations SET value = :value, lock_version = lock_version + 1,"
                                + " updated_at = :now WHERE id = :id")
                        .bind("value", next.seal(plain))
                        .bind("now", now)
                        .bind("id", c.id())
                        .execute();
            }
            tx.auditor.record(
                    h,
                    now,
                    null,
                    "configuration.rotate_key",
                    "configuration",
                    null,
                    null,
                    Map.of("values", sealed.size(), "keyFingerprint", next.keyFingerprint()));
            return sealed.size();
        });
    }

    private Optional<Configuration> find(Handle h, UUID organizationId, String name) {
        return h.createQuery("SELECT * FROM configurations WHERE " + owner(organizationId) + " AND " + key + " = :key")
                .bind("org", organizationId)
                .bind("key", name)
                .map(tx.rows(Configuration.class))
                .findOne();
    }

    private static String owner(UUID organizationId) {
        return organizationId == null ? "organization_id IS NULL" : "organization_id = :org";
    }

    private static Configuration masked(Configuration c) {
        return c.isSensitive() && c.value() != null ? c.withValue(Auditor.MASK) : c;
    }

    /** A value must read as its type; the error never shows a sensitive value. */
    private static void checkType(String name, String value, Configuration.Type type, boolean sensitive) {
        if (value == null || type == Configuration.Type.STRING) {
            return;
        }
        boolean ok = switch (type) {
            case INTEGER -> value.matches("-?\\d{1,18}");
            case NUMBER -> value.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
            case BOOLEAN -> value.equals("true") || value.equals("false");
            case JSON -> isJson(value);
            case STRING -> true;
        };
        if (!ok) {
            throw Checks.invalid(
                    "configuration " + name,
                    sensitive ? Auditor.MASK : "'" + value + "'",
                    "a value of type " + Names.of(type));
        }
    }

    private static boolean isJson(String value) {
        try {
            Json.read(value);
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }
}
