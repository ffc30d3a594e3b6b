package dev.modelfleet.serving.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact JSON a {@link RunReport} travels in through a termination message, which Kubernetes
 * caps at 4096 bytes. Figures that do not fit are dropped from the end and counted, never cut
 * silently; the runner prints the full report to its log as well.
 */
public final class RunReportCodec {
  /** Kubernetes' limit on one container's termination message (core/v1 Container docs). */
  public static final int TERMINATION_MESSAGE_LIMIT = 4096;

  /** Format version, bumped when the layout changes. */
  static final String FORMAT = "1";

  /** Four significant digits: finer than any latency or accuracy figure here is repeatable. */
  static final MathContext PRECISION = new MathContext(4);

  /** Doubles hold every whole number below 2^53 exactly. */
  private static final double MAX_EXACT_WHOLE = 0x1p53;

  private static final ObjectMapper JSON = new ObjectMapper();

  private RunReportCodec() {}

  /** The report as compact JSON of at most {@code limit} UTF-8 bytes. */
  public static String encode(RunReport report, int limit) {
    List<RunReport.Metric> kept = new ArrayList<>(report.metrics());
    int dropped = report.dropped();
    while (true) {
      String json = write(report, kept, dropped);
      if (json.getBytes(StandardCharsets.UTF_8).length <= limit) {
        return json;
      }
      if (kept.isEmpty()) {
        throw new IllegalArgumentException(
            "the report's provenance alone exceeds " + limit + " bytes");
      }
      kept.remove(kept.size() - 1);
      dropped++;
    }
  }

  /** The report as compact JSON fitting a termination message. */
  public static String encode(RunReport report) {
    return encode(report, TERMINATION_MESSAGE_LIMIT);
  }

  /**
   * Reads a report; a message that is not one fails with {@link MalformedReportException} saying
   * what is wrong.
   */
  public static RunReport decode(String text) {
    if (text == null || text.isBlank()) {
      throw new MalformedReportException("the termination message is empty");
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new MalformedReportException("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MalformedReportException("not a JSON object");
    }
    if (!FORMAT.equals(root.path("v").asText())) {
      throw new MalformedReportException(
          "unknown report format \"" + root.path("v").asText() + "\" (expected " + FORMAT + ")");
    }
    JsonNode keys = root.path("k");
    JsonNode metrics = root.path("m");
    if (!keys.isArray() || !metrics.isArray()) {
      throw new MalformedReportException(
          "fields k (names and units) and m (figures) must be lists");
    }
    List<RunReport.Metric> read = new ArrayList<>();
    for (JsonNode m : metrics) {
      read.add(metric(keys, m, read.size()));
    }
    return new RunReport(
        text(root, "r"), text(root, "s"), text(root, "h"), read, root.path("d").asInt(0));
  }

  private static RunReport.Metric metric(JsonNode keys, JsonNode m, int index) {
    if (!m.isArray()
        || m.size() != 4
        || !m.get(0).canConvertToInt()
        || !m.get(1).isNumber()
        || m.get(0).asInt() < 0
        || m.get(0).asInt() >= keys.size()) {
      throw new MalformedReportException(
          "figure " + index + " is not [name index, number, concurrency, task]: " + m);
    }
    JsonNode key = keys.get(m.get(0).asInt());
    if (!key.isArray() || key.size() != 2 || !key.get(0).isTextual()) {
      throw new MalformedReportException(
          "name " + m.get(0).asInt() + " is not [name, unit]: " + key);
    }
    double value = m.get(1).asDouble();
    if (!Double.isFinite(value)) {
      throw new MalformedReportException("figure " + key.get(0).asText() + " is not finite");
    }
    return new RunReport.Metric(
        key.get(0).asText(),
        value,
        key.get(1).isNull() ? null : key.get(1).asText(),
        m.get(2).isNull() ? null : m.get(2).asInt(),
        m.get(3).isNull() ? null : m.get(3).asText());
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static String write(RunReport report, List<RunReport.Metric> metrics, int dropped) {
    ObjectNode root = JSON.createObjectNode();
    root.put("v", FORMAT);
    root.put("r", report.runnerVersion());
    if (report.servedModel() != null) {
      root.put("s", report.servedModel());
    }
    if (report.datasetHash() != null) {
      root.put("h", report.datasetHash());
    }
    if (dropped > 0) {
      root.put("d", dropped);
    }
    // Names and units once, in "k"; each figure refers to its pair by index, which keeps a
    // 16-step latency run well inside the limit.
    ArrayNode keys = root.putArray("k");
    List<List<String>> seen = new ArrayList<>();
    ArrayNode list = root.putArray("m");
    for (RunReport.Metric m : metrics) {
      List<String> key = java.util.Arrays.asList(m.name(), m.unit());
      int index = seen.indexOf(key);
      if (index < 0) {
        index = seen.size();
        seen.add(key);
        keys.addArray().add(m.name()).add(m.unit());
      }
      ArrayNode row = list.addArray();
      row.add(index);
      row.add(round(m.value()));
      if (m.concurrency() == null) {
        row.addNull();
      } else {
        row.add(m.concurrency());
      }
      row.add(m.task());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a report", e);
    }
  }

  /** Whole numbers (counts, bytes) exactly; anything else to {@link #PRECISION}. */
  private static BigDecimal round(double value) {
    if (value == Math.rint(value) && Math.abs(value) < MAX_EXACT_WHOLE) {
      return BigDecimal.valueOf((long) value);
    }
    return new BigDecimal(value).round(PRECISION).stripTrailingZeros();
  }

  /** A termination message that is not a run report. */
  public static final class MalformedReportException extends RuntimeException {
    public MalformedReportException(String message) {
      super(message);
    }
  }
}
