package dev.modelfleet.operator.evalrunner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Runs generated code with its tests in a python3 child process. The runner's Pod is the sandbox:
 * no service account token, no privileges, a read-only root file system. Needs python3 in the
 * runner image (see docs/evaluation.md).
 */
final class PythonTests {
  /** A test of a small function finishes in well under this; longer means it loops. */
  static final long TIMEOUT_SECONDS = 10;

  boolean passes(String program) throws InterruptedException {
    Process process;
    try {
      process =
          new ProcessBuilder("python3", "-")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "pass@1 runs the generated code with python3, which this runner image lacks: set"
              + " spec.image to a runner image with python3 (docs/evaluation.md)",
          e);
    }
    try (var stdin = process.getOutputStream()) {
      stdin.write(program.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The program exited before reading all of its input: its exit code says how it went.
    }
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return false;
    }
    return process.exitValue() == 0;
  }
}
