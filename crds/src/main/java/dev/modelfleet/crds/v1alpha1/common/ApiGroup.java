package dev.modelfleet.crds.v1alpha1.common;

/** The API group and version of every ModelFleet resource, and the labels they share. */
public final class ApiGroup {
  public static final String GROUP = "modelfleet.dev";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** Printer column jsonPath for the Ready condition's status. */
  public static final String READY_JSON_PATH = ".status.conditions[?(@.type==\"Ready\")].status";

  private ApiGroup() {}
}
