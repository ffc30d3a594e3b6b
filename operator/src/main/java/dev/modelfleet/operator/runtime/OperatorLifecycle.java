package dev.modelfleet.operator.runtime;

import io.javaoperatorsdk.operator.Operator;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Starts the reconcilers when the application starts and stops them when it stops. The extension
 * does this itself only for applications without a main class; ModelFleet has one (for the embedded
 * demo), so it takes over that duty.
 */
@ApplicationScoped
public class OperatorLifecycle {
  private static final Logger LOG = Logger.getLogger(OperatorLifecycle.class);
  private final Operator operator;
  private final ShutdownState shutdown;

  public OperatorLifecycle(Operator operator, ShutdownState shutdown) {
    this.operator = operator;
    this.shutdown = shutdown;
  }

  void onStart(@Observes StartupEvent event) {
    LOG.infof("Starting %d controllers", operator.getRegisteredControllersNumber());
    operator.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    shutdown.stopping();
    operator.stop();
  }
}
