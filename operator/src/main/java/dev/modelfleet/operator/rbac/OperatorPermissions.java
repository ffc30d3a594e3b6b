package dev.modelfleet.operator.rbac;

import java.util.List;

/**
 * Every API permission the operator uses, and why. The Helm chart's RBAC must grant exactly these
 * (a chart test compares them), so a new API call starts here.
 */
public final class OperatorPermissions {

  /** One RBAC rule: API groups, resources and verbs, with the reason it is needed. */
  public record Rule(
      List<String> apiGroups, List<String> resources, List<String> verbs, String why) {}

  /** Rules granted cluster-wide (ClusterRole). */
  public static final List<Rule> CLUSTER =
      List.of(
          new Rule(
              List.of(""),
              List.of("nodes"),
              List.of("list", "watch"),
              "hardware detection reads GPU Feature Discovery labels and capacity"),
          new Rule(
              List.of("modelfleet.dev"),
              List.of("hardwareprofiles"),
              List.of("get", "list", "watch", "create", "update", "delete"),
              "detection keeps one profile per node class and deletes empty ones"),
          new Rule(
              List.of("modelfleet.dev"),
              List.of("hardwareprofiles/status"),
              List.of("update"),
              "matched nodes, totals and conditions"),
          new Rule(
              List.of(""),
              List.of("events"),
              List.of("create"),
              "user-visible failures and warnings become Events"),
          new Rule(
              List.of("modelfleet.dev"),
              List.of("modelpools"),
              List.of("get", "list", "watch", "patch", "update"),
              "the pool controller reads pools and keeps its finalizer; a trained adapter is added to a pool"),
          new Rule(
              List.of("modelfleet.dev"),
              List.of("modelpools/status"),
              List.of("patch", "update"),
              "per-model phases, placement, totals and conditions"),
          new Rule(
              List.of("modelfleet.dev"),
              List.of("modelpools/finalizers"),
              List.of("update"),
              "owner references that block the pool's deletion until its engines are gone"),
          new Rule(
              List.of("apps"),
              List.of("deployments"),
              List.of("get", "list", "watch", "create", "update", "patch", "delete"),
              "one engine Deployment per placed model, restored on drift, deleted on eviction"),
          new Rule(
              List.of(""),
              List.of("services", "persistentvolumeclaims"),
              List.of("get", "list", "watch", "create", "update", "patch", "delete"),
              "each engine's Service and model-cache claim"),
          new Rule(
              List.of("modelfleet.dev"),
              List.of("modelroutes"),
              List.of("get", "list", "watch"),
              "the route controller reads routes and resolves their backends"),
          new Rule(
              List.of("modelfleet.dev"),
              List.of("modelroutes/status"),
              List.of("patch", "update"),
              "resolved backends, their readiness and the route's conditions"),
          new Rule(
              List.of(""),
              List.of("secrets"),
              List.of("get"),
              "routes check an external backend's api key secret (get only, never list or watch)"),
          new Rule(
              List.of("modelfleet.dev"),
              List.of("evalruns"),
              List.of("get", "list", "watch", "create"),
              "EvalRuns are run as Jobs; an AdapterRun's evaluateAfter creates one"),
          new Rule(
              List.of("modelfleet.dev"),
              List.of("evalruns/status"),
              List.of("update"),
              "an EvalRun's Job, phase, results and conditions"),
          new Rule(
              List.of("modelfleet.dev"),
              List.of("adapterruns"),
              List.of("get", "list", "watch"),
              "AdapterRuns are run as training Jobs"),
          new Rule(
              List.of("modelfleet.dev"),
              List.of("adapterruns/status"),
              List.of("update"),
              "an AdapterRun's Job, phase, loss, artifact and conditions"),
          new Rule(
              List.of("batch"),
              List.of("jobs"),
              List.of("get", "list", "watch", "create"),
              "EvalRun and AdapterRun Jobs are created once and followed to completion"),
          new Rule(
              List.of(""),
              List.of("pods"),
              List.of("list", "watch"),
              "run results are read from the termination messages of the runs' Pods"),
          new Rule(
              List.of(""),
              List.of("pods/log"),
              List.of("get"),
              "an eval report too large for its termination message is read from the runner's log"),
          new Rule(
              List.of(""),
              List.of("configmaps"),
              List.of("get", "create", "update"),
              "a large eval report is kept whole in a <run>-results configmap in the run's namespace"
                  + " (replaced for a later generation),"
                  + " written by the operator in any namespace so runner pods need no api access"));

  /** Rules granted in the operator's own namespace (Role). */
  public static final List<Rule> OWN_NAMESPACE =
      List.of(
          new Rule(
              List.of("coordination.k8s.io"),
              List.of("leases"),
              List.of("get", "create", "update"),
              "leader election between operator replicas"),
          new Rule(
              List.of(""),
              List.of("configmaps"),
              List.of("get", "create", "update"),
              "the model registry reads the user registry and keeps its hub cache in configmaps"),
          new Rule(
              List.of(""),
              List.of("secrets"),
              List.of("get"),
              "the model registry reads its hugging face hub token from a secret"));

  private OperatorPermissions() {}
}
