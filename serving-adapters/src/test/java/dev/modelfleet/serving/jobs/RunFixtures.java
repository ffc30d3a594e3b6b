package dev.modelfleet.serving.jobs;

import dev.modelfleet.crds.v1alpha1.adapter.AdapterRun;
import dev.modelfleet.crds.v1alpha1.adapter.AdapterRunSpec;
import dev.modelfleet.crds.v1alpha1.adapter.BaseModel;
import dev.modelfleet.crds.v1alpha1.adapter.TrainingDataset;
import dev.modelfleet.crds.v1alpha1.common.ConfigMapKeyRef;
import dev.modelfleet.crds.v1alpha1.common.PoolModelRef;
import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import dev.modelfleet.crds.v1alpha1.common.VolumePath;
import dev.modelfleet.crds.v1alpha1.eval.EvalRun;
import dev.modelfleet.crds.v1alpha1.eval.EvalRunSpec;
import dev.modelfleet.crds.v1alpha1.eval.EvalSuite;
import dev.modelfleet.crds.v1alpha1.eval.EvalTarget;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** EvalRuns and AdapterRuns as a user would write them. */
final class RunFixtures {
  private RunFixtures() {}

  static EvalRun evalRun(EvalSuite suite) {
    EvalRun run = new EvalRun();
    run.setMetadata(
        new ObjectMetaBuilder()
            .withName("llama-check")
            .withNamespace("team")
            .withGeneration(3L)
            .build());
    EvalRunSpec spec = new EvalRunSpec();
    EvalTarget target = new EvalTarget();
    ServedModelRef ref = new ServedModelRef();
    ref.setPool("chat");
    ref.setModel("llama-8b");
    target.setPoolModel(ref);
    spec.setTarget(target);
    spec.setSuite(suite);
    run.setSpec(spec);
    return run;
  }

  static AdapterRun adapterRun() {
    AdapterRun run = new AdapterRun();
    run.setMetadata(
        new ObjectMetaBuilder()
            .withName("support-tone")
            .withNamespace("team")
            .withGeneration(1L)
            .build());
    AdapterRunSpec spec = new AdapterRunSpec();
    BaseModel base = new BaseModel();
    PoolModelRef ref = new PoolModelRef();
    ref.setPool("chat");
    ref.setModel("llama-8b");
    base.setPoolModel(ref);
    spec.setBaseModel(base);
    TrainingDataset dataset = new TrainingDataset();
    VolumePath data = new VolumePath();
    data.setClaimName("training-data");
    data.setPath("support/train.jsonl");
    dataset.setVolume(data);
    spec.setDataset(dataset);
    VolumePath out = new VolumePath();
    out.setClaimName("adapters");
    out.setPath("support-tone");
    spec.setOutput(out);
    run.setSpec(spec);
    return run;
  }

  static ConfigMapKeyRef configMap(String name, String key) {
    ConfigMapKeyRef ref = new ConfigMapKeyRef();
    ref.setName(name);
    ref.setKey(key);
    return ref;
  }
}
