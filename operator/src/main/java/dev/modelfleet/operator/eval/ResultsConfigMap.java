package dev.modelfleet.operator.eval;

import dev.modelfleet.crds.v1alpha1.eval.EvalRun;
import dev.modelfleet.serving.jobs.RunReport;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An EvalRun's whole report, when its status holds only part of it: ConfigMap {@code
 * <run>-results}, key {@value #KEY}, owned by the run so it goes with it. It is written once per
 * content: an existing one with the same content is left alone, one from an earlier generation of
 * the run is replaced, and one the run does not own is never touched.
 */
final class ResultsConfigMap {
  /** The key holding the JSON. */
  static final String KEY = "results.json";

  private static final String SUFFIX = "-results";

  private ResultsConfigMap() {}

  /** {@code <run>-results}. */
  static String name(EvalRun run) {
    return run.getMetadata().getName() + SUFFIX;
  }

  /** The report as readable JSON: provenance, then every figure as in {@code status.results}. */
  static String json(KubernetesClient client, RunReport report) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("runnerVersion", report.runnerVersion());
    doc.put("servedModel", report.servedModel());
    doc.put("datasetHash", report.datasetHash());
    doc.put("results", EvalResults.of(report));
    return client.getKubernetesSerialization().asJson(doc);
  }

  /**
   * Writes the report for the run, labelled like its Job; returns the ConfigMap's name. Fails with
   * an {@link IllegalStateException} naming the fix when a ConfigMap of that name is not the run's.
   */
  static String write(
      KubernetesClient client, EvalRun run, Map<String, String> labels, RunReport report) {
    String namespace = run.getMetadata().getNamespace();
    String name = name(run);
    Map<String, String> data = Map.of(KEY, json(client, report));
    ConfigMap desired =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(labels)
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(run.getApiVersion())
                    .withKind(run.getKind())
                    .withName(run.getMetadata().getName())
                    .withUid(run.getMetadata().getUid())
                    .withController(true)
                    .build())
            .endMetadata()
            .withData(data)
            .build();
    ConfigMap existing = client.configMaps().inNamespace(namespace).withName(name).get();
    if (existing == null) {
      try {
        client.resource(desired).create();
        return name;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        existing = client.configMaps().inNamespace(namespace).withName(name).get();
      }
    }
    if (existing == null) {
      throw new IllegalStateException(
          "ConfigMap " + name + " was deleted while it was being written; re-run to write it");
    }
    if (Objects.equals(existing.getData(), data)) {
      return name;
    }
    if (!ownedBy(existing, run)) {
      throw new IllegalStateException(
          "ConfigMap "
              + name
              + " exists and is not this run's: rename or delete it, then re-run by changing"
              + " the spec");
    }
    existing.setData(data);
    existing.getMetadata().setLabels(labels);
    client.resource(existing).update(); // an earlier generation's report
    return name;
  }

  private static boolean ownedBy(ConfigMap configMap, EvalRun run) {
    return configMap.getMetadata().getOwnerReferences() != null
        && configMap.getMetadata().getOwnerReferences().stream()
            .anyMatch(o -> Objects.equals(o.getUid(), run.getMetadata().getUid()));
  }
}
