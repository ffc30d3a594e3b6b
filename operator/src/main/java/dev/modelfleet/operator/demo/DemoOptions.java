package dev.modelfleet.operator.demo;

import java.nio.file.Path;
import java.time.Duration;

/** Command-line options of {@code modelfleet demo}. */
record DemoOptions(boolean keepRunning, Path examples, Duration timeout) {
  static final String USAGE =
      "usage: modelfleet demo [--keep-running] [--examples DIR] [--timeout SECONDS]";

  static DemoOptions parse(String... args) {
    boolean keepRunning = false;
    Path examples = Path.of("examples");
    Duration timeout = Duration.ofSeconds(60);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--keep-running" -> keepRunning = true;
        case "--examples" -> examples = Path.of(value(args, ++i));
        case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value(args, ++i)));
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    return new DemoOptions(keepRunning, examples, timeout);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
    }
    return args[i];
  }
}
