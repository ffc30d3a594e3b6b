package dev.modelfleet.operator.route;

import java.util.Set;

/** The CamelCase reasons a ModelRoute's backends and conditions report. */
public final class RouteReasons {
  /** The named ModelPool does not exist in the route's namespace. */
  public static final String POOL_NOT_FOUND = "PoolNotFound";

  /** The ModelPool is being deleted. */
  public static final String POOL_DELETING = "PoolDeleting";

  /** The ModelPool's spec.models has no entry with this name. */
  public static final String MODEL_NOT_IN_POOL = "ModelNotInPool";

  /** The model is listed but not in phase Serving with a ready replica. */
  public static final String MODEL_NOT_SERVING = "ModelNotServing";

  /** The pool does not serve the adapter (yet, or at all). */
  public static final String ADAPTER_NOT_SERVED = "AdapterNotServed";

  /** The external backend's API key Secret does not exist. */
  public static final String SECRET_NOT_FOUND = "SecretNotFound";

  /** The Secret exists but lacks the named key. */
  public static final String SECRET_KEY_NOT_FOUND = "SecretKeyNotFound";

  /** The Secret could not be read (for example a permission error). */
  public static final String SECRET_UNREADABLE = "SecretUnreadable";

  /** SpecValid True. */
  public static final String SPEC_VALID = "SpecValid";

  /** Ready False because SpecValid is False. */
  public static final String INVALID_SPEC = "InvalidSpec";

  /** Ready True: a weighted backend is ready. */
  public static final String BACKENDS_READY = "BackendsReady";

  /** Ready False: no weighted backend is ready. */
  public static final String NO_BACKEND_READY = "NoBackendReady";

  /** Degraded True: some backend or fallback is not ready. */
  public static final String BACKENDS_NOT_READY = "BackendsNotReady";

  /** Degraded False. */
  public static final String ALL_BACKENDS_READY = "AllBackendsReady";

  /** SpecValid False: no backend has a kind and a weight above 0. */
  public static final String NO_WEIGHTED_BACKEND = "NoWeightedBackend";

  /** SpecValid False: a backend sets both or neither of poolModel and external. */
  public static final String BACKEND_KIND_AMBIGUOUS = "BackendKindAmbiguous";

  /** SpecValid False: the privacy tier does not allow this external endpoint. */
  public static final String EXTERNAL_BACKEND_FORBIDDEN = "ExternalBackendForbidden";

  /** SpecValid False: an external URL is not http(s) with a host. */
  public static final String INVALID_EXTERNAL_URL = "InvalidExternalUrl";

  /** Event: a backend's pool, model, Secret or key does not exist. */
  public static final String EVENT_BACKEND_MISSING = "BackendMissing";

  /** Event: a backend exists but cannot take requests. */
  public static final String EVENT_BACKEND_NOT_READY = "BackendNotReady";

  /** Event: the route turned Ready. */
  public static final String EVENT_READY = "Ready";

  /** Reasons meaning the referenced object is absent, rather than present but not ready. */
  private static final Set<String> MISSING =
      Set.of(POOL_NOT_FOUND, MODEL_NOT_IN_POOL, SECRET_NOT_FOUND, SECRET_KEY_NOT_FOUND);

  private RouteReasons() {}

  /** True when the reason says a referenced pool, model, Secret or key does not exist. */
  public static boolean meansMissing(String reason) {
    return reason != null && MISSING.contains(reason);
  }
}
