package dev.modelfleet.serving.workload;

import java.math.BigDecimal;

/** Formatting shared by the engines' command lines. */
public final class EngineArgs {

  private EngineArgs() {}

  /** A decimal without exponent or trailing zeros, the same on every JVM locale: 0.9, 0.85. */
  public static String decimal(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** The float dtype name vLLM and SGLang accept for a float entry of the quantization table. */
  public static String floatDtype(String canonical) {
    return switch (canonical) {
      case "FP16" -> "float16";
      case "BF16" -> "bfloat16";
      case "FP32" -> "float32";
      default ->
          throw new IllegalArgumentException(
              "quantization: " + canonical + " is not a float format the engines name as a dtype");
    };
  }
}
