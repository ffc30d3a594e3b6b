package dev.modelfleet.operator.registry;

import dev.modelfleet.operator.rbac.OperatorPermissions;
import dev.modelfleet.operator.testing.RealApiServerResource;
import dev.modelfleet.testing.kube.KubeApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.HashMap;
import java.util.Map;

/**
 * The real API server as {@link RealApiServerResource} sets it up, plus the chart's Role in the
 * operator's namespace ({@link OperatorPermissions#OWN_NAMESPACE}), and the operator configured
 * with a user registry ConfigMap and a Hub cache ConfigMap there.
 */
public class RegistryApiServerResource extends RealApiServerResource {
  static final String OPERATOR_NAMESPACE = "modelfleet-system";
  static final String USER_REGISTRY = "model-registry";
  static final String HUB_CACHE = "model-registry-hub-cache";
  private static final String ROLE = "modelfleet-operator-under-test";

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    grantOwnNamespacePermissions(KubeApiServer.shared());
    config.put("modelfleet.registry.namespace", OPERATOR_NAMESPACE);
    config.put("modelfleet.registry.user-registry-configmap", USER_REGISTRY);
    config.put("modelfleet.registry.cache-configmap", HUB_CACHE);
    return config;
  }

  private static void grantOwnNamespacePermissions(KubeApiServer server) {
    server
        .client()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(OPERATOR_NAMESPACE)
                .endMetadata()
                .build())
        .serverSideApply();
    var role =
        new RoleBuilder()
            .withNewMetadata()
            .withName(ROLE)
            .withNamespace(OPERATOR_NAMESPACE)
            .endMetadata()
            .withRules(
                OperatorPermissions.OWN_NAMESPACE.stream()
                    .map(
                        r ->
                            new PolicyRuleBuilder()
                                .withApiGroups(r.apiGroups())
                                .withResources(r.resources())
                                .withVerbs(r.verbs())
                                .build())
                    .toList())
            .build();
    var binding =
        new RoleBindingBuilder()
            .withNewMetadata()
            .withName(ROLE)
            .withNamespace(OPERATOR_NAMESPACE)
            .endMetadata()
            .withNewRoleRef("rbac.authorization.k8s.io", "Role", ROLE)
            .addNewSubject()
            .withApiGroup("rbac.authorization.k8s.io")
            .withKind("User")
            .withName(KubeApiServer.OPERATOR_USER)
            .endSubject()
            .build();
    server.client().resource(role).forceConflicts().serverSideApply();
    server.client().resource(binding).forceConflicts().serverSideApply();
  }
}
