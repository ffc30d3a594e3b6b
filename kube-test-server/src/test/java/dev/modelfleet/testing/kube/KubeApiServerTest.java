package dev.modelfleet.testing.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@WithKubeApiServer
class KubeApiServerTest {

  @Test
  void garbageCollectsOwnedObjectsWhenTheOwnerIsDeleted(KubeApiServer server) {
    KubernetesClient client = server.client();
    String ns = server.newNamespace("gc");
    ConfigMap owner =
        client
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("owner")
                    .withNamespace(ns)
                    .endMetadata()
                    .build())
            .create();
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("owned")
                .withNamespace(ns)
                .addNewOwnerReference()
                .withApiVersion("v1")
                .withKind("ConfigMap")
                .withName("owner")
                .withUid(owner.getMetadata().getUid())
                .endOwnerReference()
                .endMetadata()
                .build())
        .create();

    client.resource(owner).delete();

    client
        .configMaps()
        .inNamespace(ns)
        .withName("owned")
        .waitUntilCondition(cm -> cm == null, 30, TimeUnit.SECONDS);
  }

  @Test
  void theOperatorUserHasNoRightsUntilGranted(KubeApiServer server) {
    var config =
        new io.fabric8.kubernetes.client.ConfigBuilder(server.config())
            .withOauthToken(null)
            .build();
    var props = server.fabric8SystemPropertiesAsOperator();
    config.setOauthToken(props.get("kubernetes.auth.token"));
    try (KubernetesClient operator = new KubernetesClientBuilder().withConfig(config).build()) {
      assertThatThrownBy(() -> operator.nodes().list())
          .isInstanceOf(KubernetesClientException.class)
          .extracting(e -> ((KubernetesClientException) e).getCode())
          .isEqualTo(403);
    }
    assertThat(server.client().nodes().list().getItems()).isNotNull();
  }
}
