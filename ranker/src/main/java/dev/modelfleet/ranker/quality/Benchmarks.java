package dev.modelfleet.ranker.quality;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The benchmarks whose scales this build knows, and how each maps to 0-100. Multiple-choice
 * accuracy is measured above the random-guess baseline, as the Open LLM Leaderboard normalises
 * (https://huggingface.co/docs/leaderboards/open_llm_leaderboard/normalization); free-form accuracy
 * and pass@1 are already 0-100; arena Elo maps between two stated anchors.
 */
public final class Benchmarks {
  /** Lowest percentage a benchmark can report. */
  public static final double PERCENT_MIN = 0.0;

  /** Highest percentage a benchmark can report. */
  public static final double PERCENT_MAX = 100.0;

  /** Four options per question (MMLU, MMLU-Redux, GPQA, ARC): guessing scores 25%. */
  public static final double FOUR_CHOICE_CHANCE = 25.0;

  /**
   * MMLU-Pro has ten options per question: guessing scores 10%. About 17% of its questions have
   * fewer options; the Open LLM Leaderboard keeps 1/10 for consistency, and so do we.
   */
  public static final double MMLU_PRO_CHANCE = 10.0;

  /** Free-form answers (MATH, GSM8K, AIME), pass@1 (HumanEval, MBPP) and IFEval start at 0. */
  public static final double FREE_FORM_CHANCE = 0.0;

  /**
   * Arena Elo that maps to 0: about where the weakest chat models still listed sit (Llama 2 7B Chat
   * near 1040, Phi-3 Mini 4k near 1070 in the 2024 snapshots).
   */
  public static final double ARENA_ELO_LOW_ANCHOR = 1000.0;

  /**
   * Arena Elo that maps to 100: a margin above the best rating on the board in mid-2025 (1473). Elo
   * is relative and drifts; when the board's top passes this, the anchor moves with a new schema.
   */
  public static final double ARENA_ELO_HIGH_ANCHOR = 1500.0;

  /** Arena ratings outside this range are data errors, not models. */
  public static final double ARENA_ELO_VALID_MIN = 0.0;

  /** Arena ratings outside this range are data errors, not models. */
  public static final double ARENA_ELO_VALID_MAX = 3000.0;

  // Declared before the index below is built from it.
  private static final Pattern SETTING = Pattern.compile("\\([^)]*\\)");

  private static final String MULTIPLE_CHOICE = "accuracy above the random-guess baseline";
  private static final String PERCENT = "accuracy or pass rate, 0-100 as published";

  private static final List<Benchmark> KNOWN =
      List.of(
          choice("MMLU", FOUR_CHOICE_CHANCE, "4 options"),
          choice("MMLU-Pro", MMLU_PRO_CHANCE, "10 options", "MMLU Pro"),
          choice("MMLU-Redux", FOUR_CHOICE_CHANCE, "4 options"),
          choice(
              "GPQA",
              FOUR_CHOICE_CHANCE,
              "4 options; the Diamond and main subsets are merged, they differ by a few points",
              "GPQA Diamond",
              "GPQA-Diamond",
              "GPQA main"),
          choice("ARC-Challenge", FOUR_CHOICE_CHANCE, "4 options", "ARC-C", "ARC Challenge"),
          percent("MATH", "MATH-500 is a representative subset of MATH", "MATH-500", "MATH500"),
          percent("GSM8K", "grade-school math, exact match", "GSM-8K"),
          percent("HumanEval", "pass@1"),
          percent("MBPP", "pass@1"),
          percent(
              "IFEval",
              "prompt- and instruction-level, strict and loose variants are merged",
              "IF-Eval",
              "IFEval strict-prompt"),
          percent("AIME-2024", "answers 0-999, exact match", "AIME 2024", "AIME24", "AIME'24"),
          percent("AIME-2025", "answers 0-999, exact match", "AIME 2025", "AIME25", "AIME'25"),
          percent("LiveCodeBench", "pass@1 on contest problems after the training cutoff"),
          percent("Arena-Hard", "win rate against a fixed baseline model"),
          new Benchmark(
              "Arena-Elo",
              List.of("Arena Elo", "LMArena", "Chatbot Arena", "LMArena Elo"),
              ARENA_ELO_LOW_ANCHOR,
              ARENA_ELO_HIGH_ANCHOR,
              ARENA_ELO_VALID_MIN,
              ARENA_ELO_VALID_MAX,
              "crowd-sourced Elo, linear between "
                  + ARENA_ELO_LOW_ANCHOR
                  + " and "
                  + ARENA_ELO_HIGH_ANCHOR,
              true));

  private static final Map<String, Benchmark> BY_KEY = index();

  private Benchmarks() {}

  /** Every benchmark with a known scale. */
  public static List<Benchmark> known() {
    return KNOWN;
  }

  /**
   * The benchmark a name means, matched case-insensitively ignoring a parenthesised setting and
   * everything but letters and digits ("GPQA Diamond (CoT)", "gpqa_diamond"); an unknown name is
   * read as a 0-100 accuracy with {@code known=false}, so a cluster's own task suite still counts.
   */
  public static Benchmark lookup(String name) {
    Benchmark benchmark = BY_KEY.get(key(name));
    if (benchmark != null) {
      return benchmark;
    }
    String shown = name == null || name.isBlank() ? "(unnamed)" : name.trim();
    return new Benchmark(
        shown,
        List.of(),
        FREE_FORM_CHANCE,
        PERCENT_MAX,
        PERCENT_MIN,
        PERCENT_MAX,
        "not a benchmark this build knows: read as a 0-100 accuracy",
        false);
  }

  /** The published score on 0-100 for the named benchmark. */
  public static double normalise(String benchmark, double score) {
    return lookup(benchmark).normalise(score);
  }

  static String key(String name) {
    if (name == null) {
      return "";
    }
    StringBuilder key = new StringBuilder();
    // "MMLU-Pro (CoT)", "IFEval (prompt strict)": the setting is not part of the benchmark's name.
    String withoutSetting = SETTING.matcher(name).replaceAll("");
    for (char c : withoutSetting.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        key.append(c);
      }
    }
    return key.toString();
  }

  private static Benchmark choice(String name, double chance, String why, String... aliases) {
    return new Benchmark(
        name,
        List.of(aliases),
        chance,
        PERCENT_MAX,
        PERCENT_MIN,
        PERCENT_MAX,
        MULTIPLE_CHOICE + " (" + why + ", chance " + chance + "%)",
        true);
  }

  private static Benchmark percent(String name, String why, String... aliases) {
    return new Benchmark(
        name,
        List.of(aliases),
        FREE_FORM_CHANCE,
        PERCENT_MAX,
        PERCENT_MIN,
        PERCENT_MAX,
        PERCENT + " (" + why + ")",
        true);
  }

  private static Map<String, Benchmark> index() {
    Map<String, Benchmark> byKey = new HashMap<>();
    for (Benchmark benchmark : KNOWN) {
      byKey.put(key(benchmark.name()), benchmark);
      benchmark.aliases().forEach(alias -> byKey.put(key(alias), benchmark));
    }
    return Map.copyOf(byKey);
  }
}
