package dev.modelfleet.operator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The operator's own settings ({@code modelfleet.*}; environment {@code MODELFLEET_*}). */
@ConfigMapping(prefix = "modelfleet")
public interface OperatorSettings {

  /**
   * Run against Fabric8's in-process API server (the embedded demo): no server-side apply and no
   * leader election, which that server does not support.
   */
  @WithDefault("false")
  boolean demoMode();

  /** Leader election between operator replicas. */
  LeaderElection leaderElection();

  /** EvalRun and AdapterRun Jobs. */
  Jobs jobs();

  /** Settings of the Jobs behind EvalRuns and AdapterRuns. */
  interface Jobs {
    /**
     * Image of the built-in eval runner and the report steps: the operator's own image, which the
     * Helm chart passes in (MODELFLEET_JOBS_RUNNER_IMAGE).
     */
    @WithDefault("ghcr.io/modelfleet/modelfleet-operator:${quarkus.application.version}")
    String runnerImage();

    /**
     * Default AdapterRun trainer: TRL's image (docker/trl in huggingface/trl: PyTorch with CUDA,
     * trl[peft]), run as {@code trl sft} (docs/adapters.md).
     */
    @WithDefault("huggingface/trl:1.5.0")
    String trainerImage();

    /**
     * Base URL of the ModelFleet gateway, for EvalRuns that target a ModelRoute, e.g.
     * http://modelfleet-gateway.modelfleet-system.svc:8080. Unset, such EvalRuns wait with a
     * condition saying so.
     */
    Optional<String> gatewayUrl();
  }

  /** The model registry the pool planner resolves models through. */
  Registry registry();

  /** Model registry settings ({@code modelfleet.registry.*}). */
  interface Registry {
    /** Read the Hugging Face Hub; false for air-gapped clusters (always off in demo mode). */
    @WithDefault("true")
    boolean hubEnabled();

    /** The Hub, or a private mirror of its API. */
    @WithDefault("https://huggingface.co")
    String hubEndpoint();

    /** Hub token from a Secret in the operator's namespace, as {@code name/key}. */
    Optional<String> hubTokenSecret();

    /** Hub token from this environment variable, when no Secret is named. */
    Optional<String> hubTokenEnv();

    /** How long a cached Hub answer is used before it is revalidated (the registry's default). */
    @WithDefault("24h")
    Duration refreshInterval();

    /** ConfigMap in the operator's namespace whose {@code models.yaml} is the user registry. */
    Optional<String> userRegistryConfigmap();

    /** ConfigMap in the operator's namespace the operator keeps Hub answers in. */
    Optional<String> cacheConfigmap();

    /** The operator's namespace (POD_NAMESPACE); else the client's namespace. */
    Optional<String> namespace();
  }

  /** Leader election settings. */
  interface LeaderElection {
    /** Name of the coordination.k8s.io Lease the replicas compete for. */
    @WithDefault("modelfleet-operator-lease")
    String leaseName();

    /** Namespace of the Lease; defaults to the operator's own (POD_NAMESPACE). */
    Optional<String> leaseNamespace();
  }
}
