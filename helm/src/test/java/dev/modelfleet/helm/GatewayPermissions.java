package dev.modelfleet.helm;

import dev.modelfleet.helm.RbacTest.Grant;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The gateway's RBAC, as docs/install.md documents it; the chart must grant exactly this. */
final class GatewayPermissions {

  /** Always cluster-wide: HardwareProfiles are cluster-scoped. */
  static final Set<Grant> CLUSTER_SCOPED =
      Set.of(
          Grant.of(
              List.of("modelfleet.dev"),
              List.of("hardwareprofiles"),
              List.of("get", "list", "watch")));

  /** Cluster-wide by default, or a Role in each of gateway.namespaces. */
  static final Set<Grant> NAMESPACED =
      Set.of(
          Grant.of(
              List.of("modelfleet.dev"), List.of("modelroutes"), List.of("get", "list", "watch")),
          Grant.of(
              List.of("modelfleet.dev"),
              List.of("modelpools"),
              List.of("get", "list", "watch", "patch")),
          Grant.of(List.of(""), List.of("secrets"), List.of("get", "list", "watch")),
          Grant.of(List.of(""), List.of("endpoints"), List.of("get", "list", "watch")));

  /** Everything, as granted when the gateway serves all namespaces. */
  static final Set<Grant> ALL = union(CLUSTER_SCOPED, NAMESPACED);

  private GatewayPermissions() {}

  static Set<Grant> grants(List<PolicyRule> rules) {
    return rules.stream()
        .map(r -> Grant.of(r.getApiGroups(), r.getResources(), r.getVerbs()))
        .collect(Collectors.toSet());
  }

  private static Set<Grant> union(Set<Grant> a, Set<Grant> b) {
    Set<Grant> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
