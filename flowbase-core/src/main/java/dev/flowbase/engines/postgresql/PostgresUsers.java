package dev.flowbase.engines.postgresql;

import dev.flowbase.privilege.DatabaseUsers;
import dev.flowbase.privilege.Purpose;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL's roles. Names and the password go in as transaction-local settings read by a DO
 * block ({@code format('%I', …)} quotes names, {@code %L} the password), so they are bound values
 * and no statement's text, logged or not, holds a password. Flowbase's tables are those of the
 * connection's schema; default privileges cover the tables later migrations make as the owner.
 */
final class PostgresUsers implements DatabaseUsers {
    private static final String CREATE = """
            DO $$ BEGIN
              EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD %L',
                current_setting('flowbase.user'), current_setting('flowbase.password'));
            END $$""";

    private static final String OWNER = """
            DO $$ DECLARE
              o text := current_setting('flowbase.user'); s text := current_schema(); r record;
            BEGIN
              EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), o);
              EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO %I', s, o);
              FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = s AND c.relkind IN ('r', 'p', 'v', 'm') LOOP
                EXECUTE format('ALTER %s %I.%I OWNER TO %I',
                  CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, s, r.relname, o);
              END LOOP;
              FOR r IN SELECT CAST(CAST(p.oid AS regprocedure) AS text) AS signature FROM pg_proc p
                       JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = s AND p.prokind IN ('f', 'p') LOOP
                EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.signature, o);
              END LOOP;
            END $$""";

    private static final String ROWS = """
            DO $$ DECLARE
              u text := current_setting('flowbase.user'); o text := current_setting('flowbase.owner');
              s text := current_schema(); p text := current_setting('flowbase.privileges');
            BEGIN
              EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), u);
              EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s, u);
              EXECUTE format('GRANT %s ON ALL TABLES IN SCHEMA %I TO %I', p, s, u);
              EXECUTE format('GRANT SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', s, u);
              EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT %s ON TABLES TO %I', o, s, p, u);
              EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT ON SEQUENCES TO %I', o, s, u);
            END $$""";

    @Override
    public boolean exists(Handle h, String name) {
        return h.createQuery("SELECT COUNT(*) FROM pg_roles WHERE rolname = :name")
                        .bind("name", name)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    @Override
    public void create(Handle h, String name, String password) {
        set(h, "flowbase.user", name);
        set(h, "flowbase.password", password);
        try {
            h.execute(CREATE);
        } finally {
            set(h, "flowbase.password", "");
        }
    }

    @Override
    public void grant(Handle h, Purpose purpose, String name, String ownerName) {
        set(h, "flowbase.user", name);
        set(h, "flowbase.owner", ownerName);
        switch (purpose) {
            case OWNER -> h.execute(OWNER);
            case APP -> {
                set(h, "flowbase.privileges", "SELECT, INSERT, UPDATE, DELETE");
                h.execute(ROWS);
            }
            case READ_ONLY -> {
                set(h, "flowbase.privileges", "SELECT");
                h.execute(ROWS);
            }
        }
    }

    @Override
    public Optional<String> excessPrivilege(Handle h) {
        boolean superuser = h.createQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                .mapTo(Boolean.class)
                .findOne()
                .orElse(false);
        if (superuser) {
            return Optional.of("a superuser, which can read and change every database on the server");
        }
        boolean owner = h.createQuery("""
                        SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
                          AND pg_has_role(current_user, c.relowner, 'USAGE')""").mapTo(Integer.class).one() > 0;
        return owner
                ? Optional.of("the owner of Flowbase's tables, which can DROP and ALTER them and is not held by"
                        + " row-level security")
                : Optional.empty();
    }

    private static void set(Handle h, String setting, String value) {
        h.createQuery("SELECT set_config(:setting, :value, true)")
                .bind("setting", setting)
                .bind("value", value)
                .mapTo(String.class)
                .one();
    }
}
