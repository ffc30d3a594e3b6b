package dev.modelfleet.ranker.estimate;

import static dev.modelfleet.ranker.estimate.TestModels.GIB;
import static dev.modelfleet.ranker.estimate.TestModels.facts;
import static dev.modelfleet.ranker.estimate.TestModels.gpu;
import static dev.modelfleet.ranker.estimate.TestModels.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modelfleet.ranker.Confidence;
import dev.modelfleet.ranker.model.KvCacheShape;
import dev.modelfleet.ranker.model.ModelFacts;
import dev.modelfleet.ranker.model.ParameterCount;
import dev.modelfleet.ranker.model.ParameterCounter;
import dev.modelfleet.ranker.model.ParameterSource;
import dev.modelfleet.ranker.quant.Quantization;
import dev.modelfleet.ranker.quant.QuantizationTable;
import org.junit.jupiter.api.Test;

class EstimatorTest {
  private static final String H100 = "NVIDIA-H100-80GB-HBM3";
  private static final String RTX_4090 = "NVIDIA-GeForce-RTX-4090";

  private final Estimator estimator = new Estimator();

  @Test
  void weightsAreParametersTimesBitsPerWeight() {
    Estimate bf16 =
        estimator.estimate(request("Llama-3.1-8B-Instruct", "bf16", 8192, H100, 1, Engine.VLLM));
    double params = facts("Llama-3.1-8B-Instruct").parameters().total();

    assertThat(bf16.vram().weightsGiB()).isCloseTo(params * 2 / GIB, within(1e-9));
    assertThat(bf16.explanation().get(0))
        .isEqualTo("weights 15.0 GiB (8.03B params at BF16, 16.00 bits/weight)");
  }

  @Test
  void formatsThatLeaveEmbeddingsUnquantizedCountThemAt16Bits() {
    ModelFacts qwen = facts("Qwen2.5-7B-Instruct");
    Estimate awq = estimator.estimate(request("Qwen2.5-7B-Instruct", "awq", 4096, H100, 1, null));
    Quantization format = QuantizationTable.bundled().resolve("awq").quantization();
    long total = Math.round(qwen.parameters().total());
    long embeddings = 2L * qwen.vocabSize() * qwen.hiddenSize(); // untied: table and head

    assertThat(awq.vram().weightsGiB())
        .isCloseTo(format.weightBytes(total, embeddings) / GIB, within(1e-9));
    assertThat(awq.vram().weightsGiB()).isGreaterThan(total * format.bitsPerWeight() / 8 / GIB);
    assertThat(awq.explanation().get(0))
        .contains("embedding and output-head params stay at 16 bits");
  }

  @Test
  void kvCacheIsKvHeadsTimesHeadDimTimesLayersTimesContextAndSequences() {
    ModelFacts llama = facts("Llama-3.1-8B-Instruct");
    EstimateRequest oneSequence =
        new EstimateRequest(llama, null, "bf16", 8192, 1, gpu(H100), 1, Engine.VLLM, null);
    EstimateRequest fourSequences =
        new EstimateRequest(llama, null, "bf16", 8192, 4, gpu(H100), 1, Engine.VLLM, null);

    // 32 layers x 2 (K and V) x 8 KV heads x 128 dims x 2 bytes x 8192 tokens = 1 GiB.
    assertThat(estimator.estimate(oneSequence).vram().kvCacheGiB()).isEqualTo(1.0);
    assertThat(estimator.estimate(fourSequences).vram().kvCacheGiB()).isEqualTo(4.0);
  }

  @Test
  void kvCacheTypeSetsBytesPerValue() {
    ModelFacts llama = facts("Llama-3.1-8B-Instruct");
    double fp8 =
        estimator
            .estimate(
                new EstimateRequest(llama, null, "fp8", 8192, 1, gpu(H100), 1, Engine.VLLM, "fp8"))
            .vram()
            .kvCacheGiB();
    double q80 =
        estimator
            .estimate(
                new EstimateRequest(
                    llama, null, "Q8_0", 8192, 1, gpu(H100), 1, Engine.LLAMA_CPP, "q8_0"))
            .vram()
            .kvCacheGiB();
    double q40 =
        estimator
            .estimate(
                new EstimateRequest(
                    llama, null, "Q4_0", 8192, 1, gpu(H100), 1, Engine.OLLAMA, "q4_0"))
            .vram()
            .kvCacheGiB();

    assertThat(fp8).isEqualTo(0.5);
    assertThat(q80).isEqualTo(34.0 / 32 / 2); // ggml Q8_0: 34 bytes per 32 values
    assertThat(q40).isEqualTo(18.0 / 32 / 2);
  }

