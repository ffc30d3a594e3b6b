package dev.modelfleet.cli;

import dev.modelfleet.ranker.estimate.Engine;
import dev.modelfleet.ranker.estimate.Estimate;
import dev.modelfleet.ranker.estimate.EstimateRequest;
import dev.modelfleet.ranker.estimate.Estimator;
import dev.modelfleet.ranker.estimate.GpuMatch;
import dev.modelfleet.ranker.estimate.GpuTarget;
import dev.modelfleet.ranker.estimate.GpuTargetResolver;
import dev.modelfleet.ranker.model.ConfigJsonException;
import dev.modelfleet.ranker.model.ConfigJsonParser;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.model.ParameterCount;
import dev.modelfleet.ranker.model.ParameterCounter;
import dev.modelfleet.ranker.model.ParameterSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code modelfleet estimate}: the GPU memory one model needs and how fast it decodes on a given
 * GPU, with a sentence for every term. Bad input is one line on stderr and exit code 2.
 */
@Command(
    name = "estimate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Estimate the GPU memory a model needs (weights, KV cache, activations, engine overhead)"
            + " and its single-sequence decode speed on a GPU.")
final class EstimateCommand implements Callable<Integer> {
  enum Format {
    table,
    json
  }

  private static final double BILLION = 1e9;

