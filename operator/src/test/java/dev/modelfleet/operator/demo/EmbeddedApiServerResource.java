package dev.modelfleet.operator.demo;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the operator under test at the demo's embedded API server, in demo mode. */
public class EmbeddedApiServerResource implements QuarkusTestResourceLifecycleManager {
  private EmbeddedApiServer server;

  @Override
  public Map<String, String> start() {
    server = EmbeddedApiServer.start();
    // The Fabric8 client reads these when the operator's client is built, after this returns.
    server.fabric8SystemProperties().forEach(System::setProperty);
    return Map.of("modelfleet.demo-mode", "true");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.fabric8SystemProperties().keySet().forEach(System::clearProperty);
      server.stop();
    }
  }
}
