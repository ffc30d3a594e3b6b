package dev.modelfleet.gateway.auth;

import dev.modelfleet.crds.v1alpha1.route.ApiKeySecretRef;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.gateway.routes.PerRouteCache;
import dev.modelfleet.gateway.routes.RouteCatalog;
import dev.modelfleet.gateway.routes.SecretCatalog;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a caller's {@code Authorization: Bearer} key against a route's {@code apiKeys}. Keys are
 * compared in constant time and never logged.
 */
@Singleton
public class ApiKeyCheck {
  private static final String BEARER = "bearer ";

  /** The outcome of a check. */
  public enum Decision {
    /** The route is open, or the key is one of its keys. */
    ALLOWED,
    /** No key, or a key no route knows: 401. */
    UNAUTHENTICATED,
    /** A key of another route, not of this one: 403. */
    FORBIDDEN
  }

  private final RouteCatalog catalog;
  private final SecretCatalog secrets;
  // Decoded once per change to the routes or Secrets, not on every request.
  private final PerRouteCache<List<byte[]>> keys;

  /** A check over the cached routes and their Secrets. */
  public ApiKeyCheck(RouteCatalog catalog, SecretCatalog secrets) {
    this.catalog = catalog;
    this.secrets = secrets;
    this.keys = new PerRouteCache<>(catalog.generation());
  }

  /** Whether a request with this Authorization header may call the route. */
  public Decision check(ModelRoute route, String authorization) {
    if (route.getSpec().getApiKeys().isEmpty()) {
      return Decision.ALLOWED;
    }
    Optional<byte[]> key = bearer(authorization);
    if (key.isEmpty()) {
      return Decision.UNAUTHENTICATED;
    }
    if (keyOf(route, key.get())) {
      return Decision.ALLOWED;
    }
    for (ModelRoute other : catalog.routes()) {
      if (other.getSpec() != null && keyOf(other, key.get())) {
        return Decision.FORBIDDEN;
      }
    }
    return Decision.UNAUTHENTICATED;
  }

  /**
   * The routes a caller with this Authorization header may call: those without keys, and those
   * whose keys include the caller's. Unlike {@link #check}, it never scans other routes' keys, so
   * its cost is one comparison per keyed route whatever key is sent.
   */
  public List<ModelRoute> callable(List<ModelRoute> routes, String authorization) {
    Optional<byte[]> key = bearer(authorization);
    List<ModelRoute> callable = new ArrayList<>();
    for (ModelRoute route : routes) {
      if (route.getSpec() == null || route.getMetadata() == null) {
        continue;
      }
      boolean open = route.getSpec().getApiKeys().isEmpty();
      if (open || (key.isPresent() && keyOf(route, key.get()))) {
        callable.add(route);
      }
    }
    return callable;
  }

  /** The key in a {@code Bearer} Authorization header. */
  static Optional<byte[]> bearer(String authorization) {
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return Optional.empty();
    }
    String key = authorization.substring(BEARER.length()).strip();
    return key.isEmpty() ? Optional.empty() : Optional.of(key.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether {@code key} is one of the route's keys, decoded once per change to the caches. */
  private boolean keyOf(ModelRoute route, byte[] key) {
    return anyMatches(keys.get(route, this::keysOf), key);
  }

  private List<byte[]> keysOf(ModelRoute route) {
    String namespace = route.getMetadata().getNamespace();
    List<byte[]> allowed = new ArrayList<>();
    for (ApiKeySecretRef ref : route.getSpec().getApiKeys()) {
      if (ref == null || ref.getName() == null) {
        continue;
      }
      if (ref.getKey() != null) {
        secrets
            .value(namespace, ref.getName(), ref.getKey())
            .ifPresent(v -> allowed.add(v.getBytes(StandardCharsets.UTF_8)));
      } else {
        secrets
            .values(namespace, ref.getName())
            .values()
            .forEach(v -> allowed.add(v.getBytes(StandardCharsets.UTF_8)));
      }
    }
    return List.copyOf(allowed);
  }

  // Every allowed key is compared in full, so the time taken says nothing about which matched.
  private static boolean anyMatches(List<byte[]> allowed, byte[] presented) {
    boolean match = false;
    for (byte[] key : allowed) {
      if (key.length > 0) {
        match |= MessageDigest.isEqual(key, presented);
      }
    }
    return match;
  }
}
