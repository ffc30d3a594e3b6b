package dev.modelfleet.ranker.estimate;

import static dev.modelfleet.ranker.estimate.ExplainFormat.count;

import java.util.ArrayList;
import java.util.List;

/** The closing notes of an explanation: engine choice, caveats and confidence. */
final class NotesExplanation {
  private NotesExplanation() {}

  static void notes(Calculation c, List<String> out) {
    c.resolved.note().ifPresent(out::add);
    if (c.engineChosen) {
      out.add(
          "engine "
              + c.engine.label()
              + ", chosen for "
              + (Estimator.isApple(c.gpu) ? c.gpu.name() : c.quant.canonical())
              + "; name one to compare");
    }
    if (c.quantNotForEngine) {
      out.add(
          c.quant.canonical()
              + " is not a format "
              + c.engine.label()
              + " loads as published (it runs on "
              + String.join(", ", c.quant.engines())
              + ")");
    }
    if (c.engine.splitsTensors() && Estimator.isApple(c.gpu)) {
      out.add(c.engine.label() + " does not run on Apple silicon; llama.cpp and Ollama do");
    }
    if (c.kvUnsupported) {
      out.add(
          c.engine.label()
              + " has no "
              + c.kvDtype.label()
              + " KV cache type; the estimate uses its size anyway");
    }
    if (c.request.batchedTokens() != null && c.engine.runsGgml()) {
      out.add(
          "batched tokens apply to vLLM and SGLang; "
              + c.engine.label()
              + " sizes its compute buffer for its "
              + VramEstimator.GGML_UBATCH
              + "-token physical batch");
    }
    if (c.contextBeyondModel) {
      out.add(
          "the context of "
              + count(c.context)
              + " tokens is beyond the "
              + count(c.facts.maxPositionEmbeddings())
              + " the model declares");
    }
    if (c.engine.splitsTensors() && c.gpus > 1 && c.facts.numAttentionHeads() % c.gpus != 0) {
      out.add(
          c.engine.label()
              + " needs the "
              + c.facts.numAttentionHeads()
              + " attention heads to divide evenly over "
              + c.gpus
              + " GPUs");
    }
    out.add("confidence " + c.confidence.label() + confidenceReason(c));
  }

  private static String confidenceReason(Calculation c) {
    List<String> why = new ArrayList<>();
    if (c.gpuByHand) {
      why.add("GPU memory and bandwidth given by hand, not from the catalog");
    }
    if (c.quantUnknown) {
      why.add("unknown quantization, sized as 16-bit");
    }
    if (c.quantNotForEngine) {
      why.add("format and engine do not match");
    }
    if (c.kvUnsupported) {
      why.add("KV cache type the engine lacks");
    }
    if (c.contextBeyondModel) {
      why.add("context beyond the model's");
    }
    if (c.offloaded) {
      why.add("layers run on the CPU at an assumed host memory bandwidth");
    }
    if (why.isEmpty()) {
      return ": catalog GPU, known format, architecture from config.json";
    }
    return ": " + String.join("; ", why);
  }
}
