package dev.flowbase.migrate;

import java.util.List;

/** The problems {@code validate} found; each names the file and what to do. */
public record ValidateResult(List<String> problems) {
    public ValidateResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
