package dev.flowbase.config;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in one read of the configuration, reported together. */
public final class ConfigException extends FlowbaseException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(ErrorCode.INVALID_CONFIGURATION, render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::describe).collect(Collectors.joining("\n"));
    }
}
