package dev.modelfleet.operator.testing;

import dev.modelfleet.testing.kube.KubeApiServer;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * A cluster-admin client for test code, built in the test's own class loader: a Quarkus test loads
 * its classes apart from the test server's, and a client from the other loader would not see the
 * annotations of the custom resource classes.
 */
public final class AdminClient {
  private AdminClient() {}

  public static KubernetesClient create() {
    KubeApiServer.shared();
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder()
                .withMasterUrl(System.getProperty(KubeApiServer.URL_PROPERTY))
                .withOauthToken(System.getProperty(KubeApiServer.ADMIN_TOKEN_PROPERTY))
                .withTrustCerts(true)
                .withDisableHostnameVerification(true)
                .withNamespace("default")
                .build())
        .build();
  }
}
