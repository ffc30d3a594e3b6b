package dev.modelfleet.ranker.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modelfleet.ranker.model.ModelCatalog;
import dev.modelfleet.ranker.model.ModelFacts;
import org.junit.jupiter.api.Test;

/**
 * The decode constants reproduce the published measurements they were derived from, so a change to
 * the speed model that breaks the derivation shows here. (How well they predict other rows is the
 * accuracy report's job.)
 */
class DecodeConstantsTest {
  private static final String RTX_6000_ADA = "NVIDIA-RTX-6000-Ada-Generation";
  private final Estimator estimator = new Estimator();

  private static ModelFacts catalog(String id) {
    return ModelCatalog.bundled().lookup(id).orElseThrow().model().facts();
  }

  private double tokensPerSecond(ModelFacts model, String quant, Engine engine, String gpu) {
    // llama-bench's tg128 decodes from an empty context.
    EstimateRequest request =
        new EstimateRequest(model, null, quant, 1, 1, TestModels.gpu(gpu), 1, engine, null);
    return estimator.estimate(request).speed().decodeTokensPerSecond();
  }

  @Test
  void ggmlConstantsReproduceTheTwoLlamaBenchRowsTheyAreSolvedFrom() {
    // https://github.com/ggml-org/llama.cpp/pull/19053, tg128 on an RTX 6000 Ada.
    ModelFacts llama8b = catalog("meta-llama/Llama-3.1-8B-Instruct");
    ModelFacts llama3b = catalog("meta-llama/Llama-3.2-3B-Instruct");

    assertThat(tokensPerSecond(llama8b, "Q4_0", Engine.LLAMA_CPP, RTX_6000_ADA))
        .isCloseTo(168.87, within(168.87 * 0.005));
    assertThat(tokensPerSecond(llama3b, "Q4_K_M", Engine.LLAMA_CPP, RTX_6000_ADA))
        .isCloseTo(315.50, within(315.50 * 0.005));
  }

  @Test
  void metalConstantsReproduceTheTwoM2UltraRowsTheyAreSolvedFrom() {
    // https://github.com/ggml-org/llama.cpp/pull/10238, tg128 on an M2 Ultra: 64 tokens in the
    // cache on average while 128 are generated.
    ModelFacts llama3b = catalog("meta-llama/Llama-3.2-3B-Instruct");
    GpuTarget m2Ultra =
        GpuTargetResolver.bundled().resolve("Apple M2 Ultra").target().orElseThrow();

    assertThat(decode(llama3b, "F16", 64, m2Ultra)).isCloseTo(72.29, within(72.29 * 0.005));
    assertThat(decode(llama3b, "Q4_0", 64, m2Ultra)).isCloseTo(155.86, within(155.86 * 0.005));
  }

  @Test
  void appleSiliconGetsMetalsConstantsWhateverItsClock() {
    GpuTarget apple = new GpuTarget("Apple M4 Max", 48, 546, true, 0);
    GpuTarget appleWithClock = new GpuTarget("Apple M4 Max", 48, 546, true, 1000);

    assertThat(SpeedEstimator.ggmlEfficiency(apple)).isEqualTo(0.769);
    assertThat(SpeedEstimator.ggmlSecondsPerLayer(apple)).isEqualTo(120.4e-6);
    assertThat(SpeedEstimator.ggmlSecondsPerLayer(appleWithClock)).isEqualTo(120.4e-6);
    assertThat(SpeedEstimator.ggmlEfficiency(TestModels.gpu(RTX_6000_ADA))).isEqualTo(0.955);
  }

  private double decode(ModelFacts model, String quant, int context, GpuTarget gpu) {
    EstimateRequest request =
        new EstimateRequest(model, null, quant, context, 1, gpu, 1, Engine.LLAMA_CPP, null);
    return estimator.estimate(request).speed().decodeTokensPerSecond();
  }

