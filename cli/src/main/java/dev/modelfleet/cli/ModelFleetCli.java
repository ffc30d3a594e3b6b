package dev.modelfleet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code modelfleet} command: exit 0 on success, 1 when a command fails, 2 on a usage error.
 */
@Command(
    name = "modelfleet",
    mixinStandardHelpOptions = true,
    versionProvider = ModelFleetCli.Version.class,
    description = "Work out which open-weight LLMs a GPU fleet can serve, and how well.",
    subcommands = {
      GpusCommand.class,
      EstimateCommand.class,
      RankCommand.class,
      ModelsCommand.class
    })
public final class ModelFleetCli implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests run it in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new ModelFleetCli()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public Integer call() {
    // Picocli turns this into the usage message and exit code 2.
    throw new ParameterException(spec.commandLine(), "Missing a command, e.g. 'modelfleet gpus'");
  }

  /** The version from the jar manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ModelFleetCli.class.getPackage().getImplementationVersion();
      return new String[] {"modelfleet " + (version == null ? "(development build)" : version)};
    }
  }
}