  @Test
  void slidingWindowLayersStopGrowingAtTheWindow() {
    ModelFacts gemma = facts("gemma-2-9b");
    KvCacheShape shape = KvCacheShape.of(gemma);
    Estimate longContext =
        estimator.estimate(request("gemma-2-9b", "bf16", 8192, H100, 1, Engine.VLLM));

    assertThat(longContext.vram().kvCacheGiB() * GIB).isEqualTo(shape.kvElements(8192) * 2.0);
    assertThat(longContext.vram().kvCacheGiB() * GIB)
        .isLessThan(shape.fullAttentionEquivalent(8192) * 2.0);
    assertThat(longContext.explanation().get(1))
        .contains("21 sliding-window layers capped at 4,096");
  }

  @Test
  void hybridLinearAttentionKeepsAFixedStateOnTopOfFewerFullLayers() {
    String next = "Qwen3-Next-80B-A3B-Instruct";
    KvCacheShape shape = KvCacheShape.of(facts(next));
    double at4k =
        estimator.estimate(request(next, "bf16", 4096, H100, 1, Engine.VLLM)).vram().kvCacheGiB();
    double at8k =
        estimator.estimate(request(next, "bf16", 8192, H100, 1, Engine.VLLM)).vram().kvCacheGiB();
    double growthPerToken = (at8k - at4k) * GIB / 4096;

    // Only the 12 full-attention layers grow; 36 linear-attention layers keep a fixed state.
    assertThat(growthPerToken).isEqualTo(12 * shape.elementsPerTokenPerLayer() * 2.0);
    assertThat(at4k * GIB)
        .isEqualTo(shape.kvElements(4096) * 2.0 + shape.stateElementsPerSequence() * 2.0);
    assertThat(at8k).isLessThan(shape.fullAttentionEquivalent(8192) * 2.0 / GIB);
  }

  @Test
  void llamaCppKeepsRecurrentStateInF32() {
    String jamba = "Jamba-v0.1";
    KvCacheShape shape = KvCacheShape.of(facts(jamba));
    Estimate vllm = estimator.estimate(request(jamba, "bf16", 4096, H100, 1, Engine.VLLM));
    Estimate llamaCpp = estimator.estimate(request(jamba, "Q8_0", 4096, H100, 1, Engine.LLAMA_CPP));

    assertThat(vllm.vram().kvCacheGiB() * GIB)
        .isEqualTo(shape.kvElements(4096) * 2.0 + shape.stateElementsPerSequence() * 2.0);
    assertThat(llamaCpp.vram().kvCacheGiB() * GIB)
        .isEqualTo(shape.kvElements(4096) * 2.0 + shape.stateElementsPerSequence() * 4.0);
  }

  @Test
  void mlaCachesTheCompressedLatentAndEveryTensorParallelGpuKeepsAllOfIt() {
    ModelFacts deepseek = facts("DeepSeek-V3");
    EstimateRequest tp8 =
        new EstimateRequest(
            deepseek, null, "fp8", 32768, 1, gpu("NVIDIA-H200"), 8, Engine.SGLANG, null);
    Estimate estimate = estimator.estimate(tp8);
    double oneCopy = 32768 * 61 * 576 * 2.0 / GIB; // 61 layers x (512 latent + 64 RoPE) x bf16

    assertThat(estimate.vram().kvCacheGiB()).isCloseTo(8 * oneCopy, within(1e-9));
    assertThat(estimate.explanation().get(1))
        .contains("MLA latent", "each of the 8 GPUs keeps all of it");
  }

