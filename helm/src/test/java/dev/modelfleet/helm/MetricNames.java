package dev.modelfleet.helm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the gateway and the operator emit, and the metric names a PromQL expression
 * reads, so dashboards and alerts can be checked against what really exists.
 */
final class MetricNames {

  /** Every series the chart's dashboards and alerts may read. */
  static final Set<String> EMITTED =
      Set.of(
          // Gateway (gateway module).
          "modelfleet_gateway_requests_total",
          "modelfleet_gateway_request_duration_seconds_bucket",
          "modelfleet_gateway_request_duration_seconds_sum",
          "modelfleet_gateway_request_duration_seconds_count",
          "modelfleet_gateway_time_to_first_token_seconds_bucket",
          "modelfleet_gateway_tokens_total",
          "modelfleet_gateway_estimated_cost_dollars_total",
          "modelfleet_gateway_fallbacks_total",
          "modelfleet_gateway_upstream_errors_total",
          "modelfleet_gateway_healthy_backends",
          // Operator: pools and hardware.
          "modelfleet_pool_vram_used_gibibytes",
          "modelfleet_pool_vram_budget_gibibytes",
          "modelfleet_pool_disk_used_gibibytes",
          "modelfleet_pool_models",
          "modelfleet_pool_evictions_total",
          "modelfleet_hardware_gpus",
          "modelfleet_hardware_vram_gibibytes",
          // Operator: JOSDK's v1 reconcile metrics (docs/operations.md#metrics).
          "operator_sdk_reconciliations_failed_total");

  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern LABEL_LISTS =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern GRAFANA_VARIABLES = Pattern.compile("\\$\\{?\\w+}?");

  /** An identifier not preceded by a digit, letter or dot (so not the e6 in 1e6). */
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.])[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");

  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

  private MetricNames() {}

  /** Whether every (, [ and { outside string literals is closed, in order. */
  static boolean bracketsBalance(String expr) {
    String rest = STRING_LITERAL.matcher(expr).replaceAll("\"\"");
    Deque<Character> open = new ArrayDeque<>();
    for (char c : rest.toCharArray()) {
      switch (c) {
        case '(', '[', '{' -> open.push(c);
        case ')', ']', '}' -> {
          char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
          if (open.isEmpty() || open.pop() != expected) {
            return false;
          }
        }
        default -> {}
      }
    }
    return open.isEmpty();
  }

  /**
   * The metric names a PromQL expression reads: what is left once strings, label matchers, ranges,
   * label lists, Grafana variables, function calls and keywords are taken out.
   */
  static Set<String> readBy(String expr) {
    String rest = STRING_LITERAL.matcher(expr).replaceAll(" ");
    rest = LABEL_MATCHERS.matcher(rest).replaceAll(" ");
    rest = RANGES.matcher(rest).replaceAll(" ");
    rest = LABEL_LISTS.matcher(rest).replaceAll(" ");
    rest = GRAFANA_VARIABLES.matcher(rest).replaceAll(" ");
    Set<String> names = new LinkedHashSet<>();
    Matcher identifiers = IDENTIFIER.matcher(rest);
    while (identifiers.find()) {
      String name = identifiers.group();
      if (!KEYWORDS.contains(name.toLowerCase())) {
        names.add(name);
      }
    }
    return names;
  }
}
