package dev.modelfleet.gateway.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Creates the ModelRoute CRD, as the crds jar generated it, in the mock API server before the
 * gateway starts: without it the mock treats status as an ordinary field.
 */
public class ModelRouteCrd implements Consumer<KubernetesServer> {
  static final String RESOURCE = "META-INF/fabric8/modelroutes.modelfleet.dev-v1.yml";

  @Override
  public void accept(KubernetesServer server) {
    create(server.getClient());
  }

  /** Creates the CRD through the given client. */
  public static CustomResourceDefinition create(KubernetesClient client) {
    try (InputStream yaml = ModelRouteCrd.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (yaml == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath (the crds jar)");
      }
      return client.apiextensions().v1().customResourceDefinitions().load(yaml).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
