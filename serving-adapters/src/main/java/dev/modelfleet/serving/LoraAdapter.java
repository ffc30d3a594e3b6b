package dev.modelfleet.serving;

import dev.modelfleet.crds.v1alpha1.common.Patterns;
import java.util.regex.Pattern;

/**
 * A LoRA adapter served on top of a model.
 *
 * @param name the name clients address it by (vLLM's --lora-modules name), a DNS label
 * @param huggingFaceRepo Hugging Face repo id the engine downloads it from; or null
 * @param path absolute path inside the engine container where the adapter already lies; or null
 * @param rank LoRA rank, 1 to {@value #MAX_RANK}; null when not known
 * @param volume the PersistentVolumeClaim holding the adapter, mounted read-only at {@code path};
 *     null when the adapter comes from the Hub or is already in the image
 */
public record LoraAdapter(
    String name, String huggingFaceRepo, String path, Integer rank, AdapterVolume volume) {

  /** Where adapters kept on volumes are mounted in the engine, one directory per adapter. */
  public static final String VOLUME_MOUNT_ROOT = "/adapters";

  /**
   * A claim holding an adapter's files.
   *
   * @param claimName the PersistentVolumeClaim in the pool's namespace
   * @param subPath the adapter's directory inside the claim; empty for the claim's root
   */
  public record AdapterVolume(String claimName, String subPath) {}

  /** An adapter from the Hub or already at {@code path} in the container. */
  public LoraAdapter(String name, String huggingFaceRepo, String path, Integer rank) {
    this(name, huggingFaceRepo, path, rank, null);
  }

  /** Largest rank an engine accepts: vLLM's largest --max-lora-rank choice, and the CRD's bound. */
  public static final int MAX_RANK = 512;

  /** Longest adapter name: a DNS label (RFC 1123), as the CRD's ServedAdapter.name. */
  private static final int MAX_NAME = 63;

  private static final Pattern NAME = Pattern.compile(Patterns.DNS_LABEL);
  private static final Pattern REPO = Pattern.compile(Patterns.HF_REPO_ID);

  /** Checks every field, naming it and the fix. */
  public LoraAdapter {
    if (name == null || name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "adapters[].name: '"
              + name
              + "' is not a DNS label; use at most 63 lower-case letters, digits and '-'");
    }
    if ((huggingFaceRepo == null) == (path == null)) {
      throw new IllegalArgumentException(
          "adapters[" + name + "]: set exactly one of huggingFaceRepo or path");
    }
    if (huggingFaceRepo != null && !REPO.matcher(huggingFaceRepo).matches()) {
      throw new IllegalArgumentException(
          "adapters["
              + name
              + "].huggingFaceRepo: '"
              + huggingFaceRepo
              + "' is not a Hugging Face repo id; write it as org/name");
    }
    if (path != null && (!path.startsWith("/") || path.contains("..") || path.isBlank())) {
      throw new IllegalArgumentException(
          "adapters["
              + name
              + "].path: '"
              + path
              + "' must be an absolute path inside the engine container without '..'");
    }
    if (volume != null
        && (volume.claimName() == null
            || !NAME.matcher(volume.claimName()).matches()
            || (volume.subPath() != null && volume.subPath().contains("..")))) {
      throw new IllegalArgumentException(
          "adapters["
              + name
              + "].volume: claimName must name a PersistentVolumeClaim and subPath must not"
              + " contain '..'");
    }
    if (rank != null && (rank < 1 || rank > MAX_RANK)) {
      throw new IllegalArgumentException(
          "adapters[" + name + "].rank: " + rank + " is outside 1.." + MAX_RANK);
    }
  }

  /** A LoRA adapter downloaded from the Hugging Face Hub. */
  public static LoraAdapter fromHuggingFace(String name, String repo, Integer rank) {
    return new LoraAdapter(name, repo, null, rank);
  }

  /** A LoRA adapter already present at {@code path} inside the engine container. */
  public static LoraAdapter fromPath(String name, String path, Integer rank) {
    return new LoraAdapter(name, null, path, rank);
  }

  /**
   * An adapter kept on a PersistentVolumeClaim (e.g. written by an AdapterRun): the claim is
   * mounted read-only at {@code /adapters/<name>} and the engine loads it from there.
   */
  public static LoraAdapter fromVolume(
      String name, String claimName, String subPath, Integer rank) {
    return new LoraAdapter(
        name,
        null,
        VOLUME_MOUNT_ROOT + "/" + name,
        rank,
        new AdapterVolume(claimName, subPath == null ? "" : subPath));
  }

  /** The name of the pod volume that mounts this adapter's claim. */
  public String volumeName() {
    return "adapter-" + name;
  }

  /** Where the engine loads it from: the repo id or the path. */
  public String source() {
    return huggingFaceRepo != null ? huggingFaceRepo : path;
  }
}