  @Test
  void moeNeedsMemoryForEveryExpertButReadsOnlyTheActiveOnesPerToken() {
    Estimate moe =
        estimator.estimate(request("Qwen3-30B-A3B", "Q4_K_M", 1, H100, 1, Engine.LLAMA_CPP));
    Estimate dense =
        estimator.estimate(request("Qwen3-32B", "Q4_K_M", 1, H100, 1, Engine.LLAMA_CPP));
    ParameterCount count = facts("Qwen3-30B-A3B").parameters();
    double bits = QuantizationTable.bundled().resolve("Q4_K_M").bitsPerWeight();

    double bytesPerToken =
        moe.speed().effectiveBandwidthGBps() * 1e9 / moe.speed().decodeTokensPerSecond();
    double kvOneToken = KvCacheShape.of(facts("Qwen3-30B-A3B")).kvElements(1) * 2.0;
    assertThat(bytesPerToken)
        .isCloseTo(Math.round(count.activeReadPerToken()) * bits / 8 + kvOneToken, within(1e3));
    // llama.cpp keeps the input embedding table in host memory.
    assertThat(moe.vram().weightsGiB())
        .isCloseTo((count.total() - count.embeddingLookupOnly()) * bits / 8 / GIB, within(1e-3));
    assertThat(moe.vram().weightsGiB()).isGreaterThan(0.9 * dense.vram().weightsGiB());
    assertThat(moe.speed().decodeTokensPerSecond())
        .isGreaterThan(3 * dense.speed().decodeTokensPerSecond());
    assertThat(moe.explanation().get(0)).contains("every expert resident", "active per token");
  }

  @Test
  void ggmlEnginesKeepTheInputEmbeddingTableInHostMemory() {
    ModelFacts llama = facts("Llama-3.1-8B-Instruct"); // untied: table and head are separate
    Estimate vllm =
        estimator.estimate(request("Llama-3.1-8B-Instruct", "bf16", 4096, H100, 1, Engine.VLLM));
    Estimate llamaCpp =
        estimator.estimate(
            request("Llama-3.1-8B-Instruct", "bf16", 4096, H100, 1, Engine.LLAMA_CPP));
    Estimate tied =
        estimator.estimate(request("gemma-2-9b", "bf16", 4096, H100, 1, Engine.LLAMA_CPP));
    double table = (double) llama.vocabSize() * llama.hiddenSize() * 2 / GIB;

    assertThat(vllm.vram().weightsGiB() - llamaCpp.vram().weightsGiB())
        .isCloseTo(table, within(1e-9));
    assertThat(llamaCpp.explanation().get(0))
        .contains("input embedding table, which llama.cpp keeps in host memory");
    assertThat(tied.explanation().get(0)).doesNotContain("host memory");
  }

  @Test
  void suppliedParameterCountsReplaceTheComputedOnes() {
    ModelFacts mixtral = facts("Mixtral-8x7B-v0.1");
    ParameterCount given =
        ParameterCounter.resolve(mixtral, 46.7e9, 12.9e9, ParameterSource.SUPPLIED);
    Estimate estimate =
        estimator.estimate(
            new EstimateRequest(
                mixtral, given, "bf16", 4096, 1, gpu("NVIDIA-H200"), 1, Engine.VLLM, null));

    assertThat(estimate.vram().weightsGiB()).isCloseTo(46.7e9 * 2 / GIB, within(1e-6));
  }

  @Test
  void tensorParallelismSplitsWeightsAndKvButEveryGpuPaysTheOverhead() {
    Estimate one = estimator.estimate(request("Qwen3-32B", "bf16", 16384, H100, 1, Engine.VLLM));
    Estimate two = estimator.estimate(request("Qwen3-32B", "bf16", 16384, H100, 2, Engine.VLLM));
    VramEstimate a = one.vram();
    VramEstimate b = two.vram();

    assertThat(b.weightsGiB()).isEqualTo(a.weightsGiB());
    assertThat(b.kvCacheGiB()).isEqualTo(a.kvCacheGiB());
    double overheadPerGpu = b.overheadGiB() / 2;
    assertThat(overheadPerGpu).isGreaterThanOrEqualTo(a.overheadGiB());
    assertThat(b.perGpuGiB())
        .isCloseTo(
            a.weightsGiB() / 2 + a.kvCacheGiB() / 2 + b.activationsGiB() / 2 + overheadPerGpu,
            within(1e-9));
    assertThat(b.totalGiB()).isCloseTo(2 * b.perGpuGiB(), within(1e-9));
    assertThat(b.perGpuGiB()).isGreaterThan(a.perGpuGiB() / 2);
    // Faster, but less than twice as fast: all-reduces cost time per layer.
    assertThat(two.speed().decodeTokensPerSecond())
        .isGreaterThan(one.speed().decodeTokensPerSecond())
        .isLessThan(2 * one.speed().decodeTokensPerSecond());
    assertThat(two.explanation().get(4)).startsWith("fits: needs ").contains("on each of 2 GPUs");
  }

