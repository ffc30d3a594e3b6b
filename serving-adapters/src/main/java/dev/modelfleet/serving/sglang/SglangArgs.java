package dev.modelfleet.serving.sglang;

import dev.modelfleet.serving.LoraAdapter;
import dev.modelfleet.serving.ServingRequest;
import dev.modelfleet.serving.workload.EngineArgs;
import dev.modelfleet.serving.workload.RequestedQuantization;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The arguments of {@code sglang.launch_server} for a request. */
final class SglangArgs {

  /** Address the server binds to; SGLang's default is 127.0.0.1, unreachable from the Service. */
  static final String ALL_INTERFACES = "0.0.0.0";

  /** SGLang's FP8 KV cache type matching vLLM's "fp8" (E4M3). */
  static final String FP8_KV_CACHE = "fp8_e4m3";

  private SglangArgs() {}

  static List<String> of(ServingRequest request, int port) {
    List<String> args = new ArrayList<>();
    add(args, "--model-path", request.huggingFaceRepo());
    add(args, "--served-model-name", request.model());
    add(args, "--host", ALL_INTERFACES);
    add(args, "--port", Integer.toString(port));
    add(args, "--tp", Integer.toString(Math.max(1, request.gpusPerReplica())));
    add(args, "--context-length", Integer.toString(request.contextLength()));
    add(args, "--mem-fraction-static", EngineArgs.decimal(request.gpuMemoryUtilization()));
    if (request.revision() != null) {
      add(args, "--revision", request.revision());
    }
    args.addAll(quantization(request));
    args.addAll(kvCache(request));
    args.add("--enable-metrics");
    args.addAll(lora(request.adapters()));
    return args;
  }

  /**
   * Flags for the requested quantization. SGLang reads AWQ, GPTQ, compressed-tensors, ModelOpt and
   * pre-quantized bitsandbytes formats from the checkpoint's config, so those get no flag.
   */
  static List<String> quantization(ServingRequest request) {
    var requested = RequestedQuantization.of(request);
    if (requested.isEmpty()) {
      return List.of();
    }
    RequestedQuantization q = requested.get();
    q.requireEngine(SglangAdapter.ENGINE, "SGLang");
    return switch (q.family()) {
      case RequestedQuantization.FLOAT_FAMILY ->
          List.of("--dtype", EngineArgs.floatDtype(q.canonical()));
      // A 16-bit checkpoint quantized to FP8 while loading.
      case "fp8" -> q.inCheckpoint() ? List.of() : List.of("--quantization", "fp8");
      case "bnb" -> {
        if (!q.inCheckpoint()) {
          throw new IllegalArgumentException(
              "quantization: SGLang loads "
                  + q.canonical()
                  + " only from a repo already quantized with bitsandbytes; use such a repo, or"
                  + " engine vllm to quantize while loading");
        }
        yield List.of();
      }
      default -> List.of();
    };
  }

  static List<String> kvCache(ServingRequest request) {
    String dtype = request.kvCacheDtype();
    if (dtype == null || "f16".equals(dtype)) {
      return List.of();
    }
    if ("fp8".equals(dtype)) {
      return List.of("--kv-cache-dtype", FP8_KV_CACHE);
    }
    throw new IllegalArgumentException(
        "kvCacheDtype: SGLang has no '"
            + dtype
            + "' KV cache (a llama.cpp type); use f16 or fp8, or serve with engine ollama");
  }

  static List<String> lora(List<LoraAdapter> adapters) {
    if (adapters.isEmpty()) {
      return List.of();
    }
    List<String> args = new ArrayList<>();
    args.add("--enable-lora");
    // SGLang infers the rank from the adapters when unset, so only a known rank is passed.
    adapters.stream()
        .map(LoraAdapter::rank)
        .filter(Objects::nonNull)
        .max(Integer::compare)
        .ifPresent(rank -> add(args, "--max-lora-rank", Integer.toString(rank)));
    args.add("--lora-paths");
    for (LoraAdapter adapter : adapters) {
      args.add(adapter.name() + "=" + adapter.source());
    }
    return args;
  }

  private static void add(List<String> args, String flag, String value) {
    args.add(flag);
    args.add(value);
  }
}
