package dev.modelfleet.testing.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a test against the shared real API server. Skips visibly when the binaries are absent,
 * except on CI ({@code CI=true}) where their absence fails the test.
 */
public class KubeApiServerExtension implements ExecutionCondition, ParameterResolver {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (KubeBinaries.locate().isPresent()) {
      return ConditionEvaluationResult.enabled("real kube-apiserver binaries found");
    }
    if (KubeBinaries.requiredByCi()) {
      throw new ExtensionConfigurationException(
          "CI=true but the kube-apiserver test binaries are missing. " + KubeBinaries.HOW_TO_GET);
    }
    String reason =
        "SKIPPED: needs a real kube-apiserver, etcd and kube-controller-manager. "
            + KubeBinaries.HOW_TO_GET;
    System.err.println("[kube-test-server] " + context.getDisplayName() + ": " + reason);
    return ConditionEvaluationResult.disabled(reason);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubeApiServer.class || type == KubernetesClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    KubeApiServer server = KubeApiServer.shared();
    return parameter.getParameter().getType() == KubeApiServer.class ? server : server.client();
  }
}