  @Test
  void fewerKvHeadsThanGpusMeansHeadsAreCopied() {
    ModelFacts qwen = facts("Qwen3-30B-A3B"); // 4 KV heads
    EstimateRequest tp8 =
        new EstimateRequest(qwen, null, "bf16", 8192, 1, gpu(H100), 8, Engine.VLLM, null);
    Estimate estimate = estimator.estimate(tp8);
    double oneCopy = KvCacheShape.of(qwen).kvElements(8192) * 2.0 / GIB;

    assertThat(estimate.vram().kvCacheGiB()).isCloseTo(2 * oneCopy, within(1e-9));
    assertThat(estimate.explanation().get(1)).contains("heads are copied");
  }

  @Test
  void llamaCppSplitsLayersOverGpusWithoutAddingBandwidth() {
    Estimate one =
        estimator.estimate(request("Qwen3-32B", "Q4_K_M", 4096, RTX_4090, 1, Engine.LLAMA_CPP));
    Estimate two =
        estimator.estimate(request("Qwen3-32B", "Q4_K_M", 4096, RTX_4090, 2, Engine.LLAMA_CPP));

    assertThat(two.vram().perGpuGiB()).isLessThan(one.vram().perGpuGiB());
    assertThat(two.speed().decodeTokensPerSecond())
        .isCloseTo(one.speed().decodeTokensPerSecond(), within(1e-6));
  }

  @Test
  void engineOverheadsFollowTheirDefaults() {
    Estimate vllm =
        estimator.estimate(request("Llama-3.1-8B-Instruct", "bf16", 8192, H100, 1, Engine.VLLM));
    Estimate sglang =
        estimator.estimate(request("Llama-3.1-8B-Instruct", "bf16", 8192, H100, 1, Engine.SGLANG));
    Estimate llamaCpp =
        estimator.estimate(
            request("Llama-3.1-8B-Instruct", "Q4_K_M", 8192, H100, 1, Engine.LLAMA_CPP));
    Estimate ollama =
        estimator.estimate(
            request("Llama-3.1-8B-Instruct", "Q4_K_M", 8192, H100, 1, Engine.OLLAMA));

    // vLLM: 1.79 GiB outside PyTorch plus the 10% gpu-memory-utilization leaves free.
    assertThat(vllm.vram().overheadGiB()).isCloseTo(1.79 + 0.1 * 80, within(1e-9));
    // SGLang: its reserve on an 80 GB GPU is 512 + 1.5 x 8192 + 2 x 256 + 1024/8 MiB, 12 GiB of it
    // for activations.
    assertThat(sglang.vram().activationsGiB()).isCloseTo(12.0, within(1e-9));
    assertThat(sglang.vram().overheadGiB())
        .isCloseTo(1.79 + (512 + 2 * 256 + 128) / 1024.0, within(1e-9));
    // llama.cpp: 457 MiB context plus its 1 GiB fitting margin; compute buffer 4 x 512 x (vocab +
    // hidden) bytes = 258.5 MiB.
    assertThat(llamaCpp.vram().overheadGiB()).isCloseTo((457 + 1024) / 1024.0, within(1e-9));
    assertThat(llamaCpp.vram().activationsGiB() * 1024).isCloseTo(258.5, within(1e-9));
    // Ollama without flash attention for Llama sizes attention scores for the whole context.
    assertThat(ollama.vram().overheadGiB()).isCloseTo(457 / 1024.0, within(1e-9));
    assertThat(ollama.vram().activationsGiB()).isGreaterThan(llamaCpp.vram().activationsGiB());
    // vLLM's profile run on an 80 GB H100: 8192 tokens, 1024 sampled sequences.
    assertThat(vllm.explanation().get(2)).contains("8,192 batched tokens", "1,024 sequences");
  }

