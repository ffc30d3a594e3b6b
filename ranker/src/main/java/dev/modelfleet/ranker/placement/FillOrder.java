package dev.modelfleet.ranker.placement;

/**
 * The orders in which the greedy fill offers (model, option) pairs. No one order wins on every
 * fleet: value alone wastes room on large models when several small ones are worth more, value per
 * resource wastes it the other way, so the solver tries each and keeps the best result.
 */
enum FillOrder {
  /** Highest value first. */
  VALUE,
  /** Highest value per GiB of VRAM first: VRAM is the budget that usually binds. */
  VALUE_PER_VRAM,
  /** Highest value per GPU first: binds with whole-GPU scheduling. */
  VALUE_PER_GPU,
  /**
   * Highest value of all wanted replicas per GiB of cache disk first: binds on small node disks,
   * where a model whose replicas share one cache is worth more per GiB than its single replica.
   */
  VALUE_PER_DISK;

  /** Sizes below 1 GiB count as 1 GiB, so tiny or zero sizes do not divide by zero. */
  static final double MIN_SIZE_GIB = 1;

  /** The key of {@code option} of {@code model}, higher first. */
  double key(Model model, Option option) {
    return switch (this) {
      case VALUE -> option.value();
      case VALUE_PER_VRAM ->
          option.value() / (option.gpus() * Math.max(option.vram(), MIN_SIZE_GIB));
      case VALUE_PER_GPU -> option.value() / option.gpus();
      case VALUE_PER_DISK ->
          option.value() * Math.max(model.wanted(), 1) / Math.max(option.disk(), MIN_SIZE_GIB);
    };
  }
}
