package dev.modelfleet.cli;

import dev.modelfleet.cli.models.ModelsWriter;
import dev.modelfleet.cli.models.RegistryOptions;
import dev.modelfleet.registry.ModelRegistry;
import dev.modelfleet.registry.RegistrySettings;
import dev.modelfleet.registry.ResolvedModel;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code modelfleet models list}: every model the catalog, the Hub snapshot and the user registry
 * know. It never contacts the Hub (the Hub has no list of a fleet's models).
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "List every model known from the built-in catalog, the Hub snapshot and the user"
            + " registry, with parameters, context, license, gating and sources.")
final class ModelsListCommand implements Callable<Integer> {
  enum Format {
    table,
    json
  }

  @Spec private CommandSpec spec;

  @Mixin private RegistryOptions registryOptions;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      ModelRegistry registry =
          ModelRegistry.builder()
              .userRegistry(registryOptions.userRegistry())
              // Listing reads only local sources, with or without --offline.
              .settings(RegistrySettings.defaults().withOffline(true))
              .build();
      List<ResolvedModel> models = registry.knownModels();
      registry.warnings().forEach(w -> err.println("warning: " + w));
      err.flush();
      if (format == Format.json) {
        out.println(ModelsWriter.listJson(models, registry.warnings()));
      } else {
        ModelsWriter.listTable(models, out);
      }
      out.flush();
      return models.isEmpty() ? 1 : 0;
    } catch (BadInput e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return BadInput.EXIT_CODE;
    }
  }
}
