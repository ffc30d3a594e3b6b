package dev.modelfleet.cli.models;

import dev.modelfleet.cli.BadInput;
import dev.modelfleet.registry.RegistryFormatException;
import dev.modelfleet.registry.UserRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options both {@code models} commands share: the user registry and the offline switch. */
public final class RegistryOptions {
  @Option(
      names = "--registry",
      paramLabel = "<file>",
      description =
          "A user registry (YAML or JSON, {models: [{id, license, gated, parametersB, config,"
              + " ...}]}) for private models and corrections; it wins over the catalog, the"
              + " snapshot and the Hub.")
  Path registry;

  @Option(
      names = "--offline",
      description = "Never contact the Hugging Face Hub; use the catalog, snapshot and registry.")
  boolean offline;

  /** Whether the Hub is off. */
  public boolean offline() {
    return offline;
  }

  /** The user registry named by --registry, or an empty one. */
  public UserRegistry userRegistry() throws BadInput {
    if (registry == null) {
      return UserRegistry.empty();
    }
    if (!Files.isRegularFile(registry)) {
      throw new BadInput("--registry: " + registry + " is not a file");
    }
    try {
      return UserRegistry.read(registry);
    } catch (RegistryFormatException e) {
      throw new BadInput("--registry " + e.getMessage());
    }
  }
}
