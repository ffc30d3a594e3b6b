package dev.modelfleet.operator.runs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pod logs given by the test: the test API server runs no kubelet, so it cannot serve real ones. A
 * Pod without a given log reads as gone.
 */
public final class FakePodLogs implements PodLogs {
  private final Map<String, String> logs = new ConcurrentHashMap<>();
  private final Map<String, Integer> reads = new ConcurrentHashMap<>();

  /** The log the named container printed. */
  public void put(String namespace, String pod, String container, String log) {
    logs.put(key(namespace, pod, container), log);
  }

  /** How many times the container's log was read. */
  public int reads(String namespace, String pod, String container) {
    return reads.getOrDefault(key(namespace, pod, container), 0);
  }

  @Override
  public String read(String namespace, String pod, String container) {
    String key = key(namespace, pod, container);
    reads.merge(key, 1, Integer::sum);
    String log = logs.get(key);
    if (log == null) {
      throw new LogUnavailableException("pods \"" + pod + "\" not found (HTTP 404)", null);
    }
    return log;
  }

  private static String key(String namespace, String pod, String container) {
    return namespace + "/" + pod + "/" + container;
  }
}
