package dev.modelfleet.operator.hardware;

/** Why a profile's GPU facts are incomplete: the Warning condition's reason and message. */
record ProfileWarning(String reason, String message) {
  static final String UNKNOWN_GPU = "UnknownGPUProduct";
  static final String NO_PRODUCT_LABEL = "NoProductLabel";
  static final String NO_MEMORY_LABEL = "MissingGPUMemory";
}
