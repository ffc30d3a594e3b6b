package dev.modelfleet.operator.adapter;

import dev.modelfleet.crds.v1alpha1.adapter.AdapterRun;
import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import dev.modelfleet.crds.v1alpha1.eval.EvalRun;
import dev.modelfleet.crds.v1alpha1.eval.EvalRunSpec;
import dev.modelfleet.crds.v1alpha1.eval.EvalSuite;
import dev.modelfleet.crds.v1alpha1.eval.EvalTarget;
import dev.modelfleet.operator.events.EventRecorder;
import dev.modelfleet.serving.ManagedLabels;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.HttpURLConnection;

/**
 * Starts the quality EvalRun an AdapterRun's {@code evaluateAfter} asks for, of the adapter as its
 * pool serves it. The EvalRun is owned by the AdapterRun and created once; it waits by itself until
 * the pool serves the adapter.
 */
@ApplicationScoped
public class AdapterEvaluation {
  /** Suffix of the EvalRun's name: {@code <adapterrun>-eval}. */
  static final String SUFFIX = "-eval";

  private final KubernetesClient client;
  private final EventRecorder events;

  public AdapterEvaluation(KubernetesClient client, EventRecorder events) {
    this.client = client;
    this.events = events;
  }

  /** Creates the EvalRun unless it exists; returns its name. */
  String ensure(AdapterRun run) {
    String name = run.getMetadata().getName() + SUFFIX;
    EvalRun eval = new EvalRun();
    eval.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(run.getMetadata().getNamespace())
            .withLabels(ManagedLabels.of("adapter-evaluation", run.getMetadata().getName(), "eval"))
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(run.getApiVersion())
                    .withKind(run.getKind())
                    .withName(run.getMetadata().getName())
                    .withUid(run.getMetadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build())
            .build());
    EvalRunSpec spec = new EvalRunSpec();
    EvalTarget target = new EvalTarget();
    ServedModelRef ref = new ServedModelRef();
    ref.setPool(run.getSpec().getRegisterInto().getPool());
    ref.setModel(AdapterRegistrar.modelName(run.getSpec()));
    ref.setAdapter(run.getSpec().getRegisterInto().getAdapterName());
    target.setPoolModel(ref);
    spec.setTarget(target);
    spec.setSuite(EvalSuite.QUALITY);
    spec.setQuality(run.getSpec().getEvaluateAfter().getQuality());
    eval.setSpec(spec);
    try {
      client.resource(eval).create();
      events.normal(run, "EvaluationStarted", "Created EvalRun " + name + " to score the adapter.");
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
    return name;
  }
}
