package dev.modelfleet.operator.runs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.Set;

/**
 * Maps a run's Job or Pod to the run through the run-name label the renderer sets: Pods are owned
 * by their Job, not by the run, so owner references do not lead there.
 */
public final class RunLabelMapper {
  private RunLabelMapper() {}

  public static <T extends HasMetadata> SecondaryToPrimaryMapper<T> byLabel(String label) {
    return resource -> {
      var labels = resource.getMetadata().getLabels();
      String run = labels == null ? null : labels.get(label);
      return run == null
          ? Set.of()
          : Set.of(new ResourceID(run, resource.getMetadata().getNamespace()));
    };
  }
}
