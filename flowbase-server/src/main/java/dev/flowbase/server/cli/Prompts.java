package dev.flowbase.server.cli;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;
import java.io.Console;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The wizard's questions on the terminal: a default in brackets that Enter accepts, a choice from
 * a list, yes or no, and a secret read without echo. A wrong answer is named and asked again; the
 * end of input (Ctrl-D) stops the wizard before anything is written.
 */
final class Prompts {
    private final Console console;

    Prompts(Console console) {
        this.console = console;
    }

    void say(String line) {
        console.printf("%s%n", line);
        console.flush();
    }

    String ask(String question, String defaultValue) {
        String answer = line(defaultValue.isEmpty() ? question + ": " : question + " [" + defaultValue + "]: ");
        return answer.isBlank() ? defaultValue : answer.strip();
    }

    /** Asks until {@code parse} accepts the answer; it returns empty after saying what is wrong. */
    <T> T ask(String question, String defaultValue, Function<String, Optional<T>> parse) {
        while (true) {
            Optional<T> value = parse.apply(ask(question, defaultValue));
            if (value.isPresent()) {
                return value.get();
            }
        }
    }

    String choose(String question, List<String> choices, String defaultValue) {
        return ask(question + " (" + String.join(", ", choices) + ")", defaultValue, answer -> {
            String a = answer.toLowerCase(Locale.ROOT);
            if (choices.contains(a)) {
                return Optional.of(a);
            }
            say("  '" + answer + "' is not one of: " + String.join(", ", choices));
            return Optional.empty();
        });
    }

    boolean yes(String question, boolean defaultValue) {
        return ask(question + " (yes, no)", defaultValue ? "yes" : "no", answer -> {
            return switch (answer.toLowerCase(Locale.ROOT)) {
                case "y", "yes" -> Optional.of(true);
                case "n", "no" -> Optional.of(false);
                default -> {
                    say("  '" + answer + "': answer yes or no");
                    yield Optional.empty();
                }
            };
        });
    }

    /** Read without echo: the terminal shows nothing as it is typed, and it is never printed. */
    char[] secret(String question) {
        char[] answer = console.readPassword("%s: ", question);
        if (answer == null) {
            throw stopped();
        }
        return answer;
    }

    private String line(String prompt) {
        String answer = console.readLine("%s", prompt);
        if (answer == null) {
            throw stopped();
        }
        return answer;
    }

    /** The input ended (Ctrl-D) before the last question: the wizard stops and writes nothing. */
    private static FlowbaseException stopped() {
        return new FlowbaseException(
                ErrorCode.REFUSED, "init stopped: the input ended before the last question; nothing was written");
    }
}
