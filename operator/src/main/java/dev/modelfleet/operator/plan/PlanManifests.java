package dev.modelfleet.operator.plan;

import dev.modelfleet.operator.pool.planning.PoolPlan;
import dev.modelfleet.serving.ServingAdapters;
import dev.modelfleet.serving.ServingManifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;

/** The objects the controller would apply for the plan, as multi-document YAML. */
final class PlanManifests {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private PlanManifests() {}

  static String write(PoolPlan plan) {
    StringBuilder out = new StringBuilder();
    for (PoolPlan.Workload w : plan.serving()) {
      ServingManifests m = ServingAdapters.forEngine(w.engine()).render(w.request());
      List<HasMetadata> objects = new ArrayList<>();
      objects.add(m.cacheClaim());
      objects.add(m.deployment());
      objects.add(m.service());
      for (HasMetadata o : objects) {
        if (o == null) {
          continue;
        }
        String yaml = SERIALIZATION.asYaml(o);
        out.append(yaml.startsWith("---") ? yaml : "---\n" + yaml);
        if (!yaml.endsWith("\n")) {
          out.append('\n');
        }
      }
    }
    return out.toString();
  }
}
