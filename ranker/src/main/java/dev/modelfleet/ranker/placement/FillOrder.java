package dev.modelfleet.ranker.placement;

import java.util.function.ToDoubleFunction;

/**
 * The orders in which the greedy fill offers (model, option) pairs. No one order wins on every
 * fleet: value alone wastes room on large models when several small ones are worth more, value per
 * resource wastes it the other way, so the solver tries each and keeps the best result.
 */
enum FillOrder {
  /** Highest value first. */
  VALUE(Option::value),
  /** Highest value per GiB of VRAM first: VRAM is the budget that usually binds. */
  VALUE_PER_VRAM(o -> o.value() / (o.gpus() * Math.max(o.vram(), FillOrder.MIN_SIZE_GIB))),
  /** Highest value per GPU first: binds with whole-GPU scheduling. */
  VALUE_PER_GPU(o -> o.value() / o.gpus()),
  /** Highest value per GiB of cache disk first: binds on small node disks. */
  VALUE_PER_DISK(o -> o.value() / Math.max(o.disk(), FillOrder.MIN_SIZE_GIB));

  /** Sizes below 1 GiB count as 1 GiB, so tiny or zero sizes do not divide by zero. */
  static final double MIN_SIZE_GIB = 1;

  private final ToDoubleFunction<Option> key;

  FillOrder(ToDoubleFunction<Option> key) {
    this.key = key;
  }

  /** The key, higher first. */
  double key(Option option) {
    return key.applyAsDouble(option);
  }
}
