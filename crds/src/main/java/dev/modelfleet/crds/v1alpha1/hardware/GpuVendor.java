package dev.modelfleet.crds.v1alpha1.hardware;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who made a node's GPUs; {@code none} for CPU-only nodes. */
public enum GpuVendor {
  @JsonProperty("nvidia")
  NVIDIA,
  @JsonProperty("amd")
  AMD,
  @JsonProperty("none")
  NONE
}