  @Test
  void vllmOnASmallerGpuProfilesASmallerBatch() {
    Estimate a100 =
        estimator.estimate(
            request(
                "Llama-3.1-8B-Instruct", "bf16", 8192, "NVIDIA-A100-SXM4-80GB", 1, Engine.VLLM));

    assertThat(a100.explanation().get(2)).contains("2,048 batched tokens", "256 sequences");
  }

  @Test
  void aConfiguredStepSizeSetsTheActivationReserve() {
    ModelFacts llama = facts("Llama-3.1-8B-Instruct");
    GpuTarget rtx3090 = gpu("NVIDIA-GeForce-RTX-3090");
    Estimate whole =
        estimator.estimate(
            new EstimateRequest(
                llama, null, "bf16", 29_000, 1, rtx3090, 1, Engine.VLLM, null, 29_000));
    Estimate chunked =
        estimator.estimate(
            new EstimateRequest(
                llama, null, "bf16", 29_000, 1, rtx3090, 1, Engine.VLLM, null, 2_048));

    // The forward peak: tokens x 2 bytes x (4 x 4096 hidden + 3 x 14336 MLP).
    assertThat(whole.vram().activationsGiB())
        .isCloseTo(29_000 * 2.0 * (4 * 4096 + 3 * 14336) / GIB, within(1e-9));
    assertThat(whole.explanation().get(2)).contains("29,000 batched tokens");
    assertThat(whole.vram().fits()).isFalse();
    assertThat(chunked.vram().fits()).isTrue();
    assertThat(chunked.vram().kvCacheGiB()).isEqualTo(whole.vram().kvCacheGiB());

    Estimate sglang =
        estimator.estimate(
            new EstimateRequest(
                llama, null, "bf16", 8192, 1, gpu(H100), 1, Engine.SGLANG, null, 4096));
    assertThat(sglang.vram().activationsGiB()).isCloseTo(4096 * 1.5 / 1024, within(1e-9));

    Estimate llamaCpp =
        estimator.estimate(
            new EstimateRequest(
                llama, null, "Q4_K_M", 8192, 1, rtx3090, 1, Engine.LLAMA_CPP, null, 4096));
    Estimate llamaCppDefault =
        estimator.estimate(
            new EstimateRequest(
                llama, null, "Q4_K_M", 8192, 1, rtx3090, 1, Engine.LLAMA_CPP, null, null));
    assertThat(llamaCpp.vram()).isEqualTo(llamaCppDefault.vram());
    assertThat(llamaCpp.explanation())
        .anySatisfy(line -> assertThat(line).startsWith("batched tokens apply to vLLM and SGLang"));
  }

  @Test
  void whatDoesNotFitOnVllmGetsNoSpeedAndSaysWhy() {
    Estimate estimate =
        estimator.estimate(request("Qwen3-32B", "bf16", 8192, RTX_4090, 1, Engine.VLLM));

    assertThat(estimate.vram().fits()).isFalse();
    assertThat(estimate.speed().decodeTokensPerSecond()).isZero();
    assertThat(estimate.speed().effectiveBandwidthGBps()).isZero();
    assertThat(estimate.explanation().get(4))
        .matches("won't fit: needs \\d+\\.\\d GiB, the GPU has 24 GiB; .*");
    assertThat(estimate.explanation().get(5)).startsWith("no decode speed");
  }

  @Test
  void llamaCppOffloadsLayersToTheCpuWhenTheModelDoesNotFit() {
    Estimate offloaded =
        estimator.estimate(
            request("Mixtral-8x7B-v0.1", "Q4_K_M", 8192, RTX_4090, 1, Engine.LLAMA_CPP));
    Estimate onGpu =
        estimator.estimate(
            request("Mixtral-8x7B-v0.1", "Q4_K_M", 8192, "NVIDIA-L40S", 1, Engine.LLAMA_CPP));

    assertThat(offloaded.vram().fits()).isFalse();
    assertThat(offloaded.speed().decodeTokensPerSecond()).isPositive();
    assertThat(offloaded.speed().confidence()).isEqualTo(Confidence.LOW);
    assertThat(offloaded.explanation().get(5))
        .containsPattern("keeps \\d+ of 32 layers on the GPU");
    assertThat(onGpu.vram().fits()).isTrue();
    // The L40S has less bandwidth than the RTX 4090 but holds every layer.
    assertThat(onGpu.speed().decodeTokensPerSecond())
        .isGreaterThan(offloaded.speed().decodeTokensPerSecond());
  }

