package dev.flowbase.config;

/**
 * How a setting's value is shown in output, errors and logs: as it is, not at all, or with the
 * credentials of a URL hidden. One rule for every place a value is echoed.
 */
public enum Masking {
    NONE,
    SECRET,
    URL_CREDENTIALS;

    /** The value as it may be shown to a person. */
    public String show(String value) {
        return switch (this) {
            case NONE -> value;
            case SECRET -> Secret.MASK;
            case URL_CREDENTIALS -> Secret.maskUrlCredentials(value);
        };
    }
}
