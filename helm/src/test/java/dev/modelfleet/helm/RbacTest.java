package dev.modelfleet.helm;

import static dev.modelfleet.helm.RenderedChart.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.operator.rbac.OperatorPermissions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The chart grants exactly {@link OperatorPermissions}: nothing missing, nothing extra. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RbacTest {

  /** One rule with order-insensitive groups, resources and verbs. */
  record Grant(Set<String> apiGroups, Set<String> resources, Set<String> verbs) {
    static Grant of(
        Collection<String> apiGroups, Collection<String> resources, Collection<String> verbs) {
      return new Grant(new TreeSet<>(apiGroups), new TreeSet<>(resources), new TreeSet<>(verbs));
    }
  }

  private final RenderedChart chart = RenderedChart.render();
  private final ClusterRole clusterRole = chart.one(ClusterRole.class, OPERATOR);
  private final Role role = chart.one(Role.class, OPERATOR);

  @Test
  void clusterRoleEqualsClusterPermissions() {
    assertThat(grants(clusterRole.getRules()))
        .as("ClusterRole rules vs OperatorPermissions.CLUSTER")
        .isEqualTo(expected(OperatorPermissions.CLUSTER));
    assertThat(clusterRole.getAggregationRule()).isNull();
  }

  @Test
  void roleEqualsOwnNamespacePermissionsInTheReleaseNamespace() {
    assertThat(grants(role.getRules()))
        .as("Role rules vs OperatorPermissions.OWN_NAMESPACE")
        .isEqualTo(expected(OperatorPermissions.OWN_NAMESPACE));
    assertThat(role.getMetadata().getNamespace()).isEqualTo(RenderedChart.NAMESPACE);
  }

  @Test
  void noRuleUsesWildcardsNamesOrNonResourceUrls() {
    List<PolicyRule> rules =
        Stream.concat(clusterRole.getRules().stream(), role.getRules().stream()).toList();

    assertThat(rules)
        .allSatisfy(
            rule -> {
              assertThat(rule.getApiGroups()).doesNotContain("*");
              assertThat(rule.getResources()).noneMatch(r -> r.contains("*"));
              assertThat(rule.getVerbs()).doesNotContain("*");
              assertThat(rule.getResourceNames()).isEmpty();
              assertThat(rule.getNonResourceURLs()).isEmpty();
            });
  }

  @Test
  void eachRuleExplainsWhyInAComment() {
    String clusterRoleYaml = chart.documentOf(clusterRole).toLowerCase();
    String roleYaml = chart.documentOf(role).toLowerCase();

    assertThat(OperatorPermissions.CLUSTER)
        .allSatisfy(rule -> assertThat(clusterRoleYaml).contains("# " + rule.why().toLowerCase()));
    assertThat(OperatorPermissions.OWN_NAMESPACE)
        .allSatisfy(rule -> assertThat(roleYaml).contains("# " + rule.why().toLowerCase()));
  }

  @Test
  void bindingsGrantTheRolesToTheChartServiceAccount() {
    ServiceAccount account = chart.one(ServiceAccount.class, OPERATOR);
    Subject operator =
        new Subject(
            null,
            "ServiceAccount",
            account.getMetadata().getName(),
            account.getMetadata().getNamespace());

    ClusterRoleBinding clusterBinding = chart.one(ClusterRoleBinding.class, OPERATOR);
    assertThat(clusterBinding.getSubjects()).containsExactly(operator);
    assertThat(clusterBinding.getRoleRef())
        .isEqualTo(
            new RoleRef(
                "rbac.authorization.k8s.io", "ClusterRole", clusterRole.getMetadata().getName()));

    RoleBinding binding = chart.one(RoleBinding.class, OPERATOR);
    assertThat(binding.getMetadata().getNamespace()).isEqualTo(RenderedChart.NAMESPACE);
    assertThat(binding.getSubjects()).containsExactly(operator);
    assertThat(binding.getRoleRef())
        .isEqualTo(new RoleRef("rbac.authorization.k8s.io", "Role", role.getMetadata().getName()));
  }

  @Test
  void bindingsFollowAnExistingServiceAccount() {
    RenderedChart custom =
        RenderedChart.render(
            RenderedChart.values(
                "serviceAccount.create", false, "serviceAccount.name", "platform-operator"));

    assertThat(custom.all(ServiceAccount.class, OPERATOR)).isEmpty();
    assertThat(custom.one(ClusterRoleBinding.class, OPERATOR).getSubjects())
        .extracting(Subject::getName)
        .containsExactly("platform-operator");
    assertThat(custom.one(RoleBinding.class, OPERATOR).getSubjects())
        .extracting(Subject::getName)
        .containsExactly("platform-operator");
  }

  @Test
  void rbacCanBeLeftToTheClusterAdmin() {
    RenderedChart custom = RenderedChart.render(RenderedChart.values("rbac.create", false));

    assertThat(custom.objects)
        .extracting(HasMetadata::getKind)
        .doesNotContain("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");
  }

  @Test
  void anExistingServiceAccountMustBeNamed() {
    assertThat(RenderedChart.renderError(RenderedChart.values("serviceAccount.create", false)))
        .contains("serviceAccount.name is required");
  }

  private static Set<Grant> grants(List<PolicyRule> rules) {
    return rules.stream()
        .map(r -> Grant.of(r.getApiGroups(), r.getResources(), r.getVerbs()))
        .collect(Collectors.toSet());
  }

  private static Set<Grant> expected(List<OperatorPermissions.Rule> rules) {
    assertThat(rules).as("OperatorPermissions lists no rule twice").doesNotHaveDuplicates();
    return rules.stream()
        .map(r -> Grant.of(r.apiGroups(), r.resources(), r.verbs()))
        .collect(Collectors.toSet());
  }
}
