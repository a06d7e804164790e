package dev.flowbase.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A second JVM on this test run's class path, for what only a real process shows: kills, signals, locks. */
public final class JavaProcess {
    private JavaProcess() {}

    /** {@code java -cp <test class path> mainClass args…}, not yet started. */
    public static ProcessBuilder of(Class<?> mainClass, String... args) {
        return of(mainClass.getName(), args);
    }

    public static ProcessBuilder of(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
