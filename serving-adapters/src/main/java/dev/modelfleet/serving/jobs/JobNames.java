package dev.modelfleet.serving.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of run Jobs: the run's name, its kind and the spec generation, so a spec change starts a
 * new Job and never reuses the old one's results.
 */
public final class JobNames {
  /**
   * The Job controller copies the Job's name into the {@code job-name} label of its Pods, and label
   * values are at most 63 characters.
   */
  public static final int MAX_LENGTH = 63;

  /** Hex characters of the run name's hash kept when a name must be shortened. */
  static final int HASH_CHARS = 8;

  private JobNames() {}

  /** e.g. {@code llama-8b-latency-eval-g3}. */
  public static String of(String runName, String kind, long generation) {
    String suffix = "-" + kind + "-g" + generation;
    if (runName.length() + suffix.length() <= MAX_LENGTH) {
      return runName + suffix;
    }
    String hash = sha256(runName).substring(0, HASH_CHARS);
    int keep = MAX_LENGTH - suffix.length() - HASH_CHARS - 1;
    String prefix = runName.substring(0, keep).replaceAll("[-.]+$", "");
    return prefix + "-" + hash + suffix;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
