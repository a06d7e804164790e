package dev.flowbase.privilege;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * One engine's way of making the three users and granting them what their {@link Purpose} needs
 * on Flowbase's tables (those of the connection's schema or database), and of telling whether
 * the connection has more power than the application needs. A password is always sent as a bound
 * value, never in a statement's text, so no statement log can show it.
 */
public interface DatabaseUsers {
    boolean exists(Handle h, String name);

    /** Makes a user who may log in with {@code password}. */
    void create(Handle h, String name, String password);

    /**
     * Grants {@code name} what {@code purpose} needs (again, when it has it already). For the owner
     * that includes owning what Flowbase made; for the others, tables that later migrations make too.
     */
    void grant(Handle h, Purpose purpose, String name, String ownerName);

    /** Why the connected user is more than an application needs (a superuser, the tables' owner), if it is. */
    Optional<String> excessPrivilege(Handle h);
}
