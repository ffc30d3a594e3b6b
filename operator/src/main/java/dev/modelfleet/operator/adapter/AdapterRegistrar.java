package dev.modelfleet.operator.adapter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.modelfleet.crds.v1alpha1.adapter.AdapterRun;
import dev.modelfleet.crds.v1alpha1.adapter.AdapterRunSpec;
import dev.modelfleet.crds.v1alpha1.common.VolumePath;
import dev.modelfleet.crds.v1alpha1.pool.AdapterSource;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.crds.v1alpha1.pool.ServedAdapter;
import dev.modelfleet.operator.events.EventRecorder;
import dev.modelfleet.operator.runs.RunProblem;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Registers a trained adapter with its pool: the one place the operator writes another resource's
 * spec. It adds a ServedAdapter (source: the AdapterRun's output volume) to the pool model's {@code
 * spec.models[].adapters} with a JSON patch guarded by the pool's resourceVersion, so a concurrent
 * edit is never overwritten; an adapter already there with the same source counts as registered,
 * one with the same name and another source is left alone and reported. Both the AdapterRun and the
 * pool get an Event saying what was added.
 */
@ApplicationScoped
public class AdapterRegistrar {
  private final KubernetesClient client;
  private final EventRecorder events;

  public AdapterRegistrar(KubernetesClient client, EventRecorder events) {
    this.client = client;
    this.events = events;
  }

  /** Registers the adapter; returns {@code pool/model/adapter}. */
  String register(AdapterRun run) {
    try {
      return registerOnce(run);
    } catch (KubernetesClientException e) {
      // 409/422: the pool changed since it was read (the resourceVersion test failed): once more.
      if (e.getCode() != 409 && e.getCode() != 422) {
        throw e;
      }
      return registerOnce(run);
    }
  }

  private String registerOnce(AdapterRun run) {
    AdapterRunSpec spec = run.getSpec();
    String namespace = run.getMetadata().getNamespace();
    String poolName = spec.getRegisterInto().getPool();
    String modelName = modelName(spec);
    String adapterName = spec.getRegisterInto().getAdapterName();
    String served = poolName + "/" + modelName + "/" + adapterName;
    ModelPool pool =
        client.resources(ModelPool.class).inNamespace(namespace).withName(poolName).get();
    if (pool == null) {
      throw new RunProblem(
          "RegistrationFailed",
          "registerInto.pool " + poolName + " does not exist in namespace " + namespace);
    }
    List<PoolModel> models = pool.getSpec().getModels();
    int index = -1;
    for (int i = 0; i < models.size(); i++) {
      if (modelName.equals(models.get(i).getName())) {
        index = i;
      }
    }
    if (index < 0) {
      throw new RunProblem(
          "RegistrationFailed",
          "ModelPool " + poolName + " has no model " + modelName + " to serve the adapter on");
    }
    List<ServedAdapter> adapters = new ArrayList<>(models.get(index).getAdapters());
    for (ServedAdapter existing : adapters) {
      if (adapterName.equals(existing.getName())) {
        if (sameVolume(existing.getSource(), spec.getOutput())) {
          return served; // registered before
        }
        throw new RunProblem(
            "RegistrationConflict",
            "model "
                + modelName
                + " of ModelPool "
                + poolName
                + " already serves an adapter named "
                + adapterName
                + " from another source: choose another registerInto.adapterName");
      }
    }
    adapters.add(adapter(spec));
    ArrayNode patch = JsonNodeFactory.instance.arrayNode();
    patch
        .addObject()
        .put("op", "test")
        .put("path", "/metadata/resourceVersion")
        .put("value", pool.getMetadata().getResourceVersion());
    patch
        .addObject()
        .put("op", "add")
        .put("path", "/spec/models/" + index + "/adapters")
        .set("value", client.getKubernetesSerialization().convertValue(adapters, ArrayNode.class));
    client
        .resources(ModelPool.class)
        .inNamespace(namespace)
        .withName(poolName)
        .patch(PatchContext.of(PatchType.JSON), patch.toString());
    String message =
        "AdapterRun "
            + run.getMetadata().getName()
            + " added adapter "
            + adapterName
            + " (volume "
            + spec.getOutput().getClaimName()
            + ", path "
            + spec.getOutput().getPath()
            + ") to spec.models["
            + modelName
            + "].adapters of ModelPool "
            + poolName
            + ".";
    events.normal(run, "AdapterRegistered", message);
    events.normal(pool, "AdapterRegistered", message);
    return served;
  }

  static String modelName(AdapterRunSpec spec) {
    return spec.getRegisterInto().getModel() != null
        ? spec.getRegisterInto().getModel()
        : spec.getBaseModel().getPoolModel().getModel();
  }

  private static ServedAdapter adapter(AdapterRunSpec spec) {
    VolumePath volume = new VolumePath();
    volume.setClaimName(spec.getOutput().getClaimName());
    volume.setPath(spec.getOutput().getPath());
    AdapterSource source = new AdapterSource();
    source.setVolume(volume);
    ServedAdapter adapter = new ServedAdapter();
    adapter.setName(spec.getRegisterInto().getAdapterName());
    adapter.setSource(source);
    adapter.setRank(spec.getHyperparameters().getRank());
    return adapter;
  }

  private static boolean sameVolume(AdapterSource source, VolumePath output) {
    return source != null
        && source.getVolume() != null
        && Objects.equals(source.getVolume().getClaimName(), output.getClaimName())
        && Objects.equals(stripSlash(source.getVolume().getPath()), stripSlash(output.getPath()));
  }

  private static String stripSlash(String path) {
    return path != null && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
