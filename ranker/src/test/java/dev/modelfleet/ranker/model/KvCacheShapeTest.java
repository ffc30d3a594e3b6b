package dev.modelfleet.ranker.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KvCacheShapeTest {
  private static final int BF16_BYTES = 2;

  @Test
  void fullAttentionKeepsTwoTimesKvHeadsTimesHeadDimPerLayerPerToken() {
    KvCacheShape llama = KvCacheShape.of(Configs.facts("Llama-3.1-8B-Instruct"));

    assertThat(llama.elementsPerTokenPerLayer()).isEqualTo(2 * 8 * 128);
    assertThat(llama.elementsPerToken()).isEqualTo(32 * 2 * 8 * 128);
    assertThat(llama.kvElements(8192)).isEqualTo(8192L * 32 * 2 * 8 * 128);
    assertThat(llama.kvElements(0)).isZero();
    assertThat(llama.stateElementsPerSequence()).isZero();
    assertThat(llama.totalElements(100)).isEqualTo(llama.kvElements(100));
  }

  @Test
  void mlaPerTokenMatchesTheDeepSeekV3Paper() {
    // "Insights into DeepSeek-V3: Scaling Challenges and Reflections on Hardware for AI
    // Architectures" (ISCA 2025, https://arxiv.org/abs/2505.09343), Table 1, KV cache per token in
    // BF16: DeepSeek-V3 (MLA) 70.272 KB, Qwen-2.5 72B (GQA) 327.680 KB, LLaMA-3.1 405B (GQA)
    // 516.096 KB. MLA: (512 latent + 64 RoPE) x 61 layers x 2 bytes = 70,272 bytes.
    KvCacheShape deepseek = KvCacheShape.of(Configs.facts("DeepSeek-V3"));
    ModelCatalog catalog = ModelCatalog.bundled();
    KvCacheShape qwen72b =
        KvCacheShape.of(catalog.lookup("Qwen/Qwen2.5-72B-Instruct").orElseThrow().model().facts());
    KvCacheShape llama405b =
        KvCacheShape.of(
            catalog.lookup("meta-llama/Llama-3.1-405B-Instruct").orElseThrow().model().facts());

    assertThat(deepseek.mla()).isTrue();
    assertThat(deepseek.elementsPerTokenPerLayer()).isEqualTo(576);
    assertThat(deepseek.kvElements(1) * BF16_BYTES).isEqualTo(70_272);
    assertThat(qwen72b.kvElements(1) * BF16_BYTES).isEqualTo(327_680);
    assertThat(llama405b.kvElements(1) * BF16_BYTES).isEqualTo(516_096);
  }

  @Test
  void slidingLayersStopGrowingAtTheWindow() {
    KvCacheShape gemma = KvCacheShape.of(Configs.facts("gemma-2-9b"));
    long perLayer = 2 * 8 * 256;

    assertThat(gemma.slidingAttentionLayers()).isEqualTo(21);
    assertThat(gemma.kvElements(4096)).isEqualTo(42 * perLayer * 4096);
    assertThat(gemma.kvElements(8192)).isEqualTo(21 * perLayer * 8192 + 21 * perLayer * 4096);
    assertThat(gemma.kvElements(8192)).isLessThan(gemma.fullAttentionEquivalent(8192));
    assertThat(gemma.elementsPerTokenBeyondWindow()).isEqualTo(21 * perLayer);
  }

  @Test
  void gemma3KeepsAFractionOfAFullCacheAtLongContext() {
    KvCacheShape gemma = KvCacheShape.of(Configs.facts("gemma-3-27b-it"));
    long context = 131_072;

    // 10 global layers for every token, 52 local layers for at most 1,024 tokens.
    double ratio = (double) gemma.kvElements(context) / gemma.fullAttentionEquivalent(context);
    assertThat(ratio).isBetween(0.16, 0.17);
  }

  @Test
  void gptOssSlidingHalfCostsAlmostNothingAtLongContext() {
    KvCacheShape oss = KvCacheShape.of(Configs.facts("gpt-oss-20b"));

    assertThat(oss.kvElements(100_000)).isEqualTo(12L * 1024 * 100_000 + 12L * 1024 * 128);
    assertThat(oss.kvElements(100_000)).isLessThan(oss.fullAttentionEquivalent(100_000));
  }

  @Test
  void linearAttentionLayersKeepAFixedStateInsteadOfKv() {
    KvCacheShape next = KvCacheShape.of(Configs.facts("Qwen3-Next-80B-A3B-Instruct"));

    assertThat(next.fullAttentionLayers()).isEqualTo(12);
    assertThat(next.stateLayers()).isEqualTo(36);
    assertThat(next.elementsPerTokenPerLayer()).isEqualTo(2 * 2 * 256);
    // Per layer: 32 value heads x 128 x 128 recurrent state + 8,192 conv channels x 3 steps.
    assertThat(next.stateElementsPerSequence()).isEqualTo(36L * (32 * 128 * 128 + 8192 * 3));
    assertThat(next.totalElements(32_768) - next.kvElements(32_768))
        .isEqualTo(next.stateElementsPerSequence());
    assertThat(next.totalElements(32_768)).isLessThan(next.fullAttentionEquivalent(32_768));
  }

  @Test
  void mambaLayersKeepAFixedStateInsteadOfKv() {
    KvCacheShape jamba = KvCacheShape.of(Configs.facts("Jamba-v0.1"));

    assertThat(jamba.fullAttentionLayers()).isEqualTo(4);
    assertThat(jamba.stateLayers()).isEqualTo(28);
    // Per Mamba layer: 8,192 inner x 16 SSM state + 8,192 x 3 conv steps.
    assertThat(jamba.stateElementsPerSequence()).isEqualTo(28L * (8192 * 16 + 8192 * 3));
    assertThat(jamba.elementsPerToken()).isEqualTo(4L * 2 * 8 * 128);
    assertThat(jamba.totalElements(262_144)).isLessThan(jamba.fullAttentionEquivalent(262_144) / 7);
  }

  @Test
  void negativeContextIsRejected() {
    KvCacheShape llama = KvCacheShape.of(Configs.facts("Llama-3.1-8B-Instruct"));

    assertThatThrownBy(() -> llama.kvElements(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> llama.fullAttentionEquivalent(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
