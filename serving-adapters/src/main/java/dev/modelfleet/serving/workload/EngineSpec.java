package dev.modelfleet.serving.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;

/**
 * What one engine contributes to the shared Deployment shape {@link WorkloadRenderer} builds.
 *
 * @param engine engine name, the {@code app.kubernetes.io/name} label
 * @param image container image
 * @param command the container command
 * @param args the command's arguments
 * @param env environment of the engine container (the Hugging Face token is added by the renderer)
 * @param port port the engine listens on, exposed as the container port named "http"
 * @param cacheMountPath where the model cache volume is mounted
 * @param probes probe paths and the startup budget
 * @param metricsPath path of the Prometheus metrics on {@code port}, or null when the engine has
 *     none
 * @param runAs the user the containers run as
 * @param passHuggingFaceToken whether the engine reads HF_TOKEN
 * @param initContainers containers run before the engine (e.g. Ollama's model pull)
 * @param extraVolumes volumes besides the cache and /dev/shm
 * @param extraMounts mounts of {@code extraVolumes} into the engine container
 */
public record EngineSpec(
    String engine,
    String image,
    List<String> command,
    List<String> args,
    List<EnvVar> env,
    int port,
    String cacheMountPath,
    EngineProbes probes,
    String metricsPath,
    RunAs runAs,
    boolean passHuggingFaceToken,
    List<Container> initContainers,
    List<Volume> extraVolumes,
    List<VolumeMount> extraMounts) {

  /** Copies the lists so a spec is immutable. */
  public EngineSpec {
    command = List.copyOf(command);
    args = List.copyOf(args);
    env = List.copyOf(env);
    initContainers = List.copyOf(initContainers);
    extraVolumes = List.copyOf(extraVolumes);
    extraMounts = List.copyOf(extraMounts);
  }
}