  @Test
  void decodeIsBoundByBandwidthAndSlowsAsTheKvCacheGrows() {
    Estimate shortContext =
        estimator.estimate(request("Llama-3.1-8B-Instruct", "bf16", 1, H100, 1, Engine.VLLM));
    Estimate longContext =
        estimator.estimate(request("Llama-3.1-8B-Instruct", "bf16", 65536, H100, 1, Engine.VLLM));
    Estimate slowerGpu =
        estimator.estimate(
            request("Llama-3.1-8B-Instruct", "bf16", 1, "NVIDIA-A100-SXM4-80GB", 1, Engine.VLLM));

    double weightsRead = (facts("Llama-3.1-8B-Instruct").parameters().activeReadPerToken()) * 2;
    double expected = 3350e9 * SpeedEstimator.TORCH_DECODE_EFFICIENCY / weightsRead;
    assertThat(shortContext.speed().decodeTokensPerSecond()).isCloseTo(expected, within(0.5));
    assertThat(longContext.speed().decodeTokensPerSecond())
        .isLessThan(shortContext.speed().decodeTokensPerSecond());
    assertThat(
            slowerGpu.speed().decodeTokensPerSecond()
                / shortContext.speed().decodeTokensPerSecond())
        .isCloseTo(2039.0 / 3350, within(1e-3));
  }

