package dev.modelfleet.operator.runs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.List;

/**
 * Creates a run's Job owned by the run, so deleting the run deletes the Job and its Pods. A Job is
 * a record of one run: it is created once and never updated (a spec change gets a new Job name).
 */
public final class OwnedJobs {
  private OwnedJobs() {}

  /** Creates the Job; false when one by that name exists already (our cache lagged). */
  public static boolean create(KubernetesClient client, HasMetadata owner, Job job) {
    job.getMetadata()
        .setOwnerReferences(
            List.of(
                new OwnerReferenceBuilder()
                    .withApiVersion(owner.getApiVersion())
                    .withKind(owner.getKind())
                    .withName(owner.getMetadata().getName())
                    .withUid(owner.getMetadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build()));
    try {
      client.resource(job).create();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        return false;
      }
      throw e;
    }
  }
}
