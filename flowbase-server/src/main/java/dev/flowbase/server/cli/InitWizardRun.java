package dev.flowbase.server.cli;

import dev.flowbase.config.ConfigLoader;
import dev.flowbase.config.FlowbaseConfig;
import dev.flowbase.setup.Setup;
import java.io.PrintStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The wizard's end: writes the password file and flowbase.yml, initialises through the file just
 * written (so what worked here works for every later command), and says where to sign in.
 */
final class InitWizardRun {
    private final Map<String, String> environment;
    private final PrintStream out;

    InitWizardRun(Map<String, String> environment, PrintStream out) {
        this.environment = environment;
        this.out = out;
    }

    int run(Prompts prompts) {
        Optional<WizardAnswers> asked = new InitWizard(prompts).ask();
        if (asked.isEmpty()) {
            out.println("Nothing was written.");
            return 0;
        }
        WizardAnswers answers = asked.get();
        WizardFiles.write(answers, ConfigLoader.DEFAULT_CONFIG_FILE);
        out.println("Wrote " + ConfigLoader.DEFAULT_CONFIG_FILE.toAbsolutePath()
                + (answers.passwordFile() != null ? " and " + answers.passwordFile() + " (mode 600)" : ""));
        Map<String, String> variables = new HashMap<>(environment);
        if (answers.passwordFile() == null && !answers.database().password().isEmpty()) {
            // Kept in the environment: this run has it from the question, later runs from DB_PASSWORD.
            variables.put("DB_PASSWORD", answers.database().password().value());
        }
        FlowbaseConfig config = new ConfigLoader()
                .environment(variables)
                .configFile(ConfigLoader.DEFAULT_CONFIG_FILE)
                .load();
        Setup setup = new Setup(config, Clock.systemUTC(), InitOutput.progress(out, false));
        int status = InitOutput.run(
                out, false, setup, s -> s.init(answers.redisUrl() == null ? Setup.Redis.SKIP : Setup.Redis.CHECK));
        // A server listening on every address is reached in a browser on this machine as 127.0.0.1.
        String host = config.server().host().equals("0.0.0.0")
                ? "127.0.0.1"
                : config.server().host();
        String address = "http://" + host + ":" + config.server().port();
        out.println("Start the server with 'flowbase serve', then sign in at " + address
                + "/login with the admin API key.");
        return status;
    }
}
