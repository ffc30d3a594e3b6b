package dev.modelfleet.operator.testing;

import dev.modelfleet.operator.rbac.OperatorPermissions;
import dev.modelfleet.testing.kube.KubeApiServer;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the operator under test at the shared real API server, authenticated as an unprivileged
 * user holding exactly {@link OperatorPermissions}: a reconciler that needs a permission the Helm
 * chart does not grant fails here.
 */
public class RealApiServerResource implements QuarkusTestResourceLifecycleManager {
  static final String ROLE = "modelfleet-operator-under-test";

  @Override
  public Map<String, String> start() {
    KubeApiServer server = KubeApiServer.shared();
    grantOperatorPermissions(server);
    server.fabric8SystemPropertiesAsOperator().forEach(System::setProperty);
    return Map.of();
  }

  private static void grantOperatorPermissions(KubeApiServer server) {
    var role =
        new ClusterRoleBuilder()
            .withNewMetadata()
            .withName(ROLE)
            .endMetadata()
            .withRules(
                OperatorPermissions.CLUSTER.stream()
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
        new ClusterRoleBindingBuilder()
            .withNewMetadata()
            .withName(ROLE)
            .endMetadata()
            .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", ROLE)
            .addNewSubject()
            .withApiGroup("rbac.authorization.k8s.io")
            .withKind("User")
            .withName(KubeApiServer.OPERATOR_USER)
            .endSubject()
            .build();
    server.client().resource(role).forceConflicts().serverSideApply();
    server.client().resource(binding).forceConflicts().serverSideApply();
  }

  @Override
  public void stop() {
    // The server is shared by the whole test JVM and stops at exit.
  }
}
