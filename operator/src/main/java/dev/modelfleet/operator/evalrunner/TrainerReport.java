package dev.modelfleet.operator.evalrunner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelfleet.serving.jobs.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads what a Hugging Face Trainer (TRL's SFTTrainer) leaves in its output directory: the loss log
 * in {@code trainer_state.json} (the directory's own, or the newest checkpoint's) and the adapter's
 * files ({@code adapter_model.safetensors}, {@code adapter_config.json}).
 */
final class TrainerReport {
  static final String STATE_FILE = "trainer_state.json";
  static final String ADAPTER_WEIGHTS = "adapter_model.safetensors";

  private static final ObjectMapper JSON = new ObjectMapper();

  private TrainerReport() {}

  static List<RunReport.Metric> read(Path dir) throws IOException {
    if (!Files.isRegularFile(dir.resolve(ADAPTER_WEIGHTS))) {
      throw new IllegalStateException(
          "the trainer wrote no " + ADAPTER_WEIGHTS + " to " + dir + ": the adapter is missing");
    }
    List<RunReport.Metric> metrics = new ArrayList<>();
    Optional<Path> state = stateFile(dir);
    if (state.isPresent()) {
      metrics.addAll(losses(JSON.readTree(state.get().toFile())));
    }
    metrics.add(new RunReport.Metric("adapter_size_bytes", adapterBytes(dir), "bytes", null, null));
    return metrics;
  }

  static List<RunReport.Metric> losses(JsonNode state) {
    List<RunReport.Metric> metrics = new ArrayList<>();
    Double firstLoss = null;
    Double lastLoss = null;
    Double lastEvalLoss = null;
    for (JsonNode entry : state.path("log_history")) {
      if (entry.path("loss").isNumber()) {
        lastLoss = entry.get("loss").asDouble();
        firstLoss = firstLoss == null ? lastLoss : firstLoss;
      }
      if (entry.path("eval_loss").isNumber()) {
        lastEvalLoss = entry.get("eval_loss").asDouble();
      }
    }
    if (firstLoss != null) {
      metrics.add(new RunReport.Metric("initial_train_loss", firstLoss, "loss", null, null));
      metrics.add(new RunReport.Metric("final_train_loss", lastLoss, "loss", null, null));
    }
    if (lastEvalLoss != null) {
      metrics.add(new RunReport.Metric("final_eval_loss", lastEvalLoss, "loss", null, null));
    }
    if (state.path("global_step").isNumber()) {
      metrics.add(
          new RunReport.Metric("steps", state.get("global_step").asDouble(), "count", null, null));
    }
    if (state.path("epoch").isNumber()) {
      metrics.add(
          new RunReport.Metric("epochs", state.get("epoch").asDouble(), "count", null, null));
    }
    return metrics;
  }

  private static Optional<Path> stateFile(Path dir) throws IOException {
    if (Files.isRegularFile(dir.resolve(STATE_FILE))) {
      return Optional.of(dir.resolve(STATE_FILE));
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .filter(p -> p.getFileName().toString().matches("checkpoint-\\d+"))
          .max(
              Comparator.comparingLong(
                  p -> Long.parseLong(p.getFileName().toString().substring(11))))
          .map(p -> p.resolve(STATE_FILE))
          .filter(Files::isRegularFile);
    }
  }

  /** Bytes of the adapter's own files (not checkpoints): what the engine loads. */
  private static long adapterBytes(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      long total = 0;
      for (Path p : children.filter(Files::isRegularFile).toList()) {
        if (p.getFileName().toString().startsWith("adapter_")) {
          total += Files.size(p);
        }
      }
      return total;
    }
  }
}
