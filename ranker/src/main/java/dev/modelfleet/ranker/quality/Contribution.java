package dev.modelfleet.ranker.quality;

/**
 * What one observation added to a quality score, and why.
 *
 * @param observation the observation as reported
 * @param benchmark the benchmark's canonical name
 * @param normalisedScore the score on 0-100 ({@link Benchmark#normalise})
 * @param evidence how closely it measured the scored model
 * @param evidenceWeight the grade's weight with quantization and size distances applied
 * @param sourceWeight the weight of who measured ({@link SourceKind#weight})
 * @param aging its age and the newer generations since, and the weight they leave
 * @param weight evidenceWeight x sourceWeight x aging weight: its weight within its benchmark
 * @param reason one sentence a person can read
 */
public record Contribution(
    Observation observation,
    String benchmark,
    double normalisedScore,
    Evidence evidence,
    double evidenceWeight,
    double sourceWeight,
    Recency.Aging aging,
    double weight,
    String reason) {}
