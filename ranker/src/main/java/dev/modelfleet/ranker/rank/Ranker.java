package dev.modelfleet.ranker.rank;

import dev.modelfleet.ranker.estimate.Engine;
import dev.modelfleet.ranker.estimate.Estimate;
import dev.modelfleet.ranker.estimate.Estimator;
import dev.modelfleet.ranker.estimate.GpuTarget;
import dev.modelfleet.ranker.estimate.VramEstimate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Ranks candidates for one hardware target. For each candidate it finds the fewest GPUs of one node
 * that hold it (1, 2, 4, 8, up to the node's count: tensor parallelism on vLLM and SGLang, a layer
 * split on llama.cpp), estimates its decode speed there, and fuses quality, speed and fit into one
 * score ({@link RankScore}). Rows come best first: score descending, then model id, weight format,
 * engine, context and concurrency, so equal inputs always give the same order. Pure and
 * thread-safe.
 */
public final class Ranker {
  /** The evidence label of a row whose quality score rests on no evidence. */
  public static final String NO_EVIDENCE = "none";

  /**
   * The largest tensor-parallel degree tried: vLLM and SGLang split attention heads over a power of
   * two GPUs, and one node seldom has more than 8.
   */
  public static final int MAX_GPUS = 8;

  /**
   * No GPU count can hold less than the weights divided over it, so counts where even that exceeds
   * a GPU are skipped without an estimate. The slack keeps rounding from skipping a count the
   * estimate would accept.
   */
  static final double WEIGHTS_BOUND_SLACK = 0.99;

  /** Candidate lists at least this long are placed on all cores. */
  static final int PARALLEL_THRESHOLD = 1024;

  /** Score descending, then model id, weight format, engine and context. */
  static final Comparator<RankedModel> ORDER = Ranker::compare;

  /** Labels of the estimate's confidence, made once rather than per row. */
  private static final String[] SPEED_CONFIDENCE_LABELS =
      Stream.of(dev.modelfleet.ranker.Confidence.values())
          .map(dev.modelfleet.ranker.Confidence::label)
          .toArray(String[]::new);

  private final Estimator estimator;

  /** A ranker over the bundled quantization table. */
  public Ranker() {
    this(new Estimator());
  }

  /** A ranker using another estimator, e.g. over another quantization table. */
  public Ranker(Estimator estimator) {
    this.estimator = Objects.requireNonNull(estimator, "estimator");
  }

  /**
   * Ranks {@code candidates} for {@code hardware}, best first.
   *
   * @throws IllegalArgumentException when a candidate cannot be estimated
   */
  public List<RankedModel> rank(
      List<Candidate> candidates, HardwareTarget hardware, RankOptions options) {
    Objects.requireNonNull(hardware, "hardware");
    RankOptions opts = options == null ? RankOptions.defaults() : options;
    Stream<Candidate> stream =
        candidates.size() >= PARALLEL_THRESHOLD ? candidates.parallelStream() : candidates.stream();
    RankedModel[] rows =
        stream
            .map(c -> place(c, hardware, opts))
            .filter(Objects::nonNull)
            .toArray(RankedModel[]::new);
    Arrays.sort(rows, ORDER);
    return Collections.unmodifiableList(Arrays.asList(rows));
  }

  private static int compare(RankedModel a, RankedModel b) {
    int c = Double.compare(b.score(), a.score());
    if (c != 0) {
      return c;
    }
    c = a.modelId().compareTo(b.modelId());
    if (c != 0) {
      return c;
    }
    c = a.quant().compareTo(b.quant());
    if (c != 0) {
      return c;
    }
    c = a.engine().label().compareTo(b.engine().label());
    return c != 0 ? c : Integer.compare(a.contextLength(), b.contextLength());
  }

  /** The largest power of two GPUs, at most {@link #MAX_GPUS}, that one node offers. */
  static int maxGpus(HardwareTarget hardware) {
    return Integer.highestOneBit(Math.min(hardware.gpusPerNode(), MAX_GPUS));
  }

  private RankedModel place(Candidate c, HardwareTarget hardware, RankOptions options) {
    GpuTarget gpu = hardware.gpu();
    Engine engine = engineFor(c, gpu);
    int max = maxGpus(hardware);
    Estimate tried = null;
    int triedGpus = 0;
    Double oneGpuNeed = null;
    for (int n = 1; n <= max; n *= 2) {
      if (c.weightsGiB() / n * WEIGHTS_BOUND_SLACK > gpu.memoryGiB()) {
        continue;
      }
      tried = estimator.estimate(c.request(gpu, n, engine));
      triedGpus = n;
      if (n == 1) {
        oneGpuNeed = tried.vram().perGpuGiB();
      }
      if (tried.vram().fits()) {
        return row(c, hardware, engine, tried, n, oneGpuNeed);
      }
    }
    if (!options.includeUnfit()) {
      return null;
    }
    if (triedGpus != max) {
      tried = estimator.estimate(c.request(gpu, max, engine));
    }
    return row(c, hardware, engine, tried, max, oneGpuNeed);
  }

  /** The candidate's engine, else llama.cpp for GGUF and on Apple silicon, else vLLM. */
  private static Engine engineFor(Candidate c, GpuTarget gpu) {
    if (c.engine() != null) {
      return c.engine();
    }
    if (gpu.name().startsWith("Apple ")) {
      return Engine.LLAMA_CPP;
    }
    return Engine.defaultFor(c.resolvedQuant().quantization());
  }

