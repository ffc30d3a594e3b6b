package dev.modelfleet.ranker.estimate;

/** Byte units the estimators use: binary for memory sizes, decimal for bandwidth. */
final class Units {
  static final double KIB = 1024.0;
  static final double MIB = 1024.0 * 1024;
  static final double GIB = 1024.0 * 1024 * 1024;

  /** GB as in GB/s: memory bandwidth is quoted in decimal units. */
  static final double GB = 1e9;

  private Units() {}
}
