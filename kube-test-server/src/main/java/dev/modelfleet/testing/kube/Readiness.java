package dev.modelfleet.testing.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;

/** Waits for the API server to answer /readyz and to have created the default namespace. */
final class Readiness {
  private Readiness() {}

  static void awaitApiServer(KubernetesClient client, Duration timeout, List<Process> processes) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      processes.stream()
          .filter(p -> !p.isAlive())
          .findFirst()
          .ifPresent(
              p -> {
                throw new IllegalStateException(
                    "a test server process exited with " + p.exitValue() + "; see its log");
              });
      if (isReady(client)) {
        return;
      }
      sleep(100);
    }
    throw new IllegalStateException("kube-apiserver not ready within " + timeout);
  }

  private static boolean isReady(KubernetesClient client) {
    try {
      return "ok".equals(client.raw("/readyz"))
          && client.namespaces().withName("default").get() != null;
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the test API server", e);
    }
  }
}
