package dev.modelfleet.crds.v1alpha1.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** What an EvalRun measures: exactly one of a pool model or a route. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.poolModel) != has(self.route)",
    message = "target must set exactly one of poolModel or route")
public class EvalTarget {

  @JsonPropertyDescription(
      "A model (or one of its adapters) of a ModelPool, called through its own" + " Service.")
  private ServedModelRef poolModel;

  @Size(max = 253)
  @Pattern(Patterns.DNS_SUBDOMAIN)
  @JsonPropertyDescription(
      "A ModelRoute in the same namespace, called through the gateway as clients" + " would.")
  private String route;

  public ServedModelRef getPoolModel() {
    return poolModel;
  }

  public void setPoolModel(ServedModelRef poolModel) {
    this.poolModel = poolModel;
  }

  public String getRoute() {
    return route;
  }

  public void setRoute(String route) {
    this.route = route;
  }
}
