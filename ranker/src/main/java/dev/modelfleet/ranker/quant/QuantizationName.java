package dev.modelfleet.ranker.quant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the names people write for a quantization, and the ones Hugging Face repo ids carry. */
final class QuantizationName {
  // "GGUF Q4_K_M", "Q4_K_M.gguf": the container is named next to the file type, not instead of it.
  private static final String GGUF = "gguf";

  // Names that mean "not quantized": the checkpoint as published.
  private static final Set<String> UNSET_KEYS = Set.of("", "none", "unquantized");

  // A llama.cpp file type inside a repo id or Ollama tag: Q4_K_M, q8_0, IQ2_XXS, Q4_K.
  private static final Pattern GGUF_FILE_TYPE =
      Pattern.compile("(?<![a-z0-9])(i?q[1-8](?:_[a-z0-9]+){1,2})(?![a-z0-9])");

  private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[-_.:/\\s]+");
  private static final Pattern MLX_BITS = Pattern.compile("(\\d+)bit");

  // mlx-community publishes MLX conversions named "<model>-4bit", "<model>-8bit", "<model>-bf16".
  private static final String MLX_OWNER = "mlx-community";

  private QuantizationName() {}

  /**
   * The lookup key: lower case, letters and digits only, without a leading or trailing "gguf".
   * "GGUF Q4_K_M", "q4-k-m" and "Q4KM" all become "q4km".
   */
  static String key(String name) {
    if (name == null) {
      return "";
    }
    String lower = name.trim().toLowerCase(Locale.ROOT);
    StringBuilder key = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        key.append(c);
      }
    }
    String k = key.toString();
    if (k.length() > GGUF.length() && k.startsWith(GGUF)) {
      k = k.substring(GGUF.length());
    }
    if (k.length() > GGUF.length() && k.endsWith(GGUF)) {
      k = k.substring(0, k.length() - GGUF.length());
    }
    return k;
  }

  /** Whether the name says "no quantization": null, blank, "none", "unquantized". */
  static boolean isUnset(String name) {
    return UNSET_KEYS.contains(key(name));
  }

  /** Whether the name is only the GGUF container, which says nothing of the bits. */
  static boolean isContainerOnly(String name) {
    return key(name).equals(GGUF);
  }

  /**
   * The quantization a Hugging Face repo id or Ollama reference names, as a name the bundled table
   * resolves; empty when it names none ("-GGUF" alone is a container, not a quantization).
   */
  static Optional<String> inRepoId(String repoId) {
    if (repoId == null || repoId.isBlank()) {
      return Optional.empty();
    }
    String id = repoId.trim().toLowerCase(Locale.ROOT);
    // Ollama: "qwen2.5:7b-instruct-q4_K_M", "hf.co/<owner>/<repo>-GGUF:Q4_K_M". The tag wins.
    String tag = "";
    int colon = id.lastIndexOf(':');
    if (colon >= 0) {
      tag = id.substring(colon + 1);
      id = id.substring(0, colon);
    }
    int slash = id.lastIndexOf('/');
    String name = id.substring(slash + 1);
    String owner = slash > 0 ? id.substring(id.lastIndexOf('/', slash - 1) + 1, slash) : "";
    for (String text : List.of(tag, name)) {
      Matcher fileType = GGUF_FILE_TYPE.matcher(text);
      if (fileType.find()) {
        return Optional.of(fileType.group(1).toUpperCase(Locale.ROOT));
      }
    }
    List<String> tokens = new ArrayList<>();
    for (String text : List.of(tag, name)) {
      for (String token : TOKEN_SEPARATORS.split(text)) {
        if (!token.isEmpty()) {
          tokens.add(token);
        }
      }
    }
    return fromTokens(tokens, owner.equals(MLX_OWNER) || tokens.contains("mlx"));
  }

  private static Optional<String> fromTokens(List<String> tokens, boolean mlx) {
    if (tokens.contains("awq")) {
      return Optional.of("AWQ-INT4-G128");
    }
    if (tokens.contains("gptq")) {
      if (tokens.contains("int8") || tokens.contains("8bit")) {
        return Optional.of("GPTQ-INT8-G128");
      }
      if (tokens.contains("32g") || tokens.contains("g32")) {
        return Optional.of("GPTQ-INT4-G32");
      }
      return Optional.of("GPTQ-INT4-G128");
    }
    if (tokens.contains("mxfp4")) {
      return Optional.of("MXFP4");
    }
    if (tokens.contains("nvfp4") || tokens.contains("fp4")) {
      return Optional.of("NVFP4");
    }
    if (tokens.contains("fp8")) {
      if (tokens.contains("block") || tokens.contains("block128")) {
        return Optional.of("FP8-E4M3-BLOCK128");
      }
      // A bare -FP8 may be per-tensor, per-channel or block-wise; per-channel is the largest.
      return Optional.of("FP8-E4M3-CHANNEL");
    }
    boolean bnb = tokens.contains("bnb") || tokens.contains("bitsandbytes");
    if (bnb) {
      return Optional.of(tokens.contains("8bit") ? "BNB-INT8" : "BNB-NF4");
    }
    if (tokens.contains("w8a8") || tokens.contains("int8")) {
      return Optional.of("INT8-W8A8");
    }
    if (tokens.contains("w4a16") || tokens.contains("int4")) {
      return Optional.of("INT4-W4A16-G128");
    }
    if (mlx) {
      Optional<String> mlxQuant = mlx(tokens);
      if (mlxQuant.isPresent()) {
        return mlxQuant;
      }
    }
    if (tokens.contains("4bit") || tokens.contains("nf4")) {
      return Optional.of("BNB-NF4");
    }
    if (tokens.contains("8bit")) {
      return Optional.of("BNB-INT8");
    }
    if (tokens.contains("bf16")) {
      return Optional.of("BF16");
    }
    if (tokens.contains("fp16") || tokens.contains("f16")) {
      return Optional.of("FP16");
    }
    if (tokens.contains("fp32") || tokens.contains("f32")) {
      return Optional.of("FP32");
    }
    return Optional.empty();
  }

  private static Optional<String> mlx(List<String> tokens) {
    for (String token : tokens) {
      Matcher bits = MLX_BITS.matcher(token);
      if (bits.matches()) {
        return Optional.of(
            switch (bits.group(1)) {
              case "4" -> "MLX-Q4-G64";
              case "8" -> "MLX-Q8-G64";
              // 3-bit, 6-bit...: not in the table, so it resolves conservatively and says so.
              default -> "MLX-" + bits.group(1) + "BIT";
            });
      }
    }
    return Optional.empty();
  }
}
