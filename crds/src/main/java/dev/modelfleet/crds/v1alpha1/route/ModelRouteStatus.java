package dev.modelfleet.crds.v1alpha1.route;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.ModelFleetStatus;
import java.util.ArrayList;
import java.util.List;

/** The route's backends as resolved, and their readiness. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelRouteStatus extends ModelFleetStatus {

  @JsonPropertyDescription("Backends and fallbacks in the spec.")
  private Integer backendCount;

  @JsonPropertyDescription("Backends and fallbacks ready to take requests.")
  private Integer readyBackends;

  @JsonPropertyDescription("Every backend and fallback, in spec order.")
  private List<ResolvedBackend> backends = new ArrayList<>();

  public Integer getBackendCount() {
    return backendCount;
  }

  public void setBackendCount(Integer backendCount) {
    this.backendCount = backendCount;
  }

  public Integer getReadyBackends() {
    return readyBackends;
  }

  public void setReadyBackends(Integer readyBackends) {
    this.readyBackends = readyBackends;
  }

  public List<ResolvedBackend> getBackends() {
    return backends;
  }

  public void setBackends(List<ResolvedBackend> backends) {
    this.backends = backends == null ? new ArrayList<>() : backends;
  }
}
