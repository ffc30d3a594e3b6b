package dev.modelfleet.operator.adapter;

import dev.modelfleet.crds.v1alpha1.adapter.BaseModel;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.operator.runs.PoolModelLookup;
import dev.modelfleet.operator.runs.RunProblem;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Hugging Face repository and revision an adapter is trained on: the spec's, or those of the
 * pool model it names. An Ollama model has no trainable checkpoint, so it is refused.
 */
@ApplicationScoped
public class BaseModelResolver {
  private final KubernetesClient client;

  public BaseModelResolver(KubernetesClient client) {
    this.client = client;
  }

  /** The base model to train on. */
  public record Resolved(String repo, String revision) {}

  Resolved resolve(String namespace, BaseModel base) {
    if (base.getHuggingFaceRepo() != null) {
      return new Resolved(base.getHuggingFaceRepo(), base.getRevision());
    }
    var ref = base.getPoolModel();
    PoolModel model =
        PoolModelLookup.find(client, namespace, ref.getPool(), ref.getModel(), "BaseModelNotFound")
            .model();
    if (model.getSource().getHuggingFace() == null) {
      throw new RunProblem(
          "BaseModelNotTrainable",
          "model "
              + ref.getModel()
              + " of ModelPool "
              + ref.getPool()
              + " is an Ollama tag;"
              + " training needs a Hugging Face checkpoint: set baseModel.huggingFaceRepo");
    }
    return new Resolved(model.getSource().getHuggingFace(), model.getRevision());
  }
}