  @Test
  void unknownQuantizationIsSizedAsSixteenBitsAndLowersConfidence() {
    Estimate known =
        estimator.estimate(request("Llama-3.1-8B-Instruct", "bf16", 4096, H100, 1, Engine.VLLM));
    Estimate unknown =
        estimator.estimate(
            request("Llama-3.1-8B-Instruct", "mystery-3bit", 4096, H100, 1, Engine.VLLM));

    assertThat(unknown.quant().known()).isFalse();
    assertThat(unknown.quant().bitsPerWeight()).isEqualTo(16.0);
    assertThat(unknown.vram().weightsGiB()).isEqualTo(known.vram().weightsGiB());
    assertThat(known.speed().confidence()).isEqualTo(Confidence.HIGH);
    assertThat(unknown.speed().confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(unknown.explanation())
        .anyMatch(line -> line.startsWith("unknown quantization 'mystery-3bit'"))
        .anyMatch(line -> line.startsWith("confidence medium: unknown quantization"));
  }

  @Test
  void gpuFiguresGivenByHandLowerConfidence() {
    GpuTarget custom = new GpuTarget("lab card", 48, 1000, false);
    EstimateRequest request =
        new EstimateRequest(
            facts("Llama-3.1-8B-Instruct"), null, "Q4_K_M", 4096, 1, custom, 1, null, null);
    Estimate estimate = estimator.estimate(request);

    assertThat(estimate.vram().fits()).isTrue();
    assertThat(estimate.speed().confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(estimate.explanation().get(4)).endsWith("the GPU has 48 GiB");
    assertThat(estimate.explanation()).anyMatch(line -> line.contains("given by hand"));
  }

  @Test
  void aFormatTheEngineDoesNotLoadLowersConfidence() {
    Estimate estimate =
        estimator.estimate(request("Llama-3.1-8B-Instruct", "Q4_K_M", 4096, H100, 1, Engine.VLLM));

    assertThat(estimate.speed().confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(estimate.explanation())
        .anyMatch(line -> line.contains("is not a format vllm loads"));
  }

  @Test
  void withoutAnEngineGgufGoesToLlamaCppAndTheRestToVllm() {
    Estimate gguf =
        estimator.estimate(request("Llama-3.1-8B-Instruct", "Q4_K_M", 4096, H100, 1, null));
    Estimate awq = estimator.estimate(request("Llama-3.1-8B-Instruct", "awq", 4096, H100, 1, null));

    assertThat(gguf.explanation())
        .contains("engine llama.cpp, chosen for Q4_K_M; name one to compare");
    assertThat(awq.explanation()).anyMatch(line -> line.startsWith("engine vllm, chosen for AWQ"));
  }

  @Test
  void withoutAnEngineAppleSiliconGetsLlamaCpp() {
    GpuTarget m2Max = GpuTargetResolver.bundled().resolve("Apple M2 Max").target().orElseThrow();
    EstimateRequest chosen =
        new EstimateRequest(
            facts("Llama-3.1-8B-Instruct"), null, "bf16", 4096, 1, m2Max, 1, null, null);
    EstimateRequest vllm =
        new EstimateRequest(
            facts("Llama-3.1-8B-Instruct"), null, "bf16", 4096, 1, m2Max, 1, Engine.VLLM, null);

    assertThat(estimator.estimate(chosen).explanation())
        .contains("engine llama.cpp, chosen for Apple M2 Max 32GB; name one to compare");
    assertThat(estimator.estimate(vllm).explanation())
        .contains("vllm does not run on Apple silicon; llama.cpp and Ollama do");
  }

  @Test
  void concurrencyGivesPerSequenceAndTotalSpeedInTheExplanation() {
    EstimateRequest eight =
        new EstimateRequest(
            facts("Llama-3.1-8B-Instruct"), null, "bf16", 4096, 8, gpu(H100), 1, Engine.VLLM, null);
    Estimate estimate = estimator.estimate(eight);
    Estimate single =
        estimator.estimate(request("Llama-3.1-8B-Instruct", "bf16", 4096, H100, 1, Engine.VLLM));

    // decodeTokensPerSecond is one sequence decoding alone, whatever the concurrency.
    assertThat(estimate.speed().decodeTokensPerSecond())
        .isEqualTo(single.speed().decodeTokensPerSecond());
    assertThat(estimate.explanation())
        .anyMatch(line -> line.startsWith("with 8 sequences at once"));
  }

  @Test
  void badRequestsAreRejectedWithAReason() {
    ModelFacts llama = facts("Llama-3.1-8B-Instruct");
    GpuTarget h100 = gpu(H100);

    assertThatThrownBy(
            () ->
                estimator.estimate(
                    new EstimateRequest(llama, null, "bf16", -5, 1, h100, 1, null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("context must be at least 1 token, was -5");
    assertThatThrownBy(
            () ->
                estimator.estimate(
                    new EstimateRequest(llama, null, "bf16", 10, 0, h100, 1, null, null)))
        .hasMessageContaining("concurrency");
    assertThatThrownBy(
            () ->
                estimator.estimate(
                    new EstimateRequest(llama, null, "bf16", 10, 1, h100, 0, null, null)))
        .hasMessageContaining("GPU count");
    assertThatThrownBy(
            () ->
                estimator.estimate(
                    new EstimateRequest(llama, null, "bf16", 10, 1, null, 1, null, null)))
        .hasMessageContaining("no GPU");
    assertThatThrownBy(
            () ->
                estimator.estimate(
                    new EstimateRequest(llama, null, "bf16", 10, 1, h100, 1, null, "int3")))
        .hasMessageContaining("unknown KV cache type 'int3'");
    assertThatThrownBy(
            () ->
                estimator.estimate(
                    new EstimateRequest(llama, null, "bf16", 10, 1, h100, 1, null, null, 0)))
        .hasMessage(
            "batched tokens must be at least 1 token, was 0; leave it out for the engine's"
                + " default");
    assertThatThrownBy(() -> new GpuTarget("x", 0, 100, false)).hasMessageContaining("memory");
  }

  @Test
  void aContextBeyondTheModelsIsFlagged() {
    Estimate estimate =
        estimator.estimate(
            request("Mistral-7B-Instruct-v0.3", "bf16", 65536, H100, 1, Engine.VLLM));

    assertThat(estimate.speed().confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(estimate.explanation())
        .anyMatch(line -> line.contains("beyond the 32,768 the model declares"));
  }

  @Test
  void explanationIsStableAndReadOnly() {
    Estimate estimate =
        estimator.estimate(request("phi-4", "Q8_0", 4096, RTX_4090, 1, Engine.OLLAMA));

    assertThat(estimate.explanation()).hasSizeGreaterThanOrEqualTo(7);
    assertThat(estimate.explanation()).isEqualTo(estimate.explanation());
    assertThatThrownBy(() -> estimate.explanation().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
