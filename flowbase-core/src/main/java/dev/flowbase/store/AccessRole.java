package dev.flowbase.store;

/** What a user or an API key may do (an access role, never an agent role). */
public enum AccessRole {
    ADMIN,
    OPERATOR,
    VIEWER;

    /** The role named by {@code text}, or a clear error naming {@code field} and the roles accepted. */
    public static AccessRole parse(String field, String text) {
        for (AccessRole r : values()) {
            if (r.name().equalsIgnoreCase(text)) {
                return r;
            }
        }
        throw Checks.invalid(field, text, "one of admin, operator, viewer");
    }
}
