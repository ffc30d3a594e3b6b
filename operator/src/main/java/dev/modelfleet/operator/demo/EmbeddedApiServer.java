package dev.modelfleet.operator.demo;

import dev.modelfleet.crds.CrdManifests;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Fabric8's API server in CRUD mode, in-process on loopback, with the ModelFleet CRDs installed so
 * status subresources behave as on a cluster.
 */
final class EmbeddedApiServer {
  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private EmbeddedApiServer(KubernetesMockServer server) {
    this.server = server;
    this.client = server.createClient();
  }

  static EmbeddedApiServer start() {
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new ApplyingCrudDispatcher(),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    EmbeddedApiServer embedded = new EmbeddedApiServer(server);
    embedded.installCrds();
    return embedded;
  }

  private void installCrds() {
    for (String resource : CrdManifests.resources()) {
      try (InputStream in =
          EmbeddedApiServer.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("CRD " + resource + " is not on the classpath");
        }
        CustomResourceDefinition crd =
            client.apiextensions().v1().customResourceDefinitions().load(in).item();
        client.resource(crd).create();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  Map<String, String> fabric8SystemProperties() {
    return Map.of(
        "kubernetes.master",
        "http://127.0.0.1:" + server.getPort(),
        "kubernetes.auth.tryKubeConfig",
        "false",
        "kubernetes.auth.tryServiceAccount",
        "false",
        "kubernetes.namespace",
        DemoApplication.NAMESPACE);
  }

  void stop() {
    client.close();
    server.destroy();
  }
}
