package dev.modelfleet.operator.k3s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged operator (quarkus-run.jar) as a child JVM, its output in a log file. */
final class OperatorProcess {
  private final Process process;
  private final Path log;

  private OperatorProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts the operator against the cluster in {@code kubeconfig}, logging to {@code log}. */
  static OperatorProcess start(Path kubeconfig, Path log) throws IOException {
    Path jar = operatorModule().resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the package phase first");
    }
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dkubeconfig=" + kubeconfig,
                    "-Dkubernetes.auth.tryServiceAccount=false",
                    "-Dquarkus.http.port=0",
                    // The prod profile elects a leader; outside a Pod there is no namespace to
                    // infer.
                    "-Dmodelfleet.leader-election.lease-namespace=default",
                    "-jar",
                    jar.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // A cluster configured in this shell's environment must not win over the K3s kubeconfig.
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.equals("KUBECONFIG") || k.startsWith("KUBERNETES_"));
    return new OperatorProcess(builder.start(), log);
  }

  /**
   * The operator module's directory: failsafe runs there, an IDE may run at the repository root.
   */
  static Path operatorModule() {
    String root = System.getProperty("repo.root");
    if (root != null && !root.isBlank()) {
      return Path.of(root, "operator");
    }
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    return Files.isDirectory(dir.resolve("operator")) ? dir.resolve("operator") : dir;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
