package dev.modelfleet.ranker.estimate;

import dev.modelfleet.ranker.quant.Quantization;
import java.util.Locale;

/** A serving engine ModelFleet can deploy. */
public enum Engine {
  VLLM("vllm"),
  SGLANG("sglang"),
  LLAMA_CPP("llama.cpp"),
  OLLAMA("ollama");

  private final String label;

  Engine(String label) {
    this.label = label;
  }

  /** The engine's name as ModelFleet writes it: "vllm", "sglang", "llama.cpp", "ollama". */
  public String label() {
    return label;
  }

  /**
   * Whether several GPUs share each layer (tensor parallelism, vLLM and SGLang) rather than each
   * holding whole layers (llama.cpp's default {@code --split-mode layer}, which Ollama uses too).
   */
  public boolean splitsTensors() {
    return this == VLLM || this == SGLANG;
  }

  /** Whether the engine runs on ggml (llama.cpp, and Ollama's runner built from it). */
  public boolean runsGgml() {
    return this == LLAMA_CPP || this == OLLAMA;
  }

  /**
   * The engine a name means, case-insensitively: "vllm", "sglang", "llama.cpp" (also "llamacpp",
   * "llama-cpp", "llama_cpp"), "ollama".
   *
   * @throws IllegalArgumentException for any other name, saying which are accepted
   */
  public static Engine parse(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    switch (key) {
      case "vllm":
        return VLLM;
      case "sglang":
        return SGLANG;
      case "llama.cpp":
      case "llamacpp":
      case "llama-cpp":
      case "llama_cpp":
        return LLAMA_CPP;
      case "ollama":
        return OLLAMA;
      default:
        throw new IllegalArgumentException(
            "unknown engine '"
                + (name == null ? "" : name.trim())
                + "': use vllm, sglang, llama.cpp or ollama");
    }
  }

  /**
   * The engine to assume when none is named: llama.cpp for a format only the ggml engines load
   * (GGUF file types), vLLM for everything else.
   */
  public static Engine defaultFor(Quantization quantization) {
    if (quantization != null
        && !quantization.engines().contains(VLLM.label)
        && quantization.engines().contains(LLAMA_CPP.label)) {
      return LLAMA_CPP;
    }
    return VLLM;
  }
}
