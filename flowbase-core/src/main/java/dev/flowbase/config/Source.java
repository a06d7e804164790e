package dev.flowbase.config;

/**
 * Where a configuration value came from. Higher-ranked sources win: a flag beats an environment
 * variable, which beats the config file, which beats the default.
 */
public record Source(Kind kind, String where) {

    public enum Kind {
        DEFAULT(0, "default"),
        FILE(1, "config file"),
        ENVIRONMENT(2, "environment variable"),
        FLAG(3, "flag");

        private final int rank;
        private final String label;

        Kind(int rank, String label) {
            this.rank = rank;
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final Source DEFAULT = new Source(Kind.DEFAULT, "");

    public static Source flag(String name) {
        return new Source(Kind.FLAG, name);
    }

    public static Source environment(String variable) {
        return new Source(Kind.ENVIRONMENT, variable);
    }

    public static Source file(String file, int line) {
        return new Source(Kind.FILE, file + ":" + line);
    }

    public boolean outranks(Source other) {
        return kind.rank > other.kind.rank;
    }

    public boolean atLeast(Source other) {
        return kind.rank >= other.kind.rank;
    }

    /** For example {@code environment variable DB_PORT} or {@code config file flowbase.yml:7}. */
    public String describe() {
        return where.isEmpty() ? kind.label : kind.label + " " + where;
    }

    @Override
    public String toString() {
        return describe();
    }
}
