package dev.modelfleet.ranker.placement;

/**
 * A model that got fewer replicas than it wants.
 *
 * @param model the model
 * @param placedReplicas replicas in the plan
 * @param wantedReplicas replicas wanted
 * @param reason CamelCase: {@link #NO_HARDWARE}, {@link #INSUFFICIENT_VRAM}, {@link
 *     #INSUFFICIENT_DISK} or {@link #INSUFFICIENT_GPUS}
 * @param message what it needs and the closest the nodes come
 */
public record UnplacedModel(
    String model, int placedReplicas, int wantedReplicas, String reason, String message) {

  /** It has no option, or no node of any profile it has an option for. */
  public static final String NO_HARDWARE = "NoHardware";

  /** Some node has enough GPUs free to take it, but none with enough VRAM on each. */
  public static final String INSUFFICIENT_VRAM = "InsufficientVram";

  /** Some node has the GPUs and VRAM, but none the model-cache disk. */
  public static final String INSUFFICIENT_DISK = "InsufficientDisk";

  /** No node of its profiles has enough GPUs that may still take a replica. */
  public static final String INSUFFICIENT_GPUS = "InsufficientGpus";
}
