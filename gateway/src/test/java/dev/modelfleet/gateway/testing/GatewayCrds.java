package dev.modelfleet.gateway.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Creates the CRDs the gateway reads (ModelRoute, ModelPool, HardwareProfile), as the crds jar
 * generated them, in the mock API server before the gateway starts, so status is a subresource.
 */
public class GatewayCrds implements Consumer<KubernetesServer> {
  static final List<String> RESOURCES =
      List.of(
          "META-INF/fabric8/modelroutes.modelfleet.dev-v1.yml",
          "META-INF/fabric8/modelpools.modelfleet.dev-v1.yml",
          "META-INF/fabric8/hardwareprofiles.modelfleet.dev-v1.yml");

  @Override
  public void accept(KubernetesServer server) {
    create(server.getClient());
  }

  /** Creates the CRDs through the given client. */
  public static void create(KubernetesClient client) {
    for (String resource : RESOURCES) {
      try (InputStream yaml = GatewayCrds.class.getClassLoader().getResourceAsStream(resource)) {
        if (yaml == null) {
          throw new IllegalStateException(resource + " is not on the classpath (the crds jar)");
        }
        client.apiextensions().v1().customResourceDefinitions().load(yaml).create();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
