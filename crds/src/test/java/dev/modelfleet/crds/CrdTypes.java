package dev.modelfleet.crds;

import dev.modelfleet.crds.v1alpha1.adapter.AdapterRun;
import dev.modelfleet.crds.v1alpha1.common.ApiGroup;
import dev.modelfleet.crds.v1alpha1.eval.EvalRun;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Map;

/** The ModelFleet kinds and their Java classes. */
final class CrdTypes {
  static final String GROUP = ApiGroup.GROUP;

  static final Map<String, Class<? extends CustomResource<?, ?>>> BY_KIND =
      Map.of(
          "HardwareProfile", HardwareProfile.class,
          "ModelPool", ModelPool.class,
          "ModelRoute", ModelRoute.class,
          "EvalRun", EvalRun.class,
          "AdapterRun", AdapterRun.class);

  private CrdTypes() {}
}
