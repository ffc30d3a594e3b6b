package dev.modelfleet.serving.workload;

import dev.modelfleet.serving.LoraAdapter;
import dev.modelfleet.serving.ServingLabels;
import dev.modelfleet.serving.ServingManifests;
import dev.modelfleet.serving.ServingRequest;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the Deployment, Service and cache claim every engine shares, from a request and what the
 * engine contributes. Pure: equal inputs give equal objects.
 */
public final class WorkloadRenderer {

  /** Name of the engine's container port and of the Service port; the gateway relies on it. */
  public static final String HTTP_PORT_NAME = "http";

  /**
   * The Service port for every engine: clients use {@code http://<name>.<namespace>.svc:8000}
   * whatever the engine, since 8000 is vLLM's default and OpenAI-compatible clients' habit.
   */
  public static final int SERVICE_PORT = 8000;

  /** Name of the engine container. */
  public static final String ENGINE_CONTAINER = "engine";

  /** Name of the model cache volume, backed by the claim. */
  public static final String CACHE_VOLUME = "model-cache";

  /** Name of the in-memory volume mounted at /dev/shm (NCCL and PyTorch workers share tensors). */
  public static final String SHM_VOLUME = "dshm";

  /** Where the shared-memory volume is mounted. */
  public static final String SHM_PATH = "/dev/shm";

  /** Node label the required node affinity matches; set by the kubelet on every node. */
  public static final String HOSTNAME_LABEL = "kubernetes.io/hostname";

  /** Taint key the NVIDIA GPU Operator and cloud GPU node pools put on GPU nodes. */
  public static final String NVIDIA_GPU_TAINT = "nvidia.com/gpu";

  /** Seconds between startup probes; the failure threshold is derived from the budget. */
  static final int STARTUP_PERIOD_SECONDS = 10;

  /** Seconds between readiness probes. */
  static final int READINESS_PERIOD_SECONDS = 10;

  /** Readiness failures before the pod leaves the Service: 30 s of not answering. */
  static final int READINESS_FAILURES = 3;

  /**
   * Seconds between liveness probes: long, because a busy engine may answer slowly and a restart
   * costs a full model load.
   */
  static final int LIVENESS_PERIOD_SECONDS = 30;

  /** Liveness failures before the kubelet restarts the engine: 90 s without an answer. */
  static final int LIVENESS_FAILURES = 3;

  /** Seconds a probe request may take; health endpoints answer in milliseconds when healthy. */
  static final int PROBE_TIMEOUT_SECONDS = 5;

  private static final String PROMETHEUS_SCRAPE = "prometheus.io/scrape";
  private static final String PROMETHEUS_PATH = "prometheus.io/path";
  private static final String PROMETHEUS_PORT = "prometheus.io/port";
  private static final String HF_TOKEN = "HF_TOKEN";
  private static final String READ_WRITE_ONCE = "ReadWriteOnce";
  private static final String READ_WRITE_MANY = "ReadWriteMany";
  private static final int MIB_PER_GIB = 1024;

  private WorkloadRenderer() {}

  /** The three objects serving {@code request} with {@code engine}. */
  public static ServingManifests render(ServingRequest request, EngineSpec engine) {
    Map<String, String> labels = ServingLabels.of(request, engine.engine());
    return new ServingManifests(
        deployment(request, engine, labels), service(request, labels), cacheClaim(request, labels));
  }

  /**
   * The access mode of the cache claim: ReadWriteOnce when every replica can only land on one node
   * (one volume attachment serves them all), ReadWriteMany when they may spread.
   */
  public static String cacheAccessMode(ServingRequest request) {
    return new TreeSet<>(request.nodeNames()).size() == 1 ? READ_WRITE_ONCE : READ_WRITE_MANY;
  }

