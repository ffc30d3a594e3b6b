package dev.modelfleet.operator.eval;

import dev.modelfleet.crds.v1alpha1.common.SecretKeyRef;
import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import dev.modelfleet.crds.v1alpha1.eval.EvalProvenance;
import dev.modelfleet.crds.v1alpha1.eval.EvalRun;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.ModelStatus;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import dev.modelfleet.operator.config.OperatorSettings;
import dev.modelfleet.operator.runs.PoolModelLookup;
import dev.modelfleet.operator.runs.RunProblem;
import dev.modelfleet.serving.jobs.EvalEndpoint;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds where an EvalRun's target is served. A pool model is called at its ModelPool's {@code
 * status.models[].endpoint} by the name its engine serves it under (the adapter's name for an
 * adapter, else the Hugging Face repo or Ollama tag); a ModelRoute through the gateway (setting
 * {@code modelfleet.jobs.gateway-url}) by the route's model name, with the route's first API key.
 */
@ApplicationScoped
public class EvalTargetResolver {
  private final KubernetesClient client;
  private final OperatorSettings settings;

  public EvalTargetResolver(KubernetesClient client, OperatorSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  ResolvedTarget resolve(EvalRun run) {
    String namespace = run.getMetadata().getNamespace();
    var target = run.getSpec().getTarget();
    return target.getPoolModel() != null
        ? poolModel(namespace, target.getPoolModel())
        : route(namespace, target.getRoute());
  }

  private ResolvedTarget poolModel(String namespace, ServedModelRef ref) {
    PoolModelLookup found =
        PoolModelLookup.find(client, namespace, ref.getPool(), ref.getModel(), "TargetNotFound");
    ModelPool pool = found.pool();
    PoolModel model = found.model();
    if (ref.getAdapter() != null
        && model.getAdapters().stream().noneMatch(a -> ref.getAdapter().equals(a.getName()))) {
      throw new RunProblem(
          "TargetNotFound",
          "model "
              + ref.getModel()
              + " of ModelPool "
              + ref.getPool()
              + " serves no adapter "
              + ref.getAdapter());
    }
    Optional<ModelStatus> served =
        pool.getStatus() == null
            ? Optional.empty()
            : pool.getStatus().getModels().stream()
                .filter(m -> ref.getModel().equals(m.getName()))
                .findFirst();
    String endpoint = served.map(ModelStatus::getEndpoint).orElse(null);
    if (endpoint == null) {
      throw new RunProblem(
          "TargetNotReady",
          "model "
              + ref.getModel()
              + " of ModelPool "
              + ref.getPool()
              + " has no endpoint in status yet; the run starts once it is served");
    }
    String source =
        model.getSource().getHuggingFace() != null
            ? model.getSource().getHuggingFace()
            : model.getSource().getOllama();
    EvalProvenance provenance = new EvalProvenance();
    provenance.setModel(
        ref.getAdapter() == null ? source : source + " + adapter " + ref.getAdapter());
    provenance.setEngine(served.map(ModelStatus::getEngine).orElse(null));
    provenance.setQuantization(model.getQuantization());
    provenance.setHardware(served.map(ModelStatus::getHardwareProfile).orElse(null));
    // Every engine serves the model under its pool name (vLLM and SGLang --served-model-name, an
    // Ollama copy of the tag), and a LoRA adapter under the adapter's name.
    String servedName = ref.getAdapter() != null ? ref.getAdapter() : ref.getModel();
    return new ResolvedTarget(
        new EvalEndpoint(endpoint, servedName, model.getSource().getHuggingFace(), null),
        provenance);
  }

  private ResolvedTarget route(String namespace, String name) {
    ModelRoute route =
        client.resources(ModelRoute.class).inNamespace(namespace).withName(name).get();
    if (route == null) {
      throw new RunProblem(
          "TargetNotFound", "ModelRoute " + name + " does not exist in namespace " + namespace);
    }
    String gateway =
        settings
            .jobs()
            .gatewayUrl()
            .orElseThrow(
                () ->
                    new RunProblem(
                        "GatewayUrlNotSet",
                        "an EvalRun of a ModelRoute calls the gateway, whose URL is not set: set"
                            + " modelfleet.jobs.gateway-url (MODELFLEET_JOBS_GATEWAY_URL) on"
                            + " the operator"));
    SecretKeyRef apiKey =
        route.getSpec().getApiKeys().stream()
            .filter(Objects::nonNull)
            .findFirst()
            .map(
                k -> {
                  SecretKeyRef ref = new SecretKeyRef();
                  ref.setName(k.getName());
                  ref.setKey(k.getKey());
                  return ref;
                })
            .orElse(null);
    EvalProvenance provenance = new EvalProvenance();
    provenance.setModel("route " + route.getSpec().getModel());
    return new ResolvedTarget(
        new EvalEndpoint(gateway, route.getSpec().getModel(), null, apiKey), provenance);
  }
}
