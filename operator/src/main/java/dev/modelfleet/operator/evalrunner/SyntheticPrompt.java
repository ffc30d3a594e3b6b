package dev.modelfleet.operator.evalrunner;

/**
 * A prompt of about the requested length in tokens, as load generators use: common English words,
 * each about one token in Llama, Qwen and Mistral tokenizers, cycled from a fixed list so every run
 * sends the same text. A unique prefix per request keeps prefix caching from flattering the TTFT.
 */
final class SyntheticPrompt {
  private static final String[] WORDS = {
    "the", "river", "moves", "slowly", "past", "old", "stone", "walls", "while", "people",
    "walk", "along", "quiet", "streets", "and", "talk", "about", "their", "day", "at",
    "work", "in", "small", "shops", "near", "green", "parks", "where", "children", "play"
  };

  private SyntheticPrompt() {}

  static String of(int tokens, int requestNumber) {
    StringBuilder text = new StringBuilder("Request ").append(requestNumber).append(":");
    for (int i = 0; i < Math.max(1, tokens - 2); i++) {
      text.append(' ').append(WORDS[i % WORDS.length]);
    }
    return text.toString();
  }
}
