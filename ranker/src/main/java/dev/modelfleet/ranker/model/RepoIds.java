package dev.modelfleet.ranker.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugging Face repository ids as people and tools write them: Hub URLs, Ollama's {@code
 * hf.co/org/repo:TAG}, and the suffixes quantizers append to a mirror's name.
 */
public final class RepoIds {
  private static final Pattern HUB_PREFIX =
      Pattern.compile("(?i)^(?:https?://)?(?:www\\.)?(?:huggingface\\.co|hf\\.co)/");

  // Suffixes that mark a quantized or converted copy of a model, not a different model:
  // bartowski/...-GGUF, Qwen/...-AWQ, Qwen/...-GPTQ-Int4, ...-FP8(-Dynamic), unsloth/...-bnb-4bit,
  // mlx-community/...-4bit or -MLX-4bit, RedHatAI/...-quantized.w4a16.
  private static final Pattern MIRROR_SUFFIX =
      Pattern.compile(
          "(?i)[-_.]("
              + "gguf|i1-gguf|awq|gptq(?:-int[48])?|fp8(?:-dynamic|-static)?"
              + "|(?:unsloth-)?bnb-[48]bit|mlx(?:-\\d+bit)?|\\d+bit|int[48]|exl2"
              + "|w4a16|w8a8|w8a16|nvfp4|quantized"
              + ")$");

  /** An id with the mirror suffixes taken off, and those suffixes in the order they were found. */
  public record Stripped(String base, List<String> suffixes) {
    /** Copies the list. */
    public Stripped {
      suffixes = List.copyOf(suffixes);
    }
  }

  private RepoIds() {}

  /**
   * The id without surrounding space, Hub URL prefix, trailing slash or Ollama tag; case is kept.
   * {@code "https://huggingface.co/Qwen/Qwen3-8B/"} and {@code "hf.co/Qwen/Qwen3-8B:Q4_K_M"} both
   * give {@code "Qwen/Qwen3-8B"}.
   */
  public static String canonical(String id) {
    if (id == null) {
      return "";
    }
    String s = HUB_PREFIX.matcher(id.trim()).replaceFirst("");
    int tag = s.indexOf(':');
    if (tag >= 0) {
      s = s.substring(0, tag);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** The id with every mirror suffix removed, e.g. "Qwen/Qwen2.5-7B-Instruct-GPTQ-Int4". */
  public static Stripped withoutMirrorSuffixes(String id) {
    String base = canonical(id);
    List<String> removed = new ArrayList<>();
    Matcher m = MIRROR_SUFFIX.matcher(base);
    while (m.find() && m.start() > 0) {
      removed.add(base.substring(m.start()));
      base = base.substring(0, m.start());
      m = MIRROR_SUFFIX.matcher(base);
    }
    return new Stripped(base, removed);
  }

  /** The part after the organisation, e.g. "Llama-3.1-8B-Instruct"; the whole id if it has none. */
  public static String name(String id) {
    String s = canonical(id);
    int slash = s.lastIndexOf('/');
    return slash >= 0 ? s.substring(slash + 1) : s;
  }

  /** The key ids are compared by: canonical and lower-case. */
  static String key(String id) {
    return canonical(id).toLowerCase(Locale.ROOT);
  }
}
