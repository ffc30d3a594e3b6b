package dev.modelfleet.operator.runtime;

import dev.modelfleet.operator.config.OperatorSettings;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * Leader election on a Lease in the operator's namespace, so two replicas never reconcile at once.
 * Off in demo mode (the in-process API server has no Lease access checks).
 */
public class LeaderElectionProducer {

  @Produces
  @Dependent
  LeaderElectionConfiguration leaderElection(OperatorSettings settings) {
    if (settings.demoMode()) {
      return null;
    }
    var builder =
        LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(
            settings.leaderElection().leaseName());
    settings.leaderElection().leaseNamespace().ifPresent(builder::withLeaseNamespace);
    return builder.build();
  }
}
