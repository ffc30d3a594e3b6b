package dev.modelfleet.ranker.quality;

import dev.modelfleet.ranker.model.RepoIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a model id says about the model behind it, for comparing ids from different sources:
 * "bartowski/Meta-Llama-3.1-8B-Instruct-GGUF" and "meta-llama/Llama-3.1-8B-Instruct" are the same
 * model. Mirror suffixes (-GGUF, -AWQ, -GPTQ-Int4, -FP8, -bnb-4bit, -MLX-4bit...) and mirror
 * organisations (bartowski/, unsloth/, TheBloke/...) are taken off; the rest splits into a family
 * line ("llama-3.1"), a size ("8b", "30b-a3b") and a variant ("instruct").
 *
 * @param input the id as given
 * @param organisation lower-case owner, "" when absent or a mirror
 * @param name lower-case repository name without mirror suffixes
 * @param line the family line: the name up to the size ("qwen2.5", "deepseek-r1-distill-qwen")
 * @param size the size token(s): "7b", "8x7b", "30b-a3b", "mini"; "" when the name has none
 * @param billions parameters in billions the size stands for (for an MoE the geometric mean of
 *     total and active, see {@link #effectiveBillions}); NaN when the size is not a number
 * @param variant what follows the size: "instruct", "it", "instruct-2507"; "" when nothing
 * @param strippedSuffixes the mirror suffixes taken off, outermost first
 * @param mirrored whether the id names a mirror: its organisation is a known mirror, or its name
 *     carried a quantizer's suffix
 */
public record ModelIdentity(
    String input,
    String organisation,
    String name,
    String line,
    String size,
    double billions,
    String variant,
    List<String> strippedSuffixes,
    boolean mirrored) {

  /**
   * Organisations that republish other organisations' models under the same name: quantizers and
   * format converters. A model under one of them is compared as if it had no organisation.
   */
  public static final Set<String> MIRROR_ORGANISATIONS =
      Set.of(
          "bartowski",
          "unsloth",
          "thebloke",
          "lmstudio-community",
          "mlx-community",
          "mradermacher",
          "quantfactory",
          "maziyarpanahi",
          "second-state",
          "ggml-org",
          "neuralmagic",
          "redhatai",
          "nm-testing",
          "hugging-quants",
          "modelcloud",
          "casperhansen",
          "solidrust",
          "turboderp",
          "nousresearch");

  /** How one model relates to another, by their ids. */
  public enum Relation {
    /** The same model, possibly from a mirror or in another format. */
    SAME,
    /** Same line and size, different post-training or release: base vs instruct, -2507. */
    BASE,
    /** Same line and variant, another size. */
    SIBLING,
    /** Nothing the ids can tell. */
    UNRELATED
  }

  /**
   * A relation with the reason, and for siblings the size ratio (smaller over larger, 0-1).
   *
   * @param relation how the two relate
   * @param reason one clause a person can read
   * @param sizeRatio smaller over larger parameter count for siblings, 1 otherwise
   */
  public record Kinship(Relation relation, String reason, double sizeRatio) {}

  // Suffixes quantizers and converters append to the original name. Applied repeatedly from the
  // end: "-Q4_K_M-GGUF", "-quantized.w4a16", "-unsloth-bnb-4bit".
  private static final Pattern MIRROR_SUFFIX =
      Pattern.compile(
          "[-_.]("
              + "gguf|i1-gguf|i1|imatrix|awq|gptq(?:-int[48])?|int[48]|fp8(?:-dynamic|-static)?"
              + "|(?:unsloth-)?bnb-[2-8]bit|mlx(?:-[2-8]bit)?|[2-8]bit|exl2|w4a16|w8a8|w8a16"
              + "|quantized|nvfp4|mxfp4|bf16|fp16|i?q[1-8](?:_[a-z0-9]+){1,2}"
              + ")$");

  // Llama 3 and 3.1 were first published as "Meta-Llama-3.1-8B-Instruct", later renamed.
  private static final String META_PREFIX = "meta-llama-";

  private static final Pattern DENSE_SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)([bm])");
  private static final Pattern EXPERTS_SIZE = Pattern.compile("(\\d+)x(\\d+(?:\\.\\d+)?)b");
  private static final Pattern ACTIVE_SIZE = Pattern.compile("a(\\d+(?:\\.\\d+)?)b");
  private static final Set<String> NAMED_SIZES =
      Set.of("nano", "tiny", "mini", "small", "medium", "large");

  // Where a name without a size stops being its line: a post-training marker or a release date.
  private static final Set<String> VARIANT_MARKERS =
      Set.of("instruct", "it", "chat", "base", "pt", "thinking");
  private static final Pattern RELEASE_DATE = Pattern.compile("\\d{4}");

  private static final double MILLIONS_PER_BILLION = 1000.0;

  /** Copies the list. */
  public ModelIdentity {
    strippedSuffixes = List.copyOf(strippedSuffixes);
  }

  /** Reads an id: a Hub id, a Hub URL, or Ollama's "hf.co/org/repo:TAG". */
  public static ModelIdentity parse(String id) {
    String input = id == null ? "" : id;
    String s = RepoIds.canonical(input).toLowerCase(Locale.ROOT);
    int slash = s.lastIndexOf('/');
    String organisation = slash >= 0 ? s.substring(s.lastIndexOf('/', slash - 1) + 1, slash) : "";
    String name = slash >= 0 ? s.substring(slash + 1) : s;

    List<String> stripped = new ArrayList<>();
    Matcher suffix = MIRROR_SUFFIX.matcher(name);
    while (suffix.find() && suffix.start() > 0) {
      stripped.add(name.substring(suffix.start() + 1));
      name = name.substring(0, suffix.start());
      suffix = MIRROR_SUFFIX.matcher(name);
    }
    name = name.replace('_', '-');
    if (name.startsWith(META_PREFIX)) {
      name = name.substring("meta-".length());
    }
    boolean mirrored = MIRROR_ORGANISATIONS.contains(organisation) || !stripped.isEmpty();
    return split(input, mirrored ? "" : organisation, name, stripped, mirrored);
  }

  /** The comparable id: "organisation/name" in lower case, or the name alone for a mirror. */
  public String key() {
    return organisation.isEmpty() ? name : organisation + "/" + name;
  }

  /** How the model this id names relates to {@code other}. */
  public Kinship relationTo(ModelIdentity other) {
    if (name.isEmpty() || other.name.isEmpty()) {
      return new Kinship(Relation.UNRELATED, "no model id to compare", 1.0);
    }
    if (!organisation.isEmpty()
        && !other.organisation.isEmpty()
        && !organisation.equals(other.organisation)) {
      // Same name under two owners that are not mirrors: a fine-tune or a fork, not a copy.
      return new Kinship(
          Relation.UNRELATED, "published by " + other.organisation + ", not " + organisation, 1.0);
    }
    if (!line.equals(other.line)) {
      return new Kinship(Relation.UNRELATED, "another model family", 1.0);
    }
    if (size.equals(other.size)) {
      if (variant.equals(other.variant)) {
        return new Kinship(Relation.SAME, "the same model", 1.0);
      }
      return new Kinship(
          Relation.BASE,
          "same weights, other post-training: " + shown(other.variant) + " vs " + shown(variant),
          1.0);
    }
    if (!variant.equals(other.variant)) {
      return new Kinship(Relation.UNRELATED, "another size and another variant", 1.0);
    }
    if (Double.isNaN(billions) || Double.isNaN(other.billions)) {
      return new Kinship(Relation.UNRELATED, "sizes that cannot be compared", 1.0);
    }
    double ratio = Math.min(billions, other.billions) / Math.max(billions, other.billions);
    String sizes = other.size.toUpperCase(Locale.ROOT) + " vs " + size.toUpperCase(Locale.ROOT);
    if (ratio < 1.0 / Evidence.INTERPOLATED_MAX_SIZE_RATIO) {
      return new Kinship(Relation.UNRELATED, "a sibling too far in size (" + sizes + ")", ratio);
    }
    return new Kinship(Relation.SIBLING, "a sibling of another size (" + sizes + ")", ratio);
  }

  /**
   * The dense size an MoE model compares with: the geometric mean of total and active parameters, a
   * common rule of thumb (Qwen3-30B-A3B behaves like a ~9.5B dense model, not a 30B one). A dense
   * model's size is its total.
   */
  public static double effectiveBillions(double total, double active) {
    return Double.isNaN(active) ? total : Math.sqrt(total * active);
  }

  private static ModelIdentity split(
      String input, String organisation, String name, List<String> stripped, boolean mirrored) {
    List<String> tokens = new ArrayList<>();
    for (String token : name.split("-")) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    int sizeAt = firstSize(tokens);
    if (sizeAt < 0) {
      int variantAt = tokens.size();
      for (int i = 1; i < tokens.size(); i++) {
        if (VARIANT_MARKERS.contains(tokens.get(i))
            || RELEASE_DATE.matcher(tokens.get(i)).matches()) {
          variantAt = i;
          break;
        }
      }
      return new ModelIdentity(
          input,
          organisation,
          name,
          String.join("-", tokens.subList(0, variantAt)),
          "",
          Double.NaN,
          String.join("-", tokens.subList(variantAt, tokens.size())),
          stripped,
          mirrored);
    }
    String sizeToken = tokens.get(sizeAt);
    double total = billions(sizeToken);
    double active = Double.NaN;
    int variantFrom = sizeAt + 1;
    String size = sizeToken;
    if (variantFrom < tokens.size()) {
      Matcher activeMatch = ACTIVE_SIZE.matcher(tokens.get(variantFrom));
      if (activeMatch.matches()) {
        active = Double.parseDouble(activeMatch.group(1));
        size = sizeToken + "-" + tokens.get(variantFrom);
        variantFrom++;
      }
    }
    return new ModelIdentity(
        input,
        organisation,
        name,
        String.join("-", tokens.subList(0, sizeAt)),
        size,
        effectiveBillions(total, active),
        String.join("-", tokens.subList(variantFrom, tokens.size())),
        stripped,
        mirrored);
  }

  // A number with a unit wins over a named size: "mistral-small-24b" is 24b.
  private static int firstSize(List<String> tokens) {
    for (int i = 1; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (DENSE_SIZE.matcher(token).matches() || EXPERTS_SIZE.matcher(token).matches()) {
        return i;
      }
    }
    for (int i = 1; i < tokens.size(); i++) {
      if (NAMED_SIZES.contains(tokens.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static double billions(String token) {
    Matcher experts = EXPERTS_SIZE.matcher(token);
    if (experts.matches()) {
      return Double.parseDouble(experts.group(1)) * Double.parseDouble(experts.group(2));
    }
    Matcher dense = DENSE_SIZE.matcher(token);
    if (dense.matches()) {
      double value = Double.parseDouble(dense.group(1));
      return dense.group(2).equals("m") ? value / MILLIONS_PER_BILLION : value;
    }
    return Double.NaN;
  }

  private static String shown(String variant) {
    return variant.isEmpty() ? "(none)" : variant;
  }
}
