package dev.modelfleet.cli.rank;

import dev.modelfleet.ranker.rank.HardwareTarget;
import dev.modelfleet.ranker.rank.RankedModel;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a ranking as {@code -o table}: aligned columns, then the top rows' explanations. */
public final class RankTableWriter {
  /** Rows whose explanation the table prints; JSON has every row's. */
  static final int TABLE_EXPLAINED_ROWS = 10;

  private RankTableWriter() {}

  public static void table(HardwareTarget target, List<RankedModel> rows, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%s: %d x %s (%s GiB, %s GB/s each)%n%n",
        target.name(),
        target.gpusPerNode(),
        target.gpu().name(),
        trim(target.gpu().memoryGiB()),
        trim(target.gpu().bandwidthGBps()));
    List<String[]> cells = new ArrayList<>();
    cells.add(
        new String[] {
          "#",
          "MODEL",
          "QUANT",
          "ENGINE",
          "SCORE",
          "FITS",
          "GPUS",
          "TOK/S",
          "GIB/GPU",
          "EVIDENCE",
          "QUALITY"
        });
    int rank = 1;
    for (RankedModel r : rows) {
      cells.add(
          new String[] {
            Integer.toString(rank++),
            r.modelId(),
            r.quant(),
            r.engine().label(),
            String.format(Locale.ROOT, "%.1f", r.score()),
            r.fits() ? "yes" : "no",
            Integer.toString(r.gpus()),
            String.format(Locale.ROOT, "%.1f", r.decodeTokensPerSecond()),
            String.format(Locale.ROOT, "%.1f", r.vramPerGpuGiB()),
            r.evidence(),
            String.format(Locale.ROOT, "%.1f (%s)", r.quality(), r.qualityConfidence())
          });
    }
    int[] widths = new int[cells.get(0).length];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
      }
      out.println(line.toString().stripTrailing());
    }
    if (rows.isEmpty()) {
      out.println("(no model fits; --include-unfit lists them with the reason)");
    }
    for (int i = 0; i < Math.min(TABLE_EXPLAINED_ROWS, rows.size()); i++) {
      RankedModel r = rows.get(i);
      out.println();
      out.println("#" + (i + 1) + " " + r.modelId() + " " + r.quant() + ":");
      r.explanation().forEach(line -> out.println("- " + line));
    }
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
