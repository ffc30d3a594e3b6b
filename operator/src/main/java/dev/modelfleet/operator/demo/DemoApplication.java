package dev.modelfleet.operator.demo;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/**
 * The embedded demo: with the real operator already running against the embedded API server, runs
 * {@link DemoRun} and, with {@code --keep-running}, leaves the operator up afterwards.
 */
public class DemoApplication implements QuarkusApplication {
  static final String NAMESPACE = "modelfleet-demo";

  @Override
  public int run(String... args) throws Exception {
    DemoOptions options = DemoOptions.parse(args);
    KubernetesClient client = Arc.container().instance(KubernetesClient.class).get();
    int code = new DemoRun(client, options, System.out, System.err).run();
    if (code != 0) {
      return code;
    }
    if (options.keepRunning()) {
      int port = Integer.getInteger("quarkus.http.port", 8080);
      System.out.printf(
          "%nStill running. Health: http://localhost:%d/q/health  Metrics: http://localhost:%d/q/metrics  (Ctrl-C stops)%n",
          port, port);
      Quarkus.waitForExit();
    }
    return 0;
  }
}
