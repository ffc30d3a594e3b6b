package dev.modelfleet.crds.v1alpha1.common;

/**
 * Regular expressions the CRD schemas validate with. Kubernetes evaluates schema patterns with Go's
 * RE2 engine, so none uses look-around or back-references.
 */
public final class Patterns {
  /** RFC 1123 label: a model, adapter or dataset name. Pair with a maxLength of 63. */
  public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  /** RFC 1123 subdomain: the name of a Kubernetes object. Pair with a maxLength of 253. */
  public static final String DNS_SUBDOMAIN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /** A key of a Secret's or ConfigMap's data. */
  public static final String CONFIG_KEY = "^[-._a-zA-Z0-9]+$";

  /**
   * One part of a Hugging Face repo id, following the Hub's rules: letters, digits, '_', '-' and
   * '.', no "--" or "..", not starting or ending with '-' or '.'.
   */
  private static final String HF_PART = "[A-Za-z0-9]([A-Za-z0-9_]|[-.][A-Za-z0-9_])*";

  /** A Hugging Face organisation or user name. */
  public static final String HF_ORG = "^" + HF_PART + "$";

  /** A Hugging Face repo id, org/name (models and datasets alike). */
  public static final String HF_REPO_ID = "^" + HF_PART + "/" + HF_PART + "$";

  /** An Ollama model tag: [host/][namespace/]model[:tag]. */
  public static final String OLLAMA_TAG =
      "^([A-Za-z0-9][A-Za-z0-9._-]*/){0,2}[A-Za-z0-9][A-Za-z0-9._-]*"
          + "(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$";

  /** A Git revision on the Hub: branch, tag or commit. */
  public static final String REVISION = "^[A-Za-z0-9][A-Za-z0-9._/-]*$";

  /** GGUF k-quants and legacy quants (Q4_K_M, Q8_0, Q4_0_4_4, Unsloth's UD-Q4_K_XL), MLX q4. */
  private static final String GGUF =
      "([Uu][Dd][-_])?[Qq][2-8]([-_]?[0-9]|[-_]?[Kk]([-_]?[Xx]{0,2}[SsMmLl])?)?"
          + "([-_][0-9][-_][0-9])?";

  /** GGUF i-quants (IQ1_S ... IQ4_NL) and ternary quants (TQ1_0, TQ2_0). */
  private static final String GGUF_IQ =
      "[Ii][Qq][1-4][-_]?([Xx]{0,2}[Ss]|[Mm]|[Nn][Ll])|[Tt][Qq][12][-_]0";

  /** Floating point: F16, BF16, FP16, F32, float16, FP8 (with e4m3/e5m2 or dynamic). */
  private static final String FLOAT =
      "[Bb]?[Ff][Pp]?(16|32)|[Bb]?[Ff]loat(16|32)|[Ff][Pp]8([-_]?[Ee][45][Mm][23]|[-_][Dd]ynamic)?";

  /** AWQ, GPTQ (GPTQ-Int4, gptq_8bit, gptq_marlin), INT8/INT4, W8A8/W4A16. */
  private static final String INTEGER =
      "[Aa][Ww][Qq]([-_]?[Mm]arlin)?"
          + "|[Gg][Pp][Tt][Qq]([-_]?([Ii]nt|INT)?[2348](-?[Bb]it)?)?([-_]?[Mm]arlin)?"
          + "|[Ii][Nn][Tt][48]|[Ww][48][Aa](8|16)";

  /** bitsandbytes (bnb-4bit, bnb-8bit, nf4) and MLX (mlx-q4, mlx-8bit, 4bit). */
  private static final String BNB_MLX =
      "([Bb][Nn][Bb]|bitsandbytes)([-_]?[48]-?[Bb]it)?|[Nn][Ff]4"
          + "|[Mm][Ll][Xx][-_]?[Qq]?[2-8](-?[Bb]it)?|[2-8]-?[Bb]it";

  /** A quantization name the ecosystem emits; the ranker normalises aliases and case. */
  public static final String QUANTIZATION =
      "^(" + GGUF + "|" + GGUF_IQ + "|" + FLOAT + "|" + INTEGER + "|" + BNB_MLX + ")$";

  /** A model or family name as the registry reports it, e.g. llama, qwen2. */
  public static final String FAMILY = "^[a-z0-9][a-z0-9._-]*$";

  /** A container image reference: registry/repository[:tag][@sha256:digest]. */
  public static final String IMAGE =
      "^[a-z0-9]([a-z0-9._/:-]*[a-z0-9])?(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
          + "(@sha256:[a-f0-9]{64})?$";

  /** An extended resource name such as nvidia.com/gpu. */
  public static final String RESOURCE_NAME = "^[a-z0-9.-]+/[a-z0-9._-]+$";

  /** A relative path inside a volume: no leading slash, no '..' or hidden segments. */
  public static final String VOLUME_PATH =
      "^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*/?$";

  /** A label value (empty or up to 63 characters, alphanumeric at both ends). */
  public static final String LABEL_VALUE = "^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$";

  /** A module or task name such as q_proj, model.layers.0.mlp or gsm8k. */
  public static final String MODULE_NAME = "^[A-Za-z0-9_][A-Za-z0-9_.-]*$";

  /** An http or https URL. */
  public static final String HTTP_URL = "^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/\\S*)?$";

  /** A model name as OpenAI clients send it, e.g. gpt-4o-mini or meta-llama/Llama-3.1-8B. */
  public static final String OPENAI_MODEL = "^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$";

  /** An HTTP header name (an RFC 9110 token). */
  public static final String HEADER_NAME = "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$";

  private Patterns() {}
}
