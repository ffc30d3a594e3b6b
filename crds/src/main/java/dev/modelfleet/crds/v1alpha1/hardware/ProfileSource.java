package dev.modelfleet.crds.v1alpha1.hardware;

/** Who wrote a HardwareProfile's spec. */
public enum ProfileSource {
  Detected,
  Override
}
