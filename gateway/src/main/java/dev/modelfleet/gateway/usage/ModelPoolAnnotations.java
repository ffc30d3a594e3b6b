package dev.modelfleet.gateway.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import jakarta.inject.Singleton;
import java.util.Map;

/** Writes ModelPool annotations with a JSON merge patch, leaving every other field alone. */
@Singleton
public class ModelPoolAnnotations implements PoolAnnotationWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;

  /** A writer through the given client. */
  public ModelPoolAnnotations(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public void annotate(String namespace, String pool, Map<String, String> annotations) {
    String patch;
    try {
      patch = JSON.writeValueAsString(Map.of("metadata", Map.of("annotations", annotations)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("annotations cannot be written as JSON", e);
    }
    client
        .resources(ModelPool.class)
        .inNamespace(namespace)
        .withName(pool)
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }
}
