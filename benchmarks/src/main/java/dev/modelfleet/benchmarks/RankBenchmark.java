package dev.modelfleet.benchmarks;

import dev.modelfleet.ranker.rank.Candidate;
import dev.modelfleet.ranker.rank.HardwareTarget;
import dev.modelfleet.ranker.rank.RankOptions;
import dev.modelfleet.ranker.rank.Ranker;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Ranks 5,000 candidates against each of 50 hardware profiles: one operation is the whole
 * 250,000-placement ranking. {@code naiveRuleOfThumb} ranks the same candidates with the rule of
 * thumb in the same run, so the figures read as a ratio on any machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RankBenchmark {
  @Param("5000")
  int candidates;

  @Param("50")
  int profiles;

  private List<Candidate> list;
  private List<HardwareTarget> hardware;
  private final Ranker ranker = new Ranker();

  @Setup
  public void setUp() {
    list = Fixtures.candidates(candidates);
    hardware = Fixtures.hardware(profiles);
  }

  @Benchmark
  public void rank(Blackhole hole) {
    for (HardwareTarget target : hardware) {
      hole.consume(ranker.rank(list, target, RankOptions.defaults()));
    }
  }

  @Benchmark
  public void naiveRuleOfThumb(Blackhole hole) {
    for (HardwareTarget target : hardware) {
      hole.consume(NaiveRanker.rank(list, target));
    }
  }
}
