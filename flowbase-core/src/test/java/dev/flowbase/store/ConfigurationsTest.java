package dev.flowbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.security.MasterKey;
import dev.flowbase.security.SecretBox;
import dev.flowbase.testing.EngineTest;
import java.time.Duration;

class ConfigurationsTest {
    private static final String SECRET = "sk-live-0123456789";

    private static String rawValue(StoreFixture f, String key) {
        return f.db.withHandle(
                "Reading the raw column",
                h -> h.createQuery("SELECT value FROM configurations WHERE "
                                + f.db.dialect().quoteIdentifier("key") + " = :k")
                        .bind("k", key)
                        .mapTo(String.class)
                        .one());
    }

    @EngineTest
    void aSensitiveValueIsEncryptedAtRestMaskedWhenReadAndRevealedOnRequest(Database db) {
        var f = new StoreFixture(db);

        Configuration saved = f.stores
                .configurations()
                .put(null, "llm.api_key", SECRET, Configuration.Type.STRING, true, "The model provider's key");

        assertThat(rawValue(f, "llm.api_key")).startsWith("fbenc:v1:").doesNotContain(SECRET);
        assertThat(saved.value()).isEqualTo("****");
        assertThat(saved.toString()).doesNotContain(SECRET);
        assertThat(f.stores.configurations().get(null, "llm.api_key"))
                .map(Configuration::value)
                .contains("****");
        assertThat(f.stores.configurations().reveal(null, "llm.api_key")).contains(SECRET);
    }

    @EngineTest
    void aWrongMasterKeyIsAClearErrorThatChangesNothing(Database db) {
        var f = new StoreFixture(db);
        f.stores.configurations().put(null, "llm.api_key", SECRET, Configuration.Type.STRING, true, null);
        String before = rawValue(f, "llm.api_key");
        Stores wrongKey = Stores.create(db).withSecretBox(new SecretBox(MasterKey.generate()));

        var reveal = catchThrowableOfType(
                FlowbaseException.class, () -> wrongKey.configurations().reveal(null, "llm.api_key"));
        var rotate = catchThrowableOfType(
                FlowbaseException.class,
                () -> wrongKey.configurations().rotateKey(new SecretBox(MasterKey.generate())));

        assertThat(reveal.getMessage())
                .startsWith("configuration llm.api_key was encrypted under master key " + f.box.keyFingerprint());
        assertThat(reveal.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(rotate.getMessage()).isEqualTo(reveal.getMessage());
        assertThat(rawValue(f, "llm.api_key")).isEqualTo(before);
    }

    @EngineTest
    void rotatingTheKeyReEncryptsEveryValueUnderTheNewKey(Database db) {
        var f = new StoreFixture(db);
        f.stores.configurations().put(null, "llm.api_key", SECRET, Configuration.Type.STRING, true, null);
        f.stores.configurations().put(f.org, "smtp.password", "hunter2", Configuration.Type.STRING, true, null);
        f.stores.configurations().put(null, "queue.lease_seconds", "60", Configuration.Type.INTEGER, false, null);
        SecretBox next = new SecretBox(MasterKey.generate());

        int rotated = f.stores.configurations().rotateKey(next);
        Stores after = Stores.create(db).withSecretBox(next);

        assertThat(rotated).isEqualTo(2);
        assertThat(after.configurations().reveal(null, "llm.api_key")).contains(SECRET);
        assertThat(after.configurations().reveal(f.org, "smtp.password")).contains("hunter2");
        assertThat(rawValue(f, "llm.api_key")).contains(next.keyFingerprint());
        assertThat(after.configurations().get(null, "queue.lease_seconds"))
                .map(Configuration::value)
                .contains("60");
    }

    @EngineTest
    void aValueMustReadAsItsTypeAndTheErrorNeverShowsASecret(Database db) {
        var f = new StoreFixture(db);

        var plain = catchThrowableOfType(
                FlowbaseException.class,
                () -> f.stores
                        .configurations()
                        .put(null, "queue.lease_seconds", "soon", Configuration.Type.INTEGER, false, null));
        var secret = catchThrowableOfType(
                FlowbaseException.class,
                () -> f.stores.configurations().put(null, "pin", "12ab", Configuration.Type.INTEGER, true, null));

        assertThat(plain.getMessage())
                .isEqualTo("configuration queue.lease_seconds='soon': expected a value of type integer");
        assertThat(secret.getMessage()).isEqualTo("configuration pin=****: expected a value of type integer");
    }

    @EngineTest
    void everyAuditedChangeRecordsWhoAndWhatWithSecretsMasked(Database db) {
        var f = new StoreFixture(db);
        Stores admin = f.stores.as(Actor.system("test"));

        Configuration c =
                admin.configurations().put(null, "llm.api_key", SECRET, Configuration.Type.STRING, true, null);
        f.clock.advance(Duration.ofSeconds(1));
        admin.configurations().put(null, "llm.api_key", "sk-other", Configuration.Type.STRING, true, null);
        f.clock.advance(Duration.ofSeconds(1));
        admin.configurations().reveal(null, "llm.api_key");
        f.clock.advance(Duration.ofSeconds(1));
        admin.apiKeys().create(f.org, "ci", AccessRole.VIEWER, null);

        var entries = f.stores.audit().list(PageRequest.first()).items();
        assertThat(entries)
                .extracting(AuditEntry::action)
                .containsExactly("api_key.create", "configuration.reveal", "configuration.put", "configuration.put");
        assertThat(entries.toString()).doesNotContain(SECRET).doesNotContain("sk-other");
        assertThat(entries.get(0).afterData().get("keyHash").asText()).isEqualTo("****");
        assertThat(entries.get(2).beforeData().get("value").asText()).isEqualTo("****");
        assertThat(f.stores
                        .audit()
                        .forEntity("configuration", c.id().toString(), PageRequest.first())
                        .items())
                .hasSize(3);
    }

    @EngineTest
    void withoutAMasterKeyASecretIsRefusedSayingHowToSetOne(Database db) {
        var f = new StoreFixture(db);
        Stores keyless = Stores.create(db);

        var put = catchThrowableOfType(
                FlowbaseException.class,
                () -> keyless.configurations().put(null, "llm.api_key", SECRET, Configuration.Type.STRING, true, null));
        var rotate = catchThrowableOfType(
                FlowbaseException.class, () -> keyless.configurations().rotateKey(f.box));

        assertThat(put.getMessage())
                .startsWith("llm.api_key is sensitive and needs a master key")
                .doesNotContain(SECRET);
        assertThat(rotate.getMessage()).startsWith("Rotating the master key needs the current one");
        assertThat(keyless.configurations().get(null, "llm.api_key")).isEmpty();
    }
}
