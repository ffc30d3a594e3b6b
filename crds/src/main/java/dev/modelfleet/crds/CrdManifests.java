package dev.modelfleet.crds;

import java.util.List;

/** Where the generated CRD YAML of each ModelFleet kind sits on the classpath. */
public final class CrdManifests {
  /** The plural names of every ModelFleet kind, in install order. */
  public static final List<String> PLURALS =
      List.of("hardwareprofiles", "modelpools", "modelroutes", "evalruns", "adapterruns");

  private CrdManifests() {}

  /**
   * Classpath resource paths of the CRDs, e.g. META-INF/fabric8/modelpools.modelfleet.dev-v1.yml.
   */
  public static List<String> resources() {
    return PLURALS.stream().map(p -> "META-INF/fabric8/" + p + ".modelfleet.dev-v1.yml").toList();
  }
}
