package dev.modelfleet.operator.route;

import static dev.modelfleet.operator.route.Routes.external;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.operator.route.SecretLookup.SecretKeys;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExternalBackendCheckTest {
  private static final String URL = "https://api.openai.com/v1";

  @Test
  void anEndpointWithoutAKeyIsReady() {
    BackendState state =
        ExternalBackendCheck.check(
            external(URL, false, null, null),
            name -> {
              throw new AssertionError("no Secret should be read");
            });
    assertThat(state.ready()).isTrue();
    assertThat(state.readyEndpoints()).isNull();
  }

  @Test
  void aMissingSecretIsSecretNotFound() {
    BackendState state =
        ExternalBackendCheck.check(
            external(URL, false, "openai", "api-key"), name -> SecretKeys.missing());
    assertThat(state.ready()).isFalse();
    assertThat(state.reason()).isEqualTo(RouteReasons.SECRET_NOT_FOUND);
    assertThat(state.message()).contains("openai").contains("apiKeySecretRef.name");
  }

  @Test
  void aSecretWithoutTheKeyIsSecretKeyNotFound() {
    BackendState state =
        ExternalBackendCheck.check(
            external(URL, false, "openai", "api-key"), name -> SecretKeys.of(Set.of("token")));
    assertThat(state.reason()).isEqualTo(RouteReasons.SECRET_KEY_NOT_FOUND);
    assertThat(state.message()).contains("api-key");
  }

  @Test
  void aSecretWithTheKeyIsReady() {
    BackendState state =
        ExternalBackendCheck.check(
            external(URL, false, "openai", "api-key"),
            name ->
                name.equals("openai") ? SecretKeys.of(Set.of("api-key")) : SecretKeys.missing());
    assertThat(state.ready()).isTrue();
  }

  @Test
  void anUnreadableSecretSaysWhy() {
    BackendState state =
        ExternalBackendCheck.check(
            external(URL, false, "openai", "api-key"),
            name -> SecretKeys.unreadable("403 Forbidden"));
    assertThat(state.reason()).isEqualTo(RouteReasons.SECRET_UNREADABLE);
    assertThat(state.message()).contains("403");
  }
}
