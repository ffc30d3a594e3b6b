package dev.modelfleet.operator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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

  /** Leader election settings. */
  interface LeaderElection {
    /** Name of the coordination.k8s.io Lease the replicas compete for. */
    @WithDefault("modelfleet-operator-lease")
    String leaseName();

    /** Namespace of the Lease; defaults to the operator's own (POD_NAMESPACE). */
    Optional<String> leaseNamespace();
  }
}
