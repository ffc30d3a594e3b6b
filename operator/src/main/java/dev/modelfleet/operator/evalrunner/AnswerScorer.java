package dev.modelfleet.operator.evalrunner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the prompt for a sample and scores the answer, per task type. Samples are JSON objects:
 *
 * <ul>
 *   <li>exact-match: {@code {"prompt": "...", "answer": "..."}}; the answer must equal the expected
 *       one after trimming, lower-casing, collapsing spaces and dropping a final full stop;
 *   <li>multiple-choice: {@code {"question": "...", "choices": ["...", ...], "answer": "B"}} (a
 *       letter or a 0-based index); the first standalone choice letter in the answer counts;
 *   <li>pass@1: {@code {"prompt": "...", "tests": "assert ..."}}; the generated code (from a fenced
 *       block if there is one) runs with the tests under python3 and passes if it exits 0.
 * </ul>
 */
interface AnswerScorer {
  String prompt(JsonNode sample);

  boolean correct(JsonNode sample, String answer) throws InterruptedException;

  static AnswerScorer forTaskType(String taskType) {
    return switch (taskType) {
      case "exact-match" -> new ExactMatch();
      case "multiple-choice" -> new MultipleChoice();
      case "pass@1" -> new PassAtOne(new PythonTests());
      default ->
          throw new IllegalArgumentException(
              "--task-type must be exact-match, multiple-choice or pass@1, not " + taskType);
    };
  }

  static String field(JsonNode sample, String name) {
    JsonNode value = sample.get(name);
    if (value == null || value.isNull() || value.isContainerNode()) {
      throw new IllegalArgumentException("a sample has no text field \"" + name + "\": " + sample);
    }
    return value.asText();
  }

  /** Exact match after normalisation. */
  final class ExactMatch implements AnswerScorer {
    @Override
    public String prompt(JsonNode sample) {
      return field(sample, "prompt");
    }

    @Override
    public boolean correct(JsonNode sample, String answer) {
      return normalise(answer).equals(normalise(field(sample, "answer")));
    }

    static String normalise(String text) {
      String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      t = t.replaceAll("^[\"'`]+|[\"'`]+$", "");
      return t.endsWith(".") ? t.substring(0, t.length() - 1).trim() : t;
    }
  }

  /** A lettered choice. */
  final class MultipleChoice implements AnswerScorer {
    private static final String LETTERS = "ABCDEFGHIJ";

    @Override
    public String prompt(JsonNode sample) {
      JsonNode choices = sample.path("choices");
      if (!choices.isArray() || choices.size() < 2 || choices.size() > LETTERS.length()) {
        throw new IllegalArgumentException(
            "a multiple-choice sample needs 2 to " + LETTERS.length() + " choices: " + sample);
      }
      StringBuilder text = new StringBuilder(field(sample, "question")).append('\n');
      for (int i = 0; i < choices.size(); i++) {
        text.append(LETTERS.charAt(i)).append(". ").append(choices.get(i).asText()).append('\n');
      }
      return text.append("Answer with the letter of the correct choice only.").toString();
    }

    @Override
    public boolean correct(JsonNode sample, String answer) {
      int choices = sample.path("choices").size();
      Matcher m =
          Pattern.compile("\\b([A-" + LETTERS.charAt(choices - 1) + "])\\b").matcher(answer);
      return m.find() && m.group(1).charAt(0) == expected(sample);
    }

    private static char expected(JsonNode sample) {
      JsonNode answer = sample.get("answer");
      if (answer != null && answer.isInt()) {
        return LETTERS.charAt(answer.asInt());
      }
      return field(sample, "answer").trim().toUpperCase(Locale.ROOT).charAt(0);
    }
  }

  /** Generated code run against the sample's tests. */
  final class PassAtOne implements AnswerScorer {
    private static final Pattern FENCED =
        Pattern.compile("```(?:python|py)?\\s*\\n(.*?)```", Pattern.DOTALL);
    private final PythonTests python;

    PassAtOne(PythonTests python) {
      this.python = python;
    }

    @Override
    public String prompt(JsonNode sample) {
      return field(sample, "prompt")
          + "\n\nReply with the complete Python function in one ```python code block.";
    }

    @Override
    public boolean correct(JsonNode sample, String answer) throws InterruptedException {
      Matcher fenced = FENCED.matcher(answer);
      String code = fenced.find() ? fenced.group(1) : answer;
      return python.passes(code + "\n\n" + field(sample, "tests") + "\n");
    }
  }
}
