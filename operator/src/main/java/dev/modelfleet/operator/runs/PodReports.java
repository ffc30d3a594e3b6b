package dev.modelfleet.operator.runs;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The termination messages a run's Pods left, read from their container statuses. */
public final class PodReports {
  /** The label the Job controller puts on its Pods. */
  public static final String JOB_NAME_LABEL = "job-name";

  /** The text a container left when it terminated. */
  public record Terminated(String pod, int exitCode, String message) {}

  private PodReports() {}

  /** Pods of the Job, by name for a stable order. */
  public static List<Pod> ofJob(Collection<Pod> pods, String jobName) {
    return pods.stream()
        .filter(p -> jobName.equals(labels(p).get(JOB_NAME_LABEL)))
        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
        .toList();
  }

  /** The named container's termination, for every Pod where it terminated. */
  public static List<Terminated> terminated(List<Pod> pods, String container) {
    List<Terminated> found = new ArrayList<>();
    for (Pod pod : pods) {
      termination(pod, container)
          .ifPresent(
              t ->
                  found.add(
                      new Terminated(
                          pod.getMetadata().getName(),
                          t.getExitCode() == null ? -1 : t.getExitCode(),
                          t.getMessage())));
    }
    return found;
  }

  private static Optional<ContainerStateTerminated> termination(Pod pod, String container) {
    if (pod.getStatus() == null) {
      return Optional.empty();
    }
    List<ContainerStatus> statuses = new ArrayList<>();
    if (pod.getStatus().getContainerStatuses() != null) {
      statuses.addAll(pod.getStatus().getContainerStatuses());
    }
    if (pod.getStatus().getInitContainerStatuses() != null) {
      statuses.addAll(pod.getStatus().getInitContainerStatuses());
    }
    return statuses.stream()
        .filter(s -> container.equals(s.getName()))
        .findFirst()
        .flatMap(
            s ->
                Optional.ofNullable(s.getState())
                    .map(st -> st.getTerminated())
                    .or(() -> Optional.ofNullable(s.getLastState()).map(st -> st.getTerminated())));
  }

  private static Map<String, String> labels(Pod pod) {
    return pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
  }

  /** At most {@code max} characters, marked when cut, for conditions that quote raw output. */
  public static String truncate(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max
        ? text
        : text.substring(0, max) + "... (" + text.length() + " chars)";
  }
}
