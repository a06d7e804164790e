package dev.flowbase.privilege;

import java.util.Optional;

/**
 * A user {@code flowbase db create-users} made or found. {@code password} is present only for a
 * user made now: it exists here once, to be shown to whoever asked, and is stored nowhere.
 */
public record DatabaseUser(Purpose purpose, String name, Optional<String> password) {
    public boolean created() {
        return password.isPresent();
    }

    @Override
    public String toString() {
        return "DatabaseUser[" + purpose.label() + ", " + name + ", password=****]";
    }
}