  private static RankedModel row(
      Candidate c,
      HardwareTarget hardware,
      Engine engine,
      Estimate estimate,
      int gpus,
      Double oneGpuNeed) {
    VramEstimate vram = estimate.vram();
    boolean fits = vram.fits();
    double tokens = fits ? estimate.speed().decodeTokensPerSecond() : 0;
    double quality = c.quality().score();
    double speedTerm = RankScore.speed(tokens);
    double fitTerm = RankScore.fit(fits, gpus);
    double score = RankScore.fuse(quality, speedTerm, fitTerm, fits);
    String parallelism = gpus == 1 ? "none" : engine.splitsTensors() ? "tensor" : "layer";
    Supplier<List<String>> lines =
        () ->
            explain(
                c,
                hardware,
                engine,
                estimate,
                gpus,
                oneGpuNeed,
                parallelism,
                score,
                speedTerm,
                fitTerm);
    return new RankedModel(
        c.modelId(),
        c.canonicalQuant(),
        engine,
        c.contextLength(),
        score,
        fits,
        gpus,
        parallelism,
        tokens,
        vram.perGpuGiB(),
        vram.totalGiB(),
        hardware.gpu().memoryGiB(),
        c.evidenceLabel(),
        quality,
        c.qualityConfidenceLabel(),
        SPEED_CONFIDENCE_LABELS[estimate.speed().confidence().ordinal()],
        speedTerm,
        fitTerm,
        new Lazy(lines));
  }

  private static List<String> explain(
      Candidate c,
      HardwareTarget hardware,
      Engine engine,
      Estimate estimate,
      int gpus,
      Double oneGpuNeed,
      String parallelism,
      double score,
      double speedTerm,
      double fitTerm) {
    VramEstimate vram = estimate.vram();
    GpuTarget gpu = hardware.gpu();
    List<String> lines = new ArrayList<>(4);
    if (!vram.fits()) {
      lines.add(
          hardware.gpusPerNode() == 1
              ? format(
                  "won't fit: needs %s GiB, the node has %s GiB",
                  num(vram.perGpuGiB()), num(gpu.memoryGiB()))
              : format(
                  "won't fit: needs %s GiB per GPU even split over %d GPUs, each has %s GiB (%s GiB"
                      + " in the node)",
                  num(vram.perGpuGiB()),
                  gpus,
                  num(gpu.memoryGiB()),
                  num(hardware.nodeMemoryGiB())));
    } else if (gpus == 1) {
      lines.add(
          format(
              "fits on one %s: needs %s GiB of its %s GiB; fit %s/100",
              gpu.name(), num(vram.perGpuGiB()), num(gpu.memoryGiB()), num(fitTerm)));
    } else {
      String why =
          oneGpuNeed != null
              ? format("one GPU would need %s GiB", num(oneGpuNeed))
              : format("its weights alone are %s GiB", num(c.weightsGiB()));
      lines.add(
          format(
              "needs %d GPUs with %s parallelism: %s GiB per GPU of %s GiB (%s); fit %s/100",
              gpus, parallelism, num(vram.perGpuGiB()), num(gpu.memoryGiB()), why, num(fitTerm)));
    }
    List<String> quality = c.quality().explanation();
    lines.add(
        format(
            "quality %s/100, %s confidence, strongest evidence %s%s",
            num(c.quality().score()),
            c.quality().confidence().label(),
            c.evidenceLabel(),
            quality.isEmpty() ? "" : ": " + quality.get(0)));
    if (vram.fits()) {
      lines.add(
          format(
              "speed %s/100: about %s tok/s for one sequence at %d tokens of context on %s (%s"
                  + " confidence)",
              num(speedTerm),
              num(estimate.speed().decodeTokensPerSecond()),
              c.contextLength(),
              engine.label(),
              estimate.speed().confidence().label()));
      lines.add(
          format(
              "score %s = %s x quality %s + %s x speed %s + %s x fit %s",
              num(score),
              num(RankScore.QUALITY_WEIGHT),
              num(c.quality().score()),
              num(RankScore.SPEED_WEIGHT),
              num(speedTerm),
              num(RankScore.FIT_WEIGHT),
              num(fitTerm)));
    } else {
      lines.add("speed not scored: it does not fit");
      lines.add("score 0: a model that does not fit cannot be served here");
    }
    return List.copyOf(lines);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  /** One decimal, none for a whole number: "91.2", "80". */
  static String num(double value) {
    double rounded = Math.round(value * 10) / 10.0;
    return rounded == Math.rint(rounded)
        ? Long.toString((long) rounded)
        : String.format(Locale.ROOT, "%.1f", rounded);
  }

  /** Sentences written on first read: ranking thousands of rows writes none it does not show. */
  private static final class Lazy extends AbstractList<String> {
    private Supplier<List<String>> source;
    private volatile List<String> lines;

    Lazy(Supplier<List<String>> source) {
      this.source = source;
    }

    private List<String> lines() {
      List<String> read = lines;
      if (read == null) {
        synchronized (this) {
          read = lines;
          if (read == null) {
            read = source.get();
            lines = read;
            source = null;
          }
        }
      }
      return read;
    }

    @Override
    public String get(int index) {
      return lines().get(index);
    }

    @Override
    public int size() {
      return lines().size();
    }
  }
}
