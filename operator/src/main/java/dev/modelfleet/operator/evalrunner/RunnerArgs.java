package dev.modelfleet.operator.evalrunner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The runner's {@code --flag value} arguments, with errors that name the flag. */
final class RunnerArgs {
  private final Map<String, String> values;

  private RunnerArgs(Map<String, String> values) {
    this.values = values;
  }

  static RunnerArgs parse(List<String> args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i += 2) {
      String flag = args.get(i);
      if (!flag.startsWith("--") || i + 1 >= args.size()) {
        throw new IllegalArgumentException(
            "expected --flag value pairs, got \"" + flag + "\" without a value");
      }
      values.put(flag, args.get(i + 1));
    }
    return new RunnerArgs(values);
  }

  String required(String flag) {
    String value = values.get(flag);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing " + flag);
    }
    return value;
  }

  Optional<String> optional(String flag) {
    return Optional.ofNullable(values.get(flag)).filter(v -> !v.isBlank());
  }

  int positiveInt(String flag) {
    return parsePositive(flag, required(flag));
  }

  Optional<Integer> optionalPositiveInt(String flag) {
    return optional(flag).map(v -> parsePositive(flag, v));
  }

  List<Integer> positiveInts(String flag) {
    List<Integer> list = new ArrayList<>();
    for (String part : required(flag).split(",")) {
      list.add(parsePositive(flag, part.trim()));
    }
    return list;
  }

  private static int parsePositive(String flag, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          flag + " must be a whole number of 1 or more, not " + value);
    }
  }
}
