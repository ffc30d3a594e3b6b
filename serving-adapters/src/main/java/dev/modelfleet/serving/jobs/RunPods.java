package dev.modelfleet.serving.jobs;

import dev.modelfleet.crds.v1alpha1.common.JobResources;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfileBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Pod settings every run Job shares: a locked-down security context, scratch space, sizes. */
final class RunPods {
  /**
   * An unprivileged UID and GID. Images that default to root (most PyTorch and lm-eval images) run
   * as this user too; their writable paths are the scratch and output volumes mounted here.
   */
  static final long NON_ROOT_ID = 1000L;

  /** Scratch volume for HOME, Hugging Face caches and the JVM's temporary files. */
  static final String SCRATCH_VOLUME = "scratch";

  /** The runner's jar in the operator image (operator/src/main/docker/Dockerfile.jvm). */
  static final String RUNNER_JAR = "/deployments/quarkus-run.jar";

  /** The JVM takes up to this share of the container's memory limit, leaving room for the rest. */
  static final String RUNNER_HEAP = "-XX:MaxRAMPercentage=75";

  /** Resources the built-in runner and report containers ask for when the spec sets none. */
  static final Quantity SMALL_CPU = new Quantity("250m");

  static final Quantity SMALL_MEMORY = new Quantity("512Mi");

  private RunPods() {}

  static PodSecurityContext podSecurity() {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withRunAsUser(NON_ROOT_ID)
        .withRunAsGroup(NON_ROOT_ID)
        .withFsGroup(NON_ROOT_ID)
        .withSeccompProfile(new SeccompProfileBuilder().withType("RuntimeDefault").build())
        .build();
  }

  /** No privilege escalation and no capabilities; the root filesystem read-only when asked. */
  static SecurityContext containerSecurity(boolean readOnlyRoot) {
    return new SecurityContextBuilder()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(readOnlyRoot)
        .withCapabilities(new Capabilities(null, List.of("ALL")))
        .build();
  }

  static Volume scratchVolume() {
    return new VolumeBuilder()
        .withName(SCRATCH_VOLUME)
        .withEmptyDir(new EmptyDirVolumeSource())
        .build();
  }

  static VolumeMount scratchMount() {
    return new VolumeMountBuilder()
        .withName(SCRATCH_VOLUME)
        .withMountPath(RunnerContract.SCRATCH_MOUNT)
        .build();
  }

  /** The runner's command line in the operator image: {@code java -jar ... eval <args>}. */
  static List<String> runnerCommand(List<String> evalArgs) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of("java", RUNNER_HEAP, "-jar", RUNNER_JAR, RunnerContract.EVAL));
    command.addAll(evalArgs);
    return command;
  }

  /**
   * Requests from the spec, or the defaults; memory is also the limit (an over-committed Pod is
   * killed, not slowed), CPU is not limited (throttling would distort latency figures). GPUs are
   * requested and limited alike, as device plugins require.
   */
  static ResourceRequirements resources(
      JobResources spec,
      Quantity defaultCpu,
      Quantity defaultMemory,
      int defaultGpus,
      GpuPlacement placement) {
    Quantity cpu = spec != null && spec.getCpu() != null ? spec.getCpu() : defaultCpu;
    Quantity memory = spec != null && spec.getMemory() != null ? spec.getMemory() : defaultMemory;
    int gpus = spec != null && spec.getGpus() != null ? spec.getGpus() : defaultGpus;
    Map<String, Quantity> requests = new LinkedHashMap<>();
    Map<String, Quantity> limits = new LinkedHashMap<>();
    requests.put("cpu", cpu);
    requests.put("memory", memory);
    limits.put("memory", memory);
    if (gpus > 0) {
      Quantity count = new Quantity(Integer.toString(gpus));
      requests.put(placement.resourceName(), count);
      limits.put(placement.resourceName(), count);
    }
    ResourceRequirements resources = new ResourceRequirements();
    resources.setRequests(requests);
    resources.setLimits(limits);
    return resources;
  }

  static int gpus(JobResources spec, int defaultGpus) {
    return spec != null && spec.getGpus() != null ? spec.getGpus() : defaultGpus;
  }
}
