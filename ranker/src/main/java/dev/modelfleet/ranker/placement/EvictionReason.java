package dev.modelfleet.ranker.placement;

/** Which key of the eviction order decided that a replica was the one to evict. */
public enum EvictionReason {
  /** Its value (score x priority) was lower. */
  LOWEST_SCORE("LowestScore"),
  /** Values tied and it served its last request earlier (never counts as earliest). */
  LEAST_RECENTLY_USED("LeastRecentlyUsed"),
  /** Values and last use tied and it was installed earlier. */
  OLDEST("Oldest");

  private final String statusReason;

  EvictionReason(String statusReason) {
    this.statusReason = statusReason;
  }

  /** The CamelCase reason for a Kubernetes condition or Event, e.g. {@code LowestScore}. */
  public String statusReason() {
    return statusReason;
  }
}
