package dev.modelfleet.serving;

import dev.modelfleet.crds.v1alpha1.common.Patterns;
import dev.modelfleet.serving.workload.WorkloadRenderer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name of a served model's Deployment, Service and cache claim: {@code <pool>-<model>}, made a
 * valid DNS-1035 label (a Service name must be one).
 */
public final class ServingNames {

  /** Longest DNS-1035 label Kubernetes accepts for a Service name (RFC 1035, section 2.3.4). */
  public static final int MAX_LENGTH = 63;

  /**
   * Hex characters of the SHA-256 kept when a name is shortened: 32 bits, so two long names that
   * share their first {@value #KEPT_PREFIX} characters collide with probability 2^-32.
   */
  static final int HASH_LENGTH = 8;

  /** Characters kept from the long name: the rest of the label after "-" and the hash. */
  static final int KEPT_PREFIX = MAX_LENGTH - 1 - HASH_LENGTH;

  /** Put in front of a name that would start with a digit: DNS-1035 labels start with a letter. */
  static final String LETTER_PREFIX = "m-";

  private static final Pattern DNS_LABEL = Pattern.compile(Patterns.DNS_LABEL);

  private ServingNames() {}

  /**
   * {@code <pool>-<model>}, or, when that is longer than {@value #MAX_LENGTH} characters, its first
   * characters, "-" and a short hash of both names, so the result is stable and unique per pair.
   */
  public static String of(String pool, String model) {
    requireLabel("pool", pool);
    requireLabel("model", model);
    String name = pool + "-" + model;
    if (!Character.isLetter(name.charAt(0))) {
      name = LETTER_PREFIX + name;
    }
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    String kept = name.substring(0, KEPT_PREFIX);
    while (kept.endsWith("-")) {
      kept = kept.substring(0, kept.length() - 1);
    }
    return kept + "-" + shortHash(pool + "/" + model);
  }

  /**
   * The in-cluster address clients use for a served model, whatever its engine: {@code
   * http://<name>.<namespace>.svc:8000}.
   */
  public static String endpoint(String namespace, String pool, String model) {
    requireLabel("namespace", namespace);
    return "http://" + of(pool, model) + "." + namespace + ".svc:" + WorkloadRenderer.SERVICE_PORT;
  }

  /** Rejects a value that is not a DNS label, naming the field. */
  static void requireLabel(String field, String value) {
    if (value == null || value.length() > MAX_LENGTH || !DNS_LABEL.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field
              + ": '"
              + value
              + "' is not a DNS label; use at most 63 lower-case letters, digits and '-',"
              + " starting and ending with a letter or digit");
    }
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
