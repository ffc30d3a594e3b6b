package dev.modelfleet.testing.kube;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the etcd, kube-apiserver, kube-controller-manager and kubectl binaries built for tests. */
public final class KubeBinaries {
  static final List<String> REQUIRED = List.of("etcd", "kube-apiserver", "kube-controller-manager");
  static final String HOW_TO_GET =
      "Build them once with .ci/kube-test-env.sh (about 5 minutes; needs apt), then export"
          + " KUBE_TEST_BIN_DIR=$(.ci/kube-test-env.sh).";

  private KubeBinaries() {}

  /** The directory holding all required binaries, if one is configured or cached. */
  public static Optional<Path> locate() {
    for (String candidate : candidates()) {
      if (candidate == null || candidate.isBlank() || candidate.startsWith("${")) {
        continue;
      }
      Path dir = Path.of(candidate);
      if (REQUIRED.stream().allMatch(name -> Files.isExecutable(dir.resolve(name)))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  private static List<String> candidates() {
    String cached =
        Path.of(System.getProperty("user.home"), ".cache", "modelfleet", "kube-1.20.2", "bin")
            .toString();
    return java.util.Arrays.asList(
        System.getProperty("kube.test.bin.dir"), System.getenv("KUBE_TEST_BIN_DIR"), cached);
  }

  /** True on CI, where missing binaries are a failure rather than a skip. */
  public static boolean requiredByCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
