package dev.modelfleet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.modelfleet.ranker.gpu.GpuCatalog;
import dev.modelfleet.ranker.gpu.GpuModel;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code modelfleet gpus}: prints the GPU catalog bundled with ModelFleet. */
@Command(
    name = "gpus",
    mixinStandardHelpOptions = true,
    description =
        "List the GPUs ModelFleet knows: memory, memory bandwidth and where each comes from.")
final class GpusCommand implements Callable<Integer> {
  enum Format {
    table,
    json
  }

  private static final List<String> HEADER =
      List.of("NAME", "VENDOR", "MEMORY GiB", "BANDWIDTH GB/s", "SOURCE");

  @Spec private CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private Format format;

  @Override
  public Integer call() {
    GpuCatalog catalog = GpuCatalog.bundled();
    PrintWriter err = spec.commandLine().getErr();
    catalog.warnings().forEach(w -> err.println("warning: " + w));
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(json(catalog));
    } else {
      table(catalog.all(), out);
    }
    out.flush();
    err.flush();
    // An empty catalog means the jar is broken; say so in the exit code, not only on stderr.
    return catalog.all().isEmpty() ? 1 : 0;
  }

  private static String json(GpuCatalog catalog) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("gpus", catalog.all());
    document.put("warnings", catalog.warnings());
    try {
      return new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void table(List<GpuModel> gpus, PrintWriter out) {
    List<List<String>> rows =
        gpus.stream()
            .map(
                gpu ->
                    List.of(
                        gpu.name(),
                        gpu.vendor(),
                        number(gpu.memoryGiB()),
                        number(gpu.memoryBandwidthGBps()),
                        gpu.source()))
            .toList();
    int[] widths = new int[HEADER.size()];
    for (List<String> row : concat(HEADER, rows)) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    concat(HEADER, rows).forEach(row -> out.println(line(row, widths)));
  }

  private static String line(List<String> row, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.size(); i++) {
      boolean numeric = i == 2 || i == 3;
      String cell = row.get(i);
      String pad = " ".repeat(widths[i] - cell.length());
      line.append(numeric ? pad + cell : cell + (i == row.size() - 1 ? "" : pad));
      if (i < row.size() - 1) {
        line.append("  ");
      }
    }
    return line.toString();
  }

  private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
    return Stream.concat(Stream.of(header), rows.stream()).toList();
  }

  /** 80 rather than 80.0, but 1638.4 kept. */
  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
