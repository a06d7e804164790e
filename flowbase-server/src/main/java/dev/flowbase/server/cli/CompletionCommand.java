package dev.flowbase.server.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "completion",
        description = {
            "Print the shell completion script for bash or zsh, made from the commands themselves.",
            "Load it with: source <(flowbase completion bash)   (zsh: source <(flowbase completion zsh))"
        })
final class CompletionCommand extends BaseCommand {
    enum Shell {
        BASH,
        ZSH
    }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    @Override
    public Integer call() {
        // picocli's script serves both: under zsh it loads zsh's bash-completion layer (bashcompinit) itself.
        out().print(AutoComplete.bash("flowbase", spec.root().commandLine()));
        out().flush();
        return 0;
    }
}
