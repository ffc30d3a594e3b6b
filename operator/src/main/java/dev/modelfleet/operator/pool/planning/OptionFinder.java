package dev.modelfleet.operator.pool.planning;

import dev.modelfleet.crds.v1alpha1.pool.KvCacheDtype;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.ranker.placement.PlacementOption;
import dev.modelfleet.ranker.quality.Observation;
import dev.modelfleet.ranker.quality.QualityScore;
import dev.modelfleet.ranker.quality.QualityScorer;
import dev.modelfleet.ranker.rank.Candidate;
import dev.modelfleet.ranker.rank.RankOptions;
import dev.modelfleet.ranker.rank.RankedModel;
import dev.modelfleet.ranker.rank.Ranker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ranks one resolved model on every profile the pool may use. A model without a context length is
 * tried at its own limit first, then at shorter ones, so it is served at the longest context that
 * fits somewhere.
 */
final class OptionFinder {
  /**
   * Shorter contexts tried, longest first, when the pool sets none and the model's own limit fits
   * nowhere: common serving lengths; below 4,096 tokens a chat model is of little use.
   */
  static final int[] FALLBACK_CONTEXTS = {131072, 65536, 32768, 16384, 8192, 4096};

  /**
   * Model-cache disk per model, relative to the weights: the repository's tokenizer and config
   * files, and room for a download's temporary file next to the finished one.
   */
  static final double CACHE_DISK_PER_WEIGHT_GIB = 1.1;

  /** Context used for a model whose config declares none. */
  static final int DEFAULT_CONTEXT = 4096;

  private final Ranker ranker;
  private final QualityScorer scorer;

  OptionFinder(Ranker ranker, QualityScorer scorer) {
    this.ranker = ranker;
    this.scorer = scorer;
  }

  ModelOptions find(
      ResolvedPoolModel model,
      String quantization,
      List<ProfileHardware> hardware,
      List<Observation> observations,
      Instant now) {
    PoolModel spec = model.spec();
    QualityScore quality = scorer.score(repoId(model), quantization, observations, now);
    ModelOptions last = null;
    for (int context : contexts(model)) {
      Candidate candidate;
      try {
        candidate =
            new Candidate(
                model.facts(),
                model.facts().parameters(),
                quantization,
                context,
                spec.getConcurrency() == null ? 1 : spec.getConcurrency(),
                model.engine(),
                kvCacheDtype(spec.getKvCacheDtype()),
                quality);
      } catch (IllegalArgumentException e) {
        return unfit(
            "InvalidModel",
            "cannot estimate model " + spec.getName() + ": " + e.getMessage(),
            context,
            quantization);
      }
      last = evaluate(candidate, spec, hardware, context, quantization);
      if (last.fitsSomewhere()) {
        return last;
      }
    }
    return last;
  }

  private ModelOptions evaluate(
      Candidate candidate,
      PoolModel spec,
      List<ProfileHardware> hardware,
      int context,
      String quantization) {
    double disk =
        spec.getOverrides() != null && spec.getOverrides().getDiskGiB() != null
            ? spec.getOverrides().getDiskGiB()
            : candidate.weightsGiB() * CACHE_DISK_PER_WEIGHT_GIB;
    String canonical = quantization == null ? null : candidate.canonicalQuant();
    if (hardware.isEmpty()) {
      return new ModelOptions(
          List.of(),
          Map.of(),
          context,
          canonical,
          disk,
          "NoHardware",
          "no HardwareProfile with GPUs matches spec.hardwareProfiles: check the selector and"
              + " kubectl get hardwareprofiles");
    }
    List<PlacementOption> options = new ArrayList<>();
    Map<String, RankedModel> rows = new LinkedHashMap<>();
    for (ProfileHardware profile : hardware) {
      RankedModel row =
          ranker
              .rank(
                  List.of(candidate),
                  profile.target(),
                  RankOptions.defaults().withIncludeUnfit(true))
              .get(0);
      rows.put(profile.name(), row);
      if (row.fits()) {
        options.add(
            new PlacementOption(
                profile.name(), row.gpus(), row.vramPerGpuGiB(), disk, row.score()));
      }
    }
    if (!options.isEmpty()) {
      return new ModelOptions(options, rows, context, canonical, disk, null, null);
    }
    RankedModel closest =
        rows.values().stream()
            .max(Comparator.comparingDouble(RankedModel::gpuMemoryGiB))
            .orElseThrow();
    String why = closest.explanation().isEmpty() ? "it does not fit" : closest.explanation().get(0);
    return new ModelOptions(
        List.of(),
        rows,
        context,
        canonical,
        disk,
        "InsufficientVram",
        String.format(
            Locale.ROOT,
            "fits no profile at context %d (largest GPUs: %s): %s",
            context,
            closest.gpuMemoryGiB() > 0 ? firstProfile(rows, closest) : "none",
            why));
  }

  private static String firstProfile(Map<String, RankedModel> rows, RankedModel row) {
    return rows.entrySet().stream()
        .filter(e -> e.getValue() == row)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("?");
  }

  private static ModelOptions unfit(String reason, String message, int context, String quant) {
    return new ModelOptions(List.of(), Map.of(), context, quant, 0, reason, message);
  }

  private static List<Integer> contexts(ResolvedPoolModel model) {
    Integer wanted = model.spec().getContextLength();
    if (wanted != null) {
      return List.of(wanted);
    }
    int limit = model.facts().maxPositionEmbeddings();
    if (limit <= 0) {
      return List.of(DEFAULT_CONTEXT);
    }
    List<Integer> out = new ArrayList<>(List.of(limit));
    for (int c : FALLBACK_CONTEXTS) {
      if (c < limit) {
        out.add(c);
      }
    }
    return out;
  }

  static String repoId(ResolvedPoolModel model) {
    String repo = model.spec().getSource().getHuggingFace();
    return repo != null ? repo : model.facts().id();
  }

  private static String kvCacheDtype(KvCacheDtype dtype) {
    if (dtype == null || dtype == KvCacheDtype.AUTO) {
      return null;
    }
    return dtype.name().toLowerCase(Locale.ROOT);
  }
}
