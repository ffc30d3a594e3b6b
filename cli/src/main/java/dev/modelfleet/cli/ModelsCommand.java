package dev.modelfleet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code modelfleet models}: what the model registry knows, and where each fact came from. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description =
        "What ModelFleet knows about models: catalog, Hub snapshot, Hugging Face Hub, user"
            + " registry.",
    subcommands = {ModelsListCommand.class, ModelsShowCommand.class})
final class ModelsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing a command: 'modelfleet models list' or 'modelfleet models show <repo>'");
  }
}