  @Spec private CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "<config.json>",
      description = "The model's Hugging Face config.json.")
  private Path config;

  @Option(
      names = "--params-b",
      paramLabel = "N",
      description = "Total parameters in billions, e.g. from the Hub; default: computed.")
  private Double paramsB;

  @Option(
      names = "--active-params-b",
      paramLabel = "N",
      description = "Parameters one token uses, in billions (MoE); default: computed.")
  private Double activeParamsB;

  @Option(
      names = "--quant",
      paramLabel = "Q",
      description = "Weight format: Q4_K_M, Q8_0, awq, gptq-int4, fp8, bf16, ...")
  private String quant;

  @Option(names = "--context", paramLabel = "N", description = "Tokens of context per sequence.")
  private Integer context;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Sequences served at once, each at the full context (default: ${DEFAULT-VALUE}).")
  private int concurrency;

  @Option(
      names = "--gpu",
      paramLabel = "<product>",
      description =
          "GPU: a node-label product (NVIDIA-H100-80GB-HBM3) or a name (\"RTX 4090\", \"H100"
              + " SXM\", \"Apple M2 Max\"); see 'modelfleet gpus'.")
  private String gpu;

  @Option(
      names = "--gpu-count",
      paramLabel = "N",
      defaultValue = "1",
      description = "GPUs the model is spread over (default: ${DEFAULT-VALUE}).")
  private int gpuCount;

  @Option(
      names = "--gpu-memory-gib",
      paramLabel = "N",
      description = "Memory of one GPU in GiB; with --gpu-bandwidth-gbps, for a GPU not listed.")
  private Double gpuMemoryGib;

  @Option(
      names = "--gpu-bandwidth-gbps",
      paramLabel = "N",
      description = "Memory bandwidth of one GPU in GB/s.")
  private Double gpuBandwidthGbps;

  @Option(
      names = "--engine",
      paramLabel = "<engine>",
      description =
          "vllm, sglang, llama.cpp or ollama (default: llama.cpp for GGUF or Apple silicon,"
              + " else vllm).")
  private String engine;

  @Option(
      names = "--kv-cache-dtype",
      paramLabel = "<type>",
      description = "KV cache type: f16, fp8, q8_0 or q4_0 (default: f16).")
  private String kvCacheDtype;

  @Option(
      names = "--batched-tokens",
      paramLabel = "N",
      description =
          "Tokens the engine runs in one step: vLLM's --max-num-batched-tokens, SGLang's"
              + " --chunked-prefill-size (default: the engine's default for the GPU).")
  private Integer batchedTokens;

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
      List<String> notes = new ArrayList<>();
      GpuTarget target = gpuTarget(notes);
      ModelFacts facts = model();
      EstimateRequest request =
          new EstimateRequest(
              facts,
              parameters(facts),
              quant,
              context,
              concurrency,
              target,
              gpuCount,
              engine == null ? null : Engine.parse(engine),
              kvCacheDtype,
              batchedTokens);
      Estimate estimate = new Estimator().estimate(request);
      List<String> explanation = new ArrayList<>(estimate.explanation());
      explanation.addAll(notes);
      if (format == Format.json) {
        out.println(EstimateOutput.json(estimate, explanation));
      } else {
        EstimateOutput.table(estimate, target, gpuCount, explanation, out);
      }
      out.flush();
      return 0;
    } catch (BadInput | IllegalArgumentException e) {
      err.println("error: " + BadInput.oneLine(e.getMessage()));
      err.flush();
      return BadInput.EXIT_CODE;
    }
  }

  private ModelFacts model() throws BadInput {
    if (config == null) {
      throw new BadInput("--config is required: the model's config.json");
    }
    if (quant == null || quant.isBlank()) {
      throw new BadInput("--quant is required, e.g. Q4_K_M, awq, fp8 or bf16");
    }
    if (context == null) {
      throw new BadInput("--context is required: tokens of context per sequence");
    }
    if (context < 1) {
      throw new BadInput("--context must be at least 1 token, was " + context);
    }
    if (concurrency < 1) {
      throw new BadInput("--concurrency must be at least 1, was " + concurrency);
    }
    if (batchedTokens != null && batchedTokens < 1) {
      throw new BadInput(
          "--batched-tokens must be at least 1, was "
              + batchedTokens
              + "; leave it out for the engine's default");
    }
    ModelFacts facts;
    try {
      facts = ConfigJsonParser.parse(null, config);
    } catch (ConfigJsonException e) {
      throw new BadInput(config + ": " + e.getMessage());
    }
    if (facts.id() == null || facts.id().isBlank() || "unknown".equals(facts.id())) {
      facts = facts.withId(nameOf(config));
    }
    return facts;
  }

  /** "config.json" in a folder named for the model gives the folder's name, else the file's. */
  private static String nameOf(Path config) {
    Path file = config.getFileName();
    String name = file == null ? config.toString() : file.toString();
    Path parent = config.toAbsolutePath().getParent();
    if (name.equalsIgnoreCase("config.json") && parent != null && parent.getFileName() != null) {
      return parent.getFileName().toString();
    }
    return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
  }

  private ParameterCount parameters(ModelFacts facts) throws BadInput {
    if (paramsB == null && activeParamsB == null) {
      return null;
    }
    if (paramsB != null && !(paramsB > 0)) {
      throw new BadInput("--params-b must be a positive number of billions, was " + paramsB);
    }
    if (activeParamsB != null && !(activeParamsB > 0)) {
      throw new BadInput(
          "--active-params-b must be a positive number of billions, was " + activeParamsB);
    }
    double total = paramsB != null ? paramsB * BILLION : ParameterCounter.count(facts).total();
    Double active = activeParamsB == null ? null : activeParamsB * BILLION;
    return ParameterCounter.resolve(facts, total, active, ParameterSource.SUPPLIED);
  }

  private GpuTarget gpuTarget(List<String> notes) throws BadInput {
    if (gpuCount < 1) {
      throw new BadInput("--gpu-count must be at least 1, was " + gpuCount);
    }
    if (gpuMemoryGib != null && !(gpuMemoryGib > 0)) {
      throw new BadInput("--gpu-memory-gib must be positive, was " + gpuMemoryGib);
    }
    if (gpuBandwidthGbps != null && !(gpuBandwidthGbps > 0)) {
      throw new BadInput("--gpu-bandwidth-gbps must be positive, was " + gpuBandwidthGbps);
    }
    boolean bothFigures = gpuMemoryGib != null && gpuBandwidthGbps != null;
    if (gpu == null || gpu.isBlank()) {
      if (bothFigures) {
        return new GpuTarget("custom GPU", gpuMemoryGib, gpuBandwidthGbps, false);
      }
      throw new BadInput(
          "--gpu is required: a product such as NVIDIA-H100-80GB-HBM3 or \"RTX 4090\", or give"
              + " --gpu-memory-gib N and --gpu-bandwidth-gbps N");
    }
    GpuMatch match = GpuTargetResolver.bundled().resolve(gpu);
    Optional<GpuTarget> found = match.target();
    if (found.isPresent()) {
      match.note().ifPresent(notes::add);
      GpuTarget target = found.get();
      if (gpuMemoryGib == null && gpuBandwidthGbps == null) {
        return target;
      }
      notes.add("GPU figures from the command line replace the catalog's for " + target.name());
      return new GpuTarget(
          target.name(),
          gpuMemoryGib != null ? gpuMemoryGib : target.memoryGiB(),
          gpuBandwidthGbps != null ? gpuBandwidthGbps : target.bandwidthGBps(),
          false,
          target.clockMHz());
    }
    if (bothFigures) {
      return new GpuTarget(gpu, gpuMemoryGib, gpuBandwidthGbps, false);
    }
    String missing =
        gpuMemoryGib == null && gpuBandwidthGbps == null
            ? "--gpu-memory-gib N and --gpu-bandwidth-gbps N"
            : gpuMemoryGib == null ? "--gpu-memory-gib N" : "--gpu-bandwidth-gbps N";
    if (match.ambiguous()) {
      throw new BadInput(
          "GPU '"
              + gpu.trim()
              + "' could be "
              + String.join(", ", match.candidates())
              + ": name one, or add "
              + missing);
    }
    throw new BadInput(
        "unknown GPU '"
            + gpu.trim()
            + "': add "
            + missing
            + " (memory of one GPU in GiB, memory bandwidth in GB/s), or use a name from"
            + " 'modelfleet gpus'");
  }
}
