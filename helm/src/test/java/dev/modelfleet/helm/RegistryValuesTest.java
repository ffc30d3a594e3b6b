package dev.modelfleet.helm;

import static dev.modelfleet.helm.RenderedChart.OPERATOR;
import static dev.modelfleet.helm.RenderedChart.renderError;
import static dev.modelfleet.helm.RenderedChart.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The registry values become the operator's MODELFLEET_REGISTRY_* settings. */
class RegistryValuesTest {

  @Test
  void defaultsReadTheHubWithNoTokenRegistryOrCache() {
    Map<String, String> env = env(RenderedChart.render());

    assertThat(env)
        .containsEntry("MODELFLEET_REGISTRY_HUB_ENABLED", "true")
        .containsEntry("MODELFLEET_REGISTRY_HUB_ENDPOINT", "https://huggingface.co")
        .doesNotContainKeys(
            "MODELFLEET_REGISTRY_HUB_TOKEN_SECRET",
            "MODELFLEET_REGISTRY_USER_REGISTRY_CONFIGMAP",
            "MODELFLEET_REGISTRY_CACHE_CONFIGMAP");
  }

  @Test
  void anAirGappedInstallTurnsTheHubOffAndNamesItsConfigMaps() {
    Map<String, String> env =
        env(
            RenderedChart.render(
                values(
                    "registry.hubEnabled", false,
                    "registry.hubTokenSecret", "hf-token/token",
                    "registry.userRegistryConfigMap", "models",
                    "registry.cacheConfigMap", "hub-cache")));

    assertThat(env)
        .containsEntry("MODELFLEET_REGISTRY_HUB_ENABLED", "false")
        .containsEntry("MODELFLEET_REGISTRY_HUB_TOKEN_SECRET", "hf-token/token")
        .containsEntry("MODELFLEET_REGISTRY_USER_REGISTRY_CONFIGMAP", "models")
        .containsEntry("MODELFLEET_REGISTRY_CACHE_CONFIGMAP", "hub-cache");
  }

  @Test
  void aTokenSecretWithoutItsKeyIsRejected() {
    assertThat(renderError(values("registry.hubTokenSecret", "hf-token")))
        .contains("/registry/hubTokenSecret");
  }

  private static Map<String, String> env(RenderedChart chart) {
    return chart
        .one(Deployment.class, OPERATOR)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getEnv()
        .stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }
}
