package dev.modelfleet.benchmarks;

import dev.modelfleet.ranker.estimate.Estimate;
import dev.modelfleet.ranker.estimate.EstimateRequest;
import dev.modelfleet.ranker.estimate.Estimator;
import dev.modelfleet.ranker.estimate.GpuTarget;
import dev.modelfleet.ranker.model.ModelCatalog;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.model.ParameterCounter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One estimate (VRAM term by term, decode speed, confidence; the explanation is written on read and
 * not read here), against the rule of thumb (parameters x bytes per weight x 1.2) measured in the
 * same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EstimateBenchmark {
  private static final double GIB = 1024.0 * 1024 * 1024;

  @Param({"meta-llama/Llama-3.1-8B-Instruct", "Qwen/Qwen3-30B-A3B"})
  String model;

  @Param({"Q4_K_M", "awq"})
  String quant;

  private final Estimator estimator = new Estimator();
  private final GpuTarget h100 = new GpuTarget("NVIDIA H100 SXM5 80GB", 79.2, 3350, true);
  private EstimateRequest request;
  private double parameters;
  private double bitsPerWeight;

  @Setup
  public void setUp() {
    ModelFacts facts = ModelCatalog.bundled().lookup(model).orElseThrow().model().facts();
    request = new EstimateRequest(facts, null, quant, 8192, 1, h100, 1, null, null);
    parameters = ParameterCounter.count(facts).total();
    bitsPerWeight = estimator.estimate(request).quant().bitsPerWeight();
  }

  @Benchmark
  public Estimate estimate() {
    return estimator.estimate(request);
  }

  @Benchmark
  public double ruleOfThumb() {
    return parameters * bitsPerWeight / 8 * 1.2 / GIB;
  }
}
