package dev.modelfleet.ranker.estimate;

import dev.modelfleet.ranker.quant.QuantizationTable;
import java.util.List;

/**
 * An estimate for one model on one GPU kind.
 *
 * @param model the model's repository id
 * @param quant the weight format the request's name resolved to
 * @param vram memory needed, term by term, and whether it fits
 * @param speed decode speed and the overall confidence
 * @param explanation one sentence per term, in the order weights, KV cache, activations, overhead,
 *     fit, speed, then caveats; built on first read, so ranking many candidates costs nothing here
 */
public record Estimate(
    String model,
    QuantizationTable.Resolved quant,
    VramEstimate vram,
    SpeedEstimate speed,
    List<String> explanation) {}
