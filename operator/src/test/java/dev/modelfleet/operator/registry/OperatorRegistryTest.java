package dev.modelfleet.operator.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelfleet.operator.config.OperatorSettings;
import dev.modelfleet.registry.ModelQuery;
import dev.modelfleet.registry.RegistrySettings;
import dev.modelfleet.testing.kube.KubeApiServer;
import dev.modelfleet.testing.kube.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator's registry as its settings build it, on a real API server. */
@WithKubeApiServer
class OperatorRegistryTest {
  private KubernetesClient client;
  private String namespace;

  @BeforeEach
  void freshNamespace(KubeApiServer server) {
    client = server.client();
    namespace = server.newNamespace("operator-registry");
  }

  @Test
  void theHubTokenComesFromTheNamedSecretAndIsNeverPrinted() {
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("hf")
                .withNamespace(namespace)
                .endMetadata()
                .addToStringData("token", "hf_secret_value")
                .build())
        .create();

    RegistrySettings settings =
        new OperatorRegistry(client, settings(false, true, Optional.of("hf/token"), null))
            .settings();

    assertThat(settings.hubEnabled()).isTrue();
    assertThat(settings.hubToken()).isEqualTo("hf_secret_value");
    assertThat(settings.refreshInterval()).isEqualTo(Duration.ofHours(6));
    assertThat(settings.toString()).doesNotContain("hf_secret_value");
  }

  @Test
  void demoModeNeverReachesTheHub() {
    RegistrySettings settings =
        new OperatorRegistry(client, settings(true, true, Optional.empty(), null)).settings();

    assertThat(settings.hubEnabled()).isFalse();
  }

  @Test
  void aTokenSecretThatIsNotNameSlashKeyIsAClearError() {
    OperatorRegistry registry =
        new OperatorRegistry(client, settings(false, true, Optional.of("hf"), null));

    assertThatThrownBy(registry::get)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modelfleet.registry.hub-token-secret")
        .hasMessageContaining("name/key");
  }

  @Test
  void aChangedUserRegistryConfigMapIsUsedAfterRefresh() throws Exception {
    OperatorRegistry registry =
        new OperatorRegistry(client, settings(false, false, Optional.empty(), "models"));
    registry.refresh();
    assertThat(registry.get().resolve(ModelQuery.of("acme/late-7b")).known()).isFalse();

    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("models")
                .withNamespace(namespace)
                .endMetadata()
                .addToData("models.yaml", "models:\n  - id: acme/late-7b\n    parametersB: 7\n")
                .build())
        .create();
    registry.refresh();

    assertThat(registry.get().resolve(ModelQuery.of("acme/late-7b")).known()).isTrue();
  }

  private OperatorSettings settings(
      boolean demo, boolean hub, Optional<String> tokenSecret, String userRegistry) {
    OperatorSettings.Registry registry =
        new OperatorSettings.Registry() {
          @Override
          public boolean hubEnabled() {
            return hub;
          }

          @Override
          public String hubEndpoint() {
            return "https://huggingface.co";
          }

          @Override
          public Optional<String> hubTokenSecret() {
            return tokenSecret;
          }

          @Override
          public Optional<String> hubTokenEnv() {
            return Optional.empty();
          }

          @Override
          public Duration refreshInterval() {
            return Duration.ofHours(6);
          }

          @Override
          public Optional<String> userRegistryConfigmap() {
            return Optional.ofNullable(userRegistry);
          }

          @Override
          public Optional<String> cacheConfigmap() {
            return Optional.empty();
          }

          @Override
          public Optional<String> namespace() {
            return Optional.of(namespace);
          }
        };
    return new OperatorSettings() {
      @Override
      public boolean demoMode() {
        return demo;
      }

      @Override
      public Registry registry() {
        return registry;
      }

      @Override
      public LeaderElection leaderElection() {
        throw new UnsupportedOperationException("not used by the registry");
      }

      @Override
      public Jobs jobs() {
        throw new UnsupportedOperationException("not used by the registry");
      }
    };
  }
}