  @Test
  void ggmlPerLayerTimeIsAFixedNumberOfCyclesAtTheGpusClock() {
    GpuTarget reference = TestModels.gpu(RTX_6000_ADA);
    GpuTarget a100 = TestModels.gpu("NVIDIA-A100-SXM4-80GB");
    GpuTarget unknownClock = new GpuTarget("custom GPU", 24, 1000, false);

    assertThat(reference.clockMHz()).isEqualTo(SpeedEstimator.GGML_REFERENCE_CLOCK_MHZ);
    assertThat(SpeedEstimator.ggmlSecondsPerLayer(reference)).isCloseTo(36.7e-6, within(1e-12));
    // 91,934 cycles at 1410 MHz.
    assertThat(SpeedEstimator.ggmlSecondsPerLayer(a100))
        .isCloseTo(36.7e-6 * 2505 / 1410, within(1e-12));
    assertThat(SpeedEstimator.ggmlSecondsPerLayer(unknownClock)).isCloseTo(36.7e-6, within(1e-12));
  }

  @Test
  void aSlowerClockSlowsLlamaCppButNotTheTorchEngines() {
    ModelFacts llama8b = catalog("meta-llama/Llama-3.1-8B-Instruct");
    GpuTarget fast = new GpuTarget("fast", 80, 2000, true, 2500);
    GpuTarget slow = new GpuTarget("slow", 80, 2000, true, 1250);

    double fastGgml = decode(llama8b, "Q4_0", Engine.LLAMA_CPP, fast);
    double slowGgml = decode(llama8b, "Q4_0", Engine.LLAMA_CPP, slow);
    // Half the clock doubles the 32 layers' fixed time: 32 x 36.7 us x 2505 / 2500 more per token.
    double addedSeconds = 32 * 36.7e-6 * 2505 / 2500;
    assertThat(1 / slowGgml - 1 / fastGgml).isCloseTo(addedSeconds, within(1e-9));
    assertThat(decode(llama8b, "BF16", Engine.VLLM, slow))
        .isEqualTo(decode(llama8b, "BF16", Engine.VLLM, fast));
  }

  @Test
  void aMigSliceKeepsItsParentsClock() {
    GpuTarget slice =
        GpuTargetResolver.bundled()
            .resolve("NVIDIA-A100-SXM4-40GB-MIG-1g.5gb")
            .target()
            .orElseThrow();
    assertThat(slice.clockMHz()).isEqualTo(1410);
  }

  @Test
  void theExplanationSaysWhereThePerLayerTimeComesFrom() {
    ModelFacts llama8b = catalog("meta-llama/Llama-3.1-8B-Instruct");
    GpuTarget m2Ultra =
        GpuTargetResolver.bundled().resolve("Apple M2 Ultra").target().orElseThrow();

    assertThat(speedSentence(llama8b, TestModels.gpu("NVIDIA-A100-SXM4-80GB")))
        .contains("32 layers x 65.2 us at 1,410 MHz");
    assertThat(speedSentence(llama8b, m2Ultra)).contains("32 layers x 120.4 us, Metal");
    assertThat(speedSentence(llama8b, new GpuTarget("custom GPU", 24, 1000, false)))
        .contains("32 layers x 36.7 us, clock not known: 2,505 MHz assumed");
  }

  private String speedSentence(ModelFacts model, GpuTarget gpu) {
    EstimateRequest request =
        new EstimateRequest(model, null, "Q4_K_M", 4096, 1, gpu, 1, Engine.LLAMA_CPP, null);
    return String.join("\n", estimator.estimate(request).explanation());
  }

  private double decode(ModelFacts model, String quant, Engine engine, GpuTarget gpu) {
    EstimateRequest request = new EstimateRequest(model, null, quant, 1, 1, gpu, 1, engine, null);
    return estimator.estimate(request).speed().decodeTokensPerSecond();
  }

  @Test
  void torchEfficiencyIsGptFastsAchievedBandwidthOverTheA100Peak() {
    assertThat(SpeedEstimator.TORCH_DECODE_EFFICIENCY * 2039).isCloseTo(1397.31, within(1e-9));
  }

  @Test
  void tensorParallelSyncGrowsWithTheLogOfTheGpuCount() {
    assertThat(SpeedEstimator.syncSecondsPerLayer(1)).isZero();
    assertThat(SpeedEstimator.syncSecondsPerLayer(2)).isCloseTo(40e-6, within(1e-12));
    assertThat(SpeedEstimator.syncSecondsPerLayer(8)).isCloseTo(120e-6, within(1e-12));
  }
}
