package dev.modelfleet.ranker.accuracy;

import dev.modelfleet.ranker.estimate.Engine;
import dev.modelfleet.ranker.estimate.Estimate;
import dev.modelfleet.ranker.estimate.EstimateRequest;
import dev.modelfleet.ranker.estimate.Estimator;
import dev.modelfleet.ranker.estimate.VramEstimate;
import dev.modelfleet.ranker.quant.QuantizationTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs ModelFleet's estimator and the rule of thumb on every published row. The same request is
 * built for every row from what the row states; nothing is adjusted per row.
 */
final class Evaluator {
  // Context for rows that measure weights only; the weights do not depend on it.
  private static final int WEIGHTS_ONLY_CONTEXT = 512;

  // A single request at a time: every published speed is single-stream.
  private static final int SINGLE_STREAM = 1;

  // For the memory rows that name no GPU: weights, and Ollama totals taken on an unnamed Mac. The
  // weights do not depend on the GPU, nor do the ggml engines' buffers and overhead.
  private static final String ANY_GPU = "NVIDIA H100 SXM5 80GB";

  private final Estimator estimator;
  private final QuantizationTable quantizations = QuantizationTable.bundled();

  Evaluator(Estimator estimator) {
    this.estimator = estimator;
  }

  /** Every row of the set, compared. */
  List<Comparison> compare(PublishedSet set) {
    List<Comparison> out = new ArrayList<>();
    set.decode().forEach(row -> out.add(decode(row)));
    set.vram().forEach(row -> out.add(vram(row)));
    set.fit().forEach(row -> out.add(fit(row)));
    return out;
  }

  private Comparison decode(DecodeRow row) {
    Subject model = subject(row);
    Device device = device(row.gpu(), row);
    Estimate estimate = estimate(row, model, device, row.contextTokens());
    double bits = bitsPerWeight(row);
    return new Comparison(
        row,
        engine(row),
        Comparison.Kind.DECODE,
        row.decodeTokensPerSecond(),
        estimate.speed().decodeTokensPerSecond(),
        RuleOfThumb.decodeTokensPerSecond(model.parameters().total(), bits, device.bandwidthGBps()),
        "");
  }

  private Comparison vram(VramRow row) {
    Subject model = subject(row);
    Device device = device(row.gpu() == null ? ANY_GPU : row.gpu(), row);
    double parameters = model.parameters().total();
    double bits = bitsPerWeight(row);
    return switch (row.measure()) {
      case WEIGHTS ->
          new Comparison(
              row,
              engine(row),
              Comparison.Kind.WEIGHTS,
              row.wholeModelGiB(),
              estimate(row, model, device, WEIGHTS_ONLY_CONTEXT).vram().weightsGiB(),
              RuleOfThumb.weightsGiB(parameters, bits),
              "");
      case KV ->
          new Comparison(
              row,
              engine(row),
              Comparison.Kind.KV,
              row.wholeModelGiB(),
              kvCacheGiB(row, model, device),
              Double.NaN,
              "");
      case TOTAL ->
          new Comparison(
              row,
              engine(row),
              Comparison.Kind.TOTAL,
              row.wholeModelGiB(),
              estimate(row, model, device, row.contextTokens()).vram().totalGiB(),
              RuleOfThumb.vramGiB(parameters, bits),
              "");
    };
  }

  private Comparison fit(FitRow row) {
    Subject model = subject(row);
    Device device = device(row.gpu(), row);
    VramEstimate vram =
        estimate(row, model, device, row.contextTokens(), row.batchedTokens()).vram();
    boolean baseline =
        RuleOfThumb.fits(
            model.parameters().total(), bitsPerWeight(row), device.memoryGiB(), row.gpuCount());
    return new Comparison(
        row,
        engine(row),
        Comparison.Kind.FIT,
        row.fits() ? 1 : 0,
        vram.fits() ? 1 : 0,
        baseline ? 1 : 0,
        String.format(
            Locale.ROOT, "%.2f of %.0f GiB per GPU", vram.perGpuGiB(), device.memoryGiB()));
  }

  /**
   * The KV cache for the row's token count. Engines size their cache pool in tokens across many
   * requests, often beyond one request's context; the estimate is taken at the model's context (or
   * the token count, if smaller) and scaled to the tokens, which is exact for models whose every
   * layer keeps full attention, as all KV rows in the set do.
   */
  private double kvCacheGiB(VramRow row, Subject model, Device device) {
    int tokens = row.contextTokens();
    int maxContext = model.facts().maxPositionEmbeddings();
    int context = maxContext > 0 ? Math.min(tokens, maxContext) : tokens;
    double atContext = estimate(row, model, device, context).vram().kvCacheGiB();
    return atContext * tokens / context;
  }

  private Estimate estimate(Measurement row, Subject model, Device device, int context) {
    return estimate(row, model, device, context, null);
  }

  /** An estimate with the engine's step size the source ran with, when it says. */
  private Estimate estimate(
      Measurement row, Subject model, Device device, int context, Integer batchedTokens) {
    EstimateRequest request =
        new EstimateRequest(
            model.facts(),
            model.parameters(),
            row.quant(),
            context,
            SINGLE_STREAM,
            device.target(),
            row.gpuCount(),
            engine(row),
            null,
            batchedTokens);
    return estimator.estimate(request);
  }

  private double bitsPerWeight(Measurement row) {
    return quantizations.resolve(row.quant()).bitsPerWeight();
  }

  private static Engine engine(Measurement row) {
    return Engine.parse(row.engine());
  }

  private static Subject subject(Measurement row) {
    return Subject.resolve(row.model())
        .orElseThrow(() -> new IllegalStateException(row.id() + ": unknown model " + row.model()));
  }

  private static Device device(String gpu, Measurement row) {
    return Device.resolve(gpu)
        .orElseThrow(() -> new IllegalStateException(row.id() + ": unknown GPU " + gpu));
  }
}
