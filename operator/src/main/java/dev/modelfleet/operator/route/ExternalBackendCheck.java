package dev.modelfleet.operator.route;

import dev.modelfleet.crds.v1alpha1.common.SecretKeyRef;
import dev.modelfleet.crds.v1alpha1.route.ExternalBackend;
import dev.modelfleet.operator.route.SecretLookup.SecretKeys;

/**
 * Whether an external endpoint is usable: a valid http(s) URL and, when it names one, an API key
 * Secret that exists with the key. The operator does not call the endpoint.
 */
public final class ExternalBackendCheck {
  private ExternalBackendCheck() {}

  /** The endpoint's state, reading its API key Secret through secrets. */
  public static BackendState check(ExternalBackend external, SecretLookup secrets) {
    if (!RouteSpecValidator.isHttpUrl(external.getUrl())) {
      return BackendState.notReady(
          null, RouteReasons.INVALID_EXTERNAL_URL, "url is not an http(s) URL with a host");
    }
    SecretKeyRef ref = external.getApiKeySecretRef();
    if (ref == null) {
      return BackendState.ready(null, "external endpoint without an API key");
    }
    SecretKeys keys = secrets.keysOf(ref.getName());
    if (keys.error() != null) {
      return BackendState.notReady(
          null,
          RouteReasons.SECRET_UNREADABLE,
          "could not read Secret " + ref.getName() + ": " + keys.error());
    }
    if (!keys.found()) {
      return BackendState.notReady(
          null,
          RouteReasons.SECRET_NOT_FOUND,
          "API key Secret "
              + ref.getName()
              + " does not exist in the route's namespace: create it or fix"
              + " external.apiKeySecretRef.name");
    }
    if (!keys.keys().contains(ref.getKey())) {
      return BackendState.notReady(
          null,
          RouteReasons.SECRET_KEY_NOT_FOUND,
          "Secret "
              + ref.getName()
              + " has no key "
              + ref.getKey()
              + ": add it or fix external.apiKeySecretRef.key");
    }
    return BackendState.ready(null, "API key found in Secret " + ref.getName());
  }
}
