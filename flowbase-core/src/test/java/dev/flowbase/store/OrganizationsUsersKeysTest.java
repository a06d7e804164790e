package dev.flowbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbase.db.Database;
import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import dev.flowbase.testing.EngineTest;
import java.time.Duration;
import java.util.UUID;

class OrganizationsUsersKeysTest {

    @EngineTest
    void anOrganizationReadsBackAsItWasWrittenAndItsSlugIsUnique(Database db) {
        var f = new StoreFixture(db);
        Organization acme = f.stores.organizations().get(f.org);

        assertThat(acme.slug()).isEqualTo("acme");
        assertThat(acme.createdAt()).isEqualTo(f.clock.instant());
        assertThat(f.stores.organizations().findBySlug("acme")).contains(acme);

        var duplicate = catchThrowableOfType(
                ConstraintViolationException.class,
                () -> f.stores.organizations().create("Other", "acme"));
        assertThat(duplicate.getMessage())
                .isEqualTo("an organization with this slug already exists (uq_organizations_slug)");
        assertThat(duplicate.code()).isEqualTo(ErrorCode.CONSTRAINT_VIOLATION);
    }

    @EngineTest
    void badInputIsRefusedNamingTheFieldAndWhatWouldDo(Database db) {
        var f = new StoreFixture(db);

        var blank = catchThrowableOfType(
                FlowbaseException.class, () -> f.stores.organizations().create("", "x"));
        var upper = catchThrowableOfType(
                FlowbaseException.class, () -> f.stores.organizations().create("X", "Acme"));
        var email = catchThrowableOfType(
                FlowbaseException.class, () -> f.stores.users().create(f.org, "not-an-email", "Ada", AccessRole.ADMIN));

        assertThat(blank.getMessage()).isEqualTo("name='': expected a non-empty text");
        assertThat(upper.getMessage()).isEqualTo("slug='Acme': expected lower case only");
        assertThat(email.getMessage()).startsWith("email='not-an-email': expected an address");
        assertThat(blank.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @EngineTest
    void aMissingRowIsNotFoundByNameAndId(Database db) {
        var f = new StoreFixture(db);
        UUID nowhere = UUID.fromString("00000000-0000-7000-8000-000000000001");

        var missing = catchThrowableOfType(
                NotFoundException.class, () -> f.stores.workflows().get(nowhere));

        assertThat(missing.getMessage()).isEqualTo("workflow " + nowhere + " not found");
        assertThat(missing.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @EngineTest
    void usersAreUniqueByEmailWhateverItsCase(Database db) {
        var f = new StoreFixture(db);
        User ada = f.stores.users().create(f.org, "Ada@Example.com", "Ada", AccessRole.ADMIN);

        var again = catchThrowableOfType(
                ConstraintViolationException.class,
                () -> f.stores.users().create(f.org, "ADA@example.com", "Ada again", AccessRole.VIEWER));

        assertThat(ada.email()).isEqualTo("ada@example.com");
        assertThat(f.stores.users().findByEmail(f.org, "ADA@EXAMPLE.COM")).contains(ada);
        assertThat(again.constraint()).isEqualTo("uq_users_organization_email");
        User demoted = f.stores.users().update(ada.withAccessRole(AccessRole.VIEWER));
        assertThat(demoted.accessRole()).isEqualTo(AccessRole.VIEWER);
    }

    @EngineTest
    void anApiKeyIsShownOnceStoredAsAHashAndStopsWorkingWhenRevoked(Database db) {
        var f = new StoreFixture(db);
        ApiKey.Created created = f.stores.apiKeys().create(f.org, "ci", AccessRole.OPERATOR, null);

        f.clock.advance(Duration.ofMinutes(5));
        var used = f.stores.apiKeys().authenticate(created.secret());

        assertThat(created.secret()).startsWith("fb_");
        assertThat(created.key().keyHash()).isEqualTo(ApiKeyStore.hash(created.secret()));
        assertThat(created.toString()).doesNotContain(created.secret());
        assertThat(used).map(ApiKey::lastUsedAt).contains(f.clock.instant());
        assertThat(f.stores.apiKeys().authenticate("fb_not-a-key")).isEmpty();

        f.stores.apiKeys().revoke(created.key().id());
        assertThat(f.stores.apiKeys().authenticate(created.secret())).isEmpty();
    }

    @EngineTest
    void theFirstAdminKeyIsMintedOnce(Database db) {
        var f = new StoreFixture(db);

        var first = f.stores.apiKeys().createFirstAdminIfNone(f.org);
        var second = f.stores.apiKeys().createFirstAdminIfNone(f.org);

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(f.count("api_keys")).isEqualTo(1);
    }
}
