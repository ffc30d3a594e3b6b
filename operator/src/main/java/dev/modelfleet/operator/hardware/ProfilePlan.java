package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfileSpec;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfileStatus;
import java.util.List;
import java.util.Map;

/**
 * What the fleet's HardwareProfiles should be: the detected ones (spec and status), the status of
 * each person's override, and the detected profiles left without nodes.
 */
public record ProfilePlan(
    List<Detected> detected, Map<String, HardwareProfileStatus> overrides, List<String> deletions) {

  /** A detected profile as it should be; status conditions carry no timestamps yet. */
  public record Detected(String name, HardwareProfileSpec spec, HardwareProfileStatus status) {}
}
