package dev.modelfleet.serving.vllm;

import dev.modelfleet.serving.LoraAdapter;
import dev.modelfleet.serving.ServingRequest;
import dev.modelfleet.serving.workload.EngineArgs;
import dev.modelfleet.serving.workload.RequestedQuantization;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The arguments of {@code vllm serve} for a request. */
final class VllmArgs {

  /**
   * The values vLLM accepts for --max-lora-rank (LoRAConfig's choices, vLLM 0.6 to 0.11; 1 was
   * added later, so the smallest kept is 8).
   */
  static final List<Integer> MAX_LORA_RANKS = List.of(8, 16, 32, 64, 128, 256, 320, 512);

  /** Address the server binds to: all interfaces, so the Service and the kubelet reach it. */
  static final String ALL_INTERFACES = "0.0.0.0";

  private VllmArgs() {}

  static List<String> of(ServingRequest request, int port) {
    List<String> args = new ArrayList<>();
    args.add(request.huggingFaceRepo());
    add(args, "--served-model-name", request.model());
    add(args, "--host", ALL_INTERFACES);
    add(args, "--port", Integer.toString(port));
    add(args, "--tensor-parallel-size", Integer.toString(Math.max(1, request.gpusPerReplica())));
    add(args, "--max-model-len", Integer.toString(request.contextLength()));
    add(args, "--gpu-memory-utilization", EngineArgs.decimal(request.gpuMemoryUtilization()));
    if (request.revision() != null) {
      add(args, "--revision", request.revision());
    }
    args.addAll(quantization(request));
    args.addAll(kvCache(request));
    args.addAll(lora(request.adapters()));
    return args;
  }

  /**
   * Flags for the requested quantization. Formats vLLM reads from the checkpoint's
   * quantization_config (AWQ, GPTQ, compressed-tensors INT8/INT4/FP8, NVFP4, MXFP4, pre-quantized
   * bitsandbytes) get no flag: vLLM then picks its fastest kernel (awq_marlin, gptq_marlin), which
   * an explicit --quantization awq would override with a slower one.
   */
  static List<String> quantization(ServingRequest request) {
    var requested = RequestedQuantization.of(request);
    if (requested.isEmpty()) {
      return List.of();
    }
    RequestedQuantization q = requested.get();
    q.requireEngine(VllmAdapter.ENGINE, "vLLM");
    return switch (q.family()) {
      case RequestedQuantization.FLOAT_FAMILY ->
          List.of("--dtype", EngineArgs.floatDtype(q.canonical()));
      // A 16-bit checkpoint quantized to FP8 while loading (dynamic scales).
      case "fp8" -> q.inCheckpoint() ? List.of() : List.of("--quantization", "fp8");
      case "bnb" -> bitsAndBytes(q);
      default -> List.of();
    };
  }

  private static List<String> bitsAndBytes(RequestedQuantization q) {
    if (q.inCheckpoint()) {
      return List.of();
    }
    if (!"BNB-NF4".equals(q.canonical())) {
      throw new IllegalArgumentException(
          "quantization: vLLM quantizes a 16-bit checkpoint while loading only to BNB-NF4, not "
              + q.canonical()
              + "; use BNB-NF4 or a repo already quantized to "
              + q.canonical());
    }
    return List.of("--quantization", "bitsandbytes");
  }

  static List<String> kvCache(ServingRequest request) {
    String dtype = request.kvCacheDtype();
    if (dtype == null || "f16".equals(dtype)) {
      return List.of();
    }
    if ("fp8".equals(dtype)) {
      return List.of("--kv-cache-dtype", "fp8");
    }
    throw new IllegalArgumentException(
        "kvCacheDtype: vLLM has no '"
            + dtype
            + "' KV cache (a llama.cpp type); use f16 or fp8, or serve with engine ollama");
  }

  static List<String> lora(List<LoraAdapter> adapters) {
    if (adapters.isEmpty()) {
      return List.of();
    }
    List<String> args = new ArrayList<>();
    args.add("--enable-lora");
    // Without it vLLM batches requests for one adapter at a time (its default is 1).
    add(args, "--max-loras", Integer.toString(adapters.size()));
    adapters.stream()
        .map(LoraAdapter::rank)
        .filter(Objects::nonNull)
        .max(Integer::compare)
        .ifPresent(rank -> add(args, "--max-lora-rank", Integer.toString(roundUpRank(rank))));
    args.add("--lora-modules");
    for (LoraAdapter adapter : adapters) {
      args.add(adapter.name() + "=" + adapter.source());
    }
    return args;
  }

  /** The smallest --max-lora-rank choice at least {@code rank}. */
  static int roundUpRank(int rank) {
    return MAX_LORA_RANKS.stream()
        .filter(choice -> choice >= rank)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "adapters[].rank: "
                        + rank
                        + " is above vLLM's largest --max-lora-rank "
                        + MAX_LORA_RANKS.get(MAX_LORA_RANKS.size() - 1)));
  }

  private static void add(List<String> args, String flag, String value) {
    args.add(flag);
    args.add(value);
  }
}
