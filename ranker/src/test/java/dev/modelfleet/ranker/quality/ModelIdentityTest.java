package dev.modelfleet.ranker.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modelfleet.ranker.quality.ModelIdentity.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelIdentityTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "bartowski/Meta-Llama-3.1-8B-Instruct-GGUF, meta-llama/Llama-3.1-8B-Instruct",
    "lmstudio-community/Meta-Llama-3.1-8B-Instruct-GGUF, meta-llama/Llama-3.1-8B-Instruct",
    "unsloth/Llama-3.1-8B-Instruct-bnb-4bit, meta-llama/Llama-3.1-8B-Instruct",
    "unsloth/Llama-3.1-8B-Instruct-unsloth-bnb-4bit, meta-llama/Llama-3.1-8B-Instruct",
    "neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8, meta-llama/Llama-3.1-8B-Instruct",
    "RedHatAI/Llama-3.1-8B-Instruct-FP8-dynamic, meta-llama/Llama-3.1-8B-Instruct",
    "hugging-quants/Meta-Llama-3.1-8B-Instruct-AWQ-INT4, meta-llama/Llama-3.1-8B-Instruct",
    "TheBloke/Mistral-7B-Instruct-v0.2-GPTQ, mistralai/Mistral-7B-Instruct-v0.2",
    "TheBloke/Mistral-7B-Instruct-v0.2-AWQ, mistralai/Mistral-7B-Instruct-v0.2",
    "Qwen/Qwen2.5-7B-Instruct-GPTQ-Int4, Qwen/Qwen2.5-7B-Instruct",
    "Qwen/Qwen2.5-7B-Instruct-AWQ, Qwen/Qwen2.5-7B-Instruct",
    "Qwen/Qwen2.5-7B-Instruct-GGUF, Qwen/Qwen2.5-7B-Instruct",
    "ggml-org/Qwen2.5-7B-Instruct-Q4_K_M-GGUF, Qwen/Qwen2.5-7B-Instruct",
    "mlx-community/Qwen2.5-7B-Instruct-4bit, Qwen/Qwen2.5-7B-Instruct",
    "mlx-community/Qwen2.5-7B-Instruct-MLX-4bit, Qwen/Qwen2.5-7B-Instruct",
    "mradermacher/Qwen2.5-7B-Instruct-i1-GGUF, Qwen/Qwen2.5-7B-Instruct",
    "RedHatAI/Qwen2.5-7B-Instruct-quantized.w4a16, Qwen/Qwen2.5-7B-Instruct",
    "https://huggingface.co/Qwen/Qwen2.5-7B-Instruct/, Qwen/Qwen2.5-7B-Instruct",
    "hf.co/bartowski/Qwen2.5-7B-Instruct-GGUF:Q4_K_M, Qwen/Qwen2.5-7B-Instruct",
    "qwen/qwen2.5-7b-instruct, Qwen/Qwen2.5-7B-Instruct",
    "Qwen2.5-7B-Instruct, Qwen/Qwen2.5-7B-Instruct",
    "unsloth/gemma-3-27b-it-GGUF, google/gemma-3-27b-it",
  })
  void mirrorsAndQuantizedCopiesAreTheSameModel(String mirror, String original) {
    ModelIdentity.Kinship kin =
        ModelIdentity.parse(original).relationTo(ModelIdentity.parse(mirror));

    assertThat(kin.relation()).as(kin.reason()).isEqualTo(Relation.SAME);
  }

  @Test
  void strippingKeepsTheRemovedSuffixesAndDropsTheMirrorOrganisation() {
    ModelIdentity id = ModelIdentity.parse("bartowski/Meta-Llama-3.1-8B-Instruct-Q4_K_M-GGUF");

    assertThat(id.organisation()).isEmpty();
    assertThat(id.name()).isEqualTo("llama-3.1-8b-instruct");
    assertThat(id.strippedSuffixes()).containsExactly("gguf", "q4_k_m");
    assertThat(id.mirrored()).isTrue();
    assertThat(id.line()).isEqualTo("llama-3.1");
    assertThat(id.size()).isEqualTo("8b");
    assertThat(id.variant()).isEqualTo("instruct");
    assertThat(id.key()).isEqualTo("llama-3.1-8b-instruct");
  }

  @Test
  void theSameNameUnderAnotherOwnerThatIsNoMirrorIsAnotherModel() {
    ModelIdentity.Kinship kin =
        ModelIdentity.parse("meta-llama/Llama-3.1-8B-Instruct")
            .relationTo(ModelIdentity.parse("acme/Llama-3.1-8B-Instruct"));

    assertThat(kin.relation()).isEqualTo(Relation.UNRELATED);
    assertThat(kin.reason()).contains("acme");
  }

  @Test
  void anUnknownQuantizerIsRecognisedByTheSuffixItAppends() {
    ModelIdentity.Kinship kin =
        ModelIdentity.parse("meta-llama/Llama-3.1-8B-Instruct")
            .relationTo(ModelIdentity.parse("someone/Llama-3.1-8B-Instruct-AWQ"));

    assertThat(kin.relation()).isEqualTo(Relation.SAME);
  }

  @ParameterizedTest(name = "{0} and {1}: {2}")
  @CsvSource({
    "meta-llama/Llama-3.1-8B-Instruct, meta-llama/Llama-3.1-8B, BASE",
    "google/gemma-2-9b-it, google/gemma-2-9b, BASE",
    "google/gemma-3-27b-it, google/gemma-3-27b-pt, BASE",
    "deepseek-ai/DeepSeek-V3, deepseek-ai/DeepSeek-V3-Base, BASE",
    "Qwen/Qwen3-30B-A3B-Instruct-2507, Qwen/Qwen3-30B-A3B, BASE",
    "Qwen/Qwen2.5-14B-Instruct, Qwen/Qwen2.5-7B-Instruct, SIBLING",
    "openai/gpt-oss-20b, openai/gpt-oss-120b, SIBLING",
    "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B, deepseek-ai/DeepSeek-R1-Distill-Qwen-14B, SIBLING",
    "Qwen/Qwen2.5-72B-Instruct, Qwen/Qwen2.5-0.5B-Instruct, UNRELATED",
    "Qwen/Qwen3-8B, Qwen/Qwen2.5-7B-Instruct, UNRELATED",
    "Qwen/Qwen2.5-7B-Instruct, Qwen/Qwen2.5-Coder-7B-Instruct, UNRELATED",
    "mistralai/Mistral-Small-24B-Instruct-2501, mistralai/Mistral-Small-3.1-24B-Instruct-2503,"
        + " UNRELATED",
    "meta-llama/Llama-3.1-8B-Instruct, deepseek-ai/DeepSeek-R1-Distill-Llama-8B, UNRELATED",
    "microsoft/phi-4, microsoft/Phi-4-mini-instruct, UNRELATED",
  })
  void relationsBetweenIds(String scored, String observed, Relation expected) {
    ModelIdentity.Kinship kin =
        ModelIdentity.parse(scored).relationTo(ModelIdentity.parse(observed));

    assertThat(kin.relation()).as(kin.reason()).isEqualTo(expected);
  }

  @Test
  void moeModelsCompareByTheGeometricMeanOfTotalAndActiveParameters() {
    ModelIdentity moe = ModelIdentity.parse("Qwen/Qwen3-30B-A3B");

    assertThat(moe.size()).isEqualTo("30b-a3b");
    assertThat(moe.billions()).isCloseTo(Math.sqrt(30 * 3), within(1e-9));
    assertThat(ModelIdentity.parse("mistralai/Mixtral-8x7B-Instruct-v0.1").billions())
        .isEqualTo(56.0);
    assertThat(ModelIdentity.parse("Qwen/Qwen2.5-0.5B-Instruct").billions()).isEqualTo(0.5);
    assertThat(ModelIdentity.parse("HuggingFaceTB/SmolLM2-135M-Instruct").billions())
        .isCloseTo(0.135, within(1e-9));
  }

  @Test
  void emptyAndNullIdsRelateToNothing() {
    assertThat(ModelIdentity.parse(null).relationTo(ModelIdentity.parse("x/y")).relation())
        .isEqualTo(Relation.UNRELATED);
    assertThat(ModelIdentity.parse("  ").name()).isEmpty();
  }
}