  private static Deployment deployment(
      ServingRequest request, EngineSpec engine, Map<String, String> labels) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(request.servingName())
        .withNamespace(request.namespace())
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withReplicas(request.replicas())
        .withNewSelector()
        .withMatchLabels(ServingLabels.selector(request))
        .endSelector()
        // Replace one pod at a time without a surge pod: a surge would need GPUs the placement
        // did not reserve, and would wait for them forever.
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString(0))
        .withMaxUnavailable(new IntOrString(1))
        .endRollingUpdate()
        .endStrategy()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .withAnnotations(scrapeAnnotations(engine))
        .endMetadata()
        .withNewSpec()
        // Service links would inject variables such as VLLM_PORT=tcp://... for a Service named
        // "vllm", which vLLM reads as its own setting and fails on.
        .withEnableServiceLinks(false)
        .withAutomountServiceAccountToken(false)
        .withSecurityContext(podSecurity(engine.runAs()))
        .withAffinity(affinity(request))
        .withTolerations(tolerations(request))
        .withInitContainers(initContainers(request, engine))
        .withContainers(engineContainer(request, engine))
        .withVolumes(volumes(request, engine))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Map<String, String> scrapeAnnotations(EngineSpec engine) {
    Map<String, String> annotations = new LinkedHashMap<>();
    if (engine.metricsPath() != null) {
      annotations.put(PROMETHEUS_SCRAPE, "true");
      annotations.put(PROMETHEUS_PATH, engine.metricsPath());
      annotations.put(PROMETHEUS_PORT, Integer.toString(engine.port()));
    }
    return annotations;
  }

  private static PodSecurityContext podSecurity(RunAs runAs) {
    PodSecurityContextBuilder builder =
        new PodSecurityContextBuilder()
            .withNewSeccompProfile()
            .withType("RuntimeDefault")
            .endSeccompProfile();
    if (runAs.nonRoot()) {
      builder
          .withRunAsNonRoot(true)
          .withRunAsUser(runAs.user())
          .withRunAsGroup(runAs.group())
          .withFsGroup(runAs.group())
          // A model cache holds large files: change their group once, not on every mount.
          .withFsGroupChangePolicy("OnRootMismatch");
    }
    return builder.build();
  }

  /** No privilege escalation and no Linux capabilities: no engine needs either. */
  static SecurityContext containerSecurity() {
    return new SecurityContextBuilder()
        .withAllowPrivilegeEscalation(false)
        .withPrivileged(false)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .build();
  }

  private static Affinity affinity(ServingRequest request) {
    return new AffinityBuilder()
        .withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm()
        .addNewMatchExpression()
        .withKey(HOSTNAME_LABEL)
        .withOperator("In")
        .withValues(new ArrayList<>(new TreeSet<>(request.nodeNames())))
        .endMatchExpression()
        .endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution()
        .endNodeAffinity()
        .build();
  }

  private static List<Toleration> tolerations(ServingRequest request) {
    List<Toleration> tolerations = new ArrayList<>(request.tolerations());
    boolean nvidia = NVIDIA_GPU_TAINT.equals(request.gpuResourceName());
    boolean present = tolerations.stream().anyMatch(t -> NVIDIA_GPU_TAINT.equals(t.getKey()));
    if (nvidia && !present) {
      tolerations.add(
          new TolerationBuilder()
              .withKey(NVIDIA_GPU_TAINT)
              .withOperator("Exists")
              .withEffect("NoSchedule")
              .build());
    }
    return tolerations;
  }

  private static List<Container> initContainers(ServingRequest request, EngineSpec engine) {
    List<Container> containers = new ArrayList<>();
    for (Container init : engine.initContainers()) {
      containers.add(
          new ContainerBuilder(init)
              .withSecurityContext(containerSecurity())
              .withVolumeMounts(mounts(request, engine))
              .build());
    }
    return containers;
  }

  private static Container engineContainer(ServingRequest request, EngineSpec engine) {
    return new ContainerBuilder()
        .withName(ENGINE_CONTAINER)
        .withImage(engine.image())
        .withCommand(engine.command())
        .withArgs(engine.args())
        .withEnv(env(request, engine))
        .addNewPort()
        .withName(HTTP_PORT_NAME)
        .withContainerPort(engine.port())
        .withProtocol("TCP")
        .endPort()
        .withResources(resources(request))
        .withVolumeMounts(mounts(request, engine))
        .withStartupProbe(startupProbe(engine.probes()))
        .withReadinessProbe(
            probe(engine.probes().readinessPath(), READINESS_PERIOD_SECONDS, READINESS_FAILURES))
        .withLivenessProbe(
            probe(engine.probes().livenessPath(), LIVENESS_PERIOD_SECONDS, LIVENESS_FAILURES))
        .withSecurityContext(containerSecurity())
        .build();
  }

  private static List<EnvVar> env(ServingRequest request, EngineSpec engine) {
    List<EnvVar> env = new ArrayList<>(engine.env());
    if (engine.passHuggingFaceToken() && request.huggingFaceTokenSecretName() != null) {
      env.add(
          new EnvVarBuilder()
              .withName(HF_TOKEN)
              .withNewValueFrom()
              .withNewSecretKeyRef()
              .withName(request.huggingFaceTokenSecretName())
              .withKey(request.huggingFaceTokenSecretKey())
              .withOptional(false)
              .endSecretKeyRef()
              .endValueFrom()
              .build());
    }
    return env;
  }

  private static ResourceRequirements resources(ServingRequest request) {
    ResourceRequirementsBuilder builder = new ResourceRequirementsBuilder();
    if (!request.cpuOnly()) {
      Quantity gpus = new Quantity(Integer.toString(request.gpusPerReplica()));
      builder
          .addToRequests(request.gpuResourceName(), gpus)
          .addToLimits(request.gpuResourceName(), gpus);
    }
    return builder.build();
  }

  private static List<VolumeMount> mounts(ServingRequest request, EngineSpec engine) {
    List<VolumeMount> mounts = new ArrayList<>();
    mounts.add(
        new VolumeMountBuilder()
            .withName(CACHE_VOLUME)
            .withMountPath(engine.cacheMountPath())
            .build());
    mounts.add(new VolumeMountBuilder().withName(SHM_VOLUME).withMountPath(SHM_PATH).build());
    mounts.addAll(engine.extraMounts());
    for (LoraAdapter adapter : request.adapters()) {
      if (adapter.volume() != null) {
        mounts.add(
            new VolumeMountBuilder()
                .withName(adapter.volumeName())
                .withMountPath(adapter.path())
                .withSubPath(adapter.volume().subPath())
                .withReadOnly(true)
                .build());
      }
    }
    return mounts;
  }

  private static List<Volume> volumes(ServingRequest request, EngineSpec engine) {
    List<Volume> volumes = new ArrayList<>();
    volumes.add(
        new VolumeBuilder()
            .withName(CACHE_VOLUME)
            .withNewPersistentVolumeClaim()
            .withClaimName(request.servingName())
            .endPersistentVolumeClaim()
            .build());
    volumes.add(
        new VolumeBuilder()
            .withName(SHM_VOLUME)
            .withNewEmptyDir()
            .withMedium("Memory")
            .endEmptyDir()
            .build());
    volumes.addAll(engine.extraVolumes());
    for (LoraAdapter adapter : request.adapters()) {
      if (adapter.volume() != null) {
        volumes.add(
            new VolumeBuilder()
                .withName(adapter.volumeName())
                .withNewPersistentVolumeClaim()
                .withClaimName(adapter.volume().claimName())
                .withReadOnly(true)
                .endPersistentVolumeClaim()
                .build());
      }
    }
    return volumes;
  }

  private static Probe startupProbe(EngineProbes probes) {
    int failures =
        Math.max(
            1, (probes.startupSeconds() + STARTUP_PERIOD_SECONDS - 1) / STARTUP_PERIOD_SECONDS);
    return probe(probes.startupPath(), STARTUP_PERIOD_SECONDS, failures);
  }

  private static Probe probe(String path, int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString(HTTP_PORT_NAME))
        .endHttpGet()
        .withPeriodSeconds(periodSeconds)
        .withTimeoutSeconds(PROBE_TIMEOUT_SECONDS)
        .withFailureThreshold(failureThreshold)
        .build();
  }

  private static Service service(ServingRequest request, Map<String, String> labels) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(request.servingName())
        .withNamespace(request.namespace())
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(ServingLabels.selector(request))
        .addNewPort()
        .withName(HTTP_PORT_NAME)
        .withPort(SERVICE_PORT)
        .withTargetPort(new IntOrString(HTTP_PORT_NAME))
        .withProtocol("TCP")
        .withAppProtocol("http")
        .endPort()
        .endSpec()
        .build();
  }

  private static PersistentVolumeClaim cacheClaim(
      ServingRequest request, Map<String, String> labels) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withName(request.servingName())
        .withNamespace(request.namespace())
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withAccessModes(cacheAccessMode(request))
        .withVolumeMode("Filesystem")
        .withStorageClassName(request.storageClassName())
        .withNewResources()
        .addToRequests("storage", size(request.cacheDiskGiB()))
        .endResources()
        .endSpec()
        .build();
  }

  /** Whole GiB as "NGi"; a fraction rounded up to whole MiB so the claim is never too small. */
  static Quantity size(double gib) {
    if (gib == Math.rint(gib)) {
      return new Quantity(Long.toString((long) gib), "Gi");
    }
    return new Quantity(Long.toString((long) Math.ceil(gib * MIB_PER_GIB)), "Mi");
  }
}
