package dev.modelfleet.benchmarks;

import dev.modelfleet.ranker.estimate.GpuTarget;
import dev.modelfleet.ranker.gpu.GpuCatalog;
import dev.modelfleet.ranker.gpu.GpuModel;
import dev.modelfleet.ranker.model.CatalogModel;
import dev.modelfleet.ranker.model.ModelCatalog;
import dev.modelfleet.ranker.quality.BenchmarkSnapshot;
import dev.modelfleet.ranker.quality.Observation;
import dev.modelfleet.ranker.quality.QualityScore;
import dev.modelfleet.ranker.quality.QualityScorer;
import dev.modelfleet.ranker.rank.Candidate;
import dev.modelfleet.ranker.rank.HardwareTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The inputs the benchmarks share, built from the bundled catalogs. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  /** Formats a fleet is likely to consider, across vLLM and llama.cpp. */
  static final List<String> QUANTS =
      List.of("bf16", "fp8", "awq", "gptq-int4", "Q4_K_M", "Q5_K_M", "Q8_0", "IQ3_M");

  static final List<Integer> CONTEXTS = List.of(2048, 4096, 8192, 16384, 32768);

  /** GPU counts per node the hardware profiles are made with. */
  static final List<Integer> NODE_SIZES = List.of(1, 8, 2, 4);

  private Fixtures() {}

  /**
   * {@code count} distinct candidates: every catalog model x format x context, repeated under
   * fine-tune ids ("org/name-ft1") until there are enough, each with its quality from the bundled
   * benchmark snapshot.
   */
  static List<Candidate> candidates(int count) {
    List<Observation> observations = BenchmarkSnapshot.bundled().observations();
    QualityScorer scorer = QualityScorer.bundled();
    Map<String, QualityScore> scores = new HashMap<>();
    List<CatalogModel> models = ModelCatalog.bundled().all();
    List<Candidate> out = new ArrayList<>(count);
    for (int copy = 0; out.size() < count; copy++) {
      for (CatalogModel model : models) {
        for (String quant : QUANTS) {
          QualityScore quality =
              scores.computeIfAbsent(
                  model.id() + " " + quant,
                  k -> scorer.score(model.id(), quant, observations, NOW));
          for (int context : CONTEXTS) {
            if (out.size() == count) {
              return out;
            }
            String id = copy == 0 ? model.id() : model.id() + "-ft" + copy;
            out.add(
                Candidate.of(
                    copy == 0 ? model.facts() : model.facts().withId(id), quant, context, quality));
          }
        }
      }
    }
    return out;
  }

  /** {@code count} hardware targets: each catalog GPU in nodes of 1, 8, 2 and 4 GPUs. */
  static List<HardwareTarget> hardware(int count) {
    List<GpuModel> gpus = GpuCatalog.bundled().all();
    List<HardwareTarget> out = new ArrayList<>(count);
    for (int size : NODE_SIZES) {
      for (GpuModel gpu : gpus) {
        if (out.size() == count) {
          return out;
        }
        out.add(new HardwareTarget(gpu.name() + " x" + size, GpuTarget.of(gpu), size));
      }
    }
    return out;
  }
}
