package dev.modelfleet.cli;

import dev.modelfleet.cli.models.ModelsWriter;
import dev.modelfleet.cli.models.RegistryOptions;
import dev.modelfleet.registry.ModelQuery;
import dev.modelfleet.registry.ModelRegistry;
import dev.modelfleet.registry.RegistryFormatException;
import dev.modelfleet.registry.RegistrySettings;
import dev.modelfleet.registry.ResolvedModel;
import dev.modelfleet.registry.cache.FileCacheStore;
import dev.modelfleet.registry.cache.RegistryCacheStore;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code modelfleet models show <repo>}: every fact the registry has about one model, each with its
 * source and when that source observed it. Hub failures are notes in the output, not errors: the
 * other sources still answer.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Show everything known about one model (a Hugging Face repo id or an Ollama tag): each"
            + " field with its source (catalog, snapshot, hub, registry) and observation time.")
final class ModelsShowCommand implements Callable<Integer> {
  enum Format {
    table,
    json
  }

  /** The variable huggingface_hub reads its token from; used unless --token-env names another. */
  static final String DEFAULT_TOKEN_ENV = "HF_TOKEN";

  // Environment lookup; tests replace it to check the token path without a real variable.
  static UnaryOperator<String> environment = System::getenv;

  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "<repo>",
      description = "Hugging Face repo id (org/name, a Hub URL) or an Ollama tag.")
  private String repo;

  @Mixin private RegistryOptions registryOptions;

  @Option(
      names = "--hub-endpoint",
      paramLabel = "URL",
      defaultValue = "https://huggingface.co",
      description = "The Hub, or a private mirror of its API (default: ${DEFAULT-VALUE}).")
  private String hubEndpoint;

  @Option(
      names = "--token-env",
      paramLabel = "NAME",
      defaultValue = DEFAULT_TOKEN_ENV,
      description =
          "Environment variable holding a Hub token for gated or private repos (default:"
              + " ${DEFAULT-VALUE}).")
  private String tokenEnv;

  @Option(
      names = "--revision",
      paramLabel = "REV",
      description = "Branch, tag or commit to read from the Hub (default: main).")
  private String revision;

  @Option(
      names = "--cache",
      paramLabel = "<file>",
      description = "Keep Hub answers in this file between runs (revalidated after 24 hours).")
  private Path cache;

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
      if (repo.isBlank()) {
        throw new BadInput("<repo> must be a Hugging Face repo id such as Qwen/Qwen3-8B");
      }
      String token = environment.apply(tokenEnv);
      if (token == null && !registryOptions.offline() && !tokenEnv.equals(DEFAULT_TOKEN_ENV)) {
        err.println(
            "warning: --token-env " + tokenEnv + " is not set; reading the Hub without a token");
      }
      RegistrySettings settings =
          RegistrySettings.defaults()
              .withHub(endpoint(), token)
              .withOffline(registryOptions.offline());
      ModelRegistry registry =
          ModelRegistry.builder()
              .userRegistry(registryOptions.userRegistry())
              .settings(settings)
              .cacheStore(cache == null ? RegistryCacheStore.none() : new FileCacheStore(cache))
              .build();
      ResolvedModel model = registry.resolve(new ModelQuery(repo, revision, null));
      registry.warnings().forEach(w -> err.println("warning: " + w));
      err.flush();
      if (format == Format.json) {
        out.println(ModelsWriter.showJson(model));
      } else {
        ModelsWriter.showTable(model, out);
      }
      out.flush();
      return 0;
    } catch (BadInput | RegistryFormatException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return BadInput.EXIT_CODE;
    }
  }

  private URI endpoint() throws BadInput {
    try {
      URI uri = new URI(hubEndpoint.trim());
      if (uri.getHost() == null
          || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        throw new URISyntaxException(hubEndpoint, "not an absolute http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new BadInput(
          "--hub-endpoint must be an http(s) URL such as https://huggingface.co, was '"
              + hubEndpoint
              + "'");
    }
  }
}
