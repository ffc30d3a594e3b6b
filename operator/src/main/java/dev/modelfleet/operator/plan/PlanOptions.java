package dev.modelfleet.operator.plan;

import java.nio.file.Path;
import java.util.Locale;

/** Command-line options of {@code modelfleet plan}. */
record PlanOptions(Path pool, Path cluster, Path current, String output) {
  static final String USAGE =
      "usage: modelfleet plan -f <ModelPool yaml> --cluster <Nodes and/or HardwareProfiles yaml>"
          + " [--current <placement json>] [-o json|table|yaml]";

  static PlanOptions parse(String... args) throws BadInput {
    Path pool = null;
    Path cluster = null;
    Path current = null;
    String output = "table";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "-f", "--file" -> pool = Path.of(value(args, ++i));
        case "--cluster" -> cluster = Path.of(value(args, ++i));
        case "--current" -> current = Path.of(value(args, ++i));
        case "-o", "--output" -> output = value(args, ++i).toLowerCase(Locale.ROOT);
        case "-h", "--help" -> throw new BadInput(USAGE);
        default -> throw new BadInput("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    if (pool == null) {
      throw new BadInput("-f is required: the ModelPool to plan\n" + USAGE);
    }
    if (cluster == null) {
      throw new BadInput(
          "--cluster is required: Nodes and/or HardwareProfiles to plan on\n" + USAGE);
    }
    if (!output.equals("json") && !output.equals("table") && !output.equals("yaml")) {
      throw new BadInput("-o must be json, table or yaml, was '" + output + "'");
    }
    return new PlanOptions(pool, cluster, current, output);
  }

  private static String value(String[] args, int i) throws BadInput {
    if (i >= args.length) {
      throw new BadInput(args[i - 1] + " needs a value\n" + USAGE);
    }
    return args[i];
  }
}
