package dev.modelfleet.serving.workload;

/**
 * The user an engine container runs as.
 *
 * @param user the uid, or null to keep the image's own user (root for the engine images that are
 *     not built to run under another uid)
 * @param group the primary gid and the pod's fsGroup, so the cache volume is writable; null with a
 *     null user
 */
public record RunAs(Long user, Long group) {

  /** The image's own user, which is root for the vLLM and SGLang images. */
  public static final RunAs IMAGE_USER = new RunAs(null, null);

  /** A fixed non-root uid and gid. */
  public static RunAs nonRoot(long user, long group) {
    if (user == 0) {
      throw new IllegalArgumentException("user: 0 is root; pick a non-zero uid");
    }
    return new RunAs(user, group);
  }

  /** Whether the pod enforces runAsNonRoot. */
  public boolean nonRoot() {
    return user != null;
  }
}
