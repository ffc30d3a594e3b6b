package dev.modelfleet.operator.runtime;

import dev.modelfleet.operator.config.OperatorSettings;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurationServiceCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;

/**
 * In demo mode the API server is Fabric8's in-process one, which answers server-side apply with
 * 415: patch and match without it there. Against a real cluster nothing changes.
 */
@ApplicationScoped
public class DemoModeCustomizer implements ConfigurationServiceCustomizer {
  private final OperatorSettings settings;

  public DemoModeCustomizer(OperatorSettings settings) {
    this.settings = settings;
  }

  @Override
  public Consumer<ConfigurationServiceOverrider> overrider() {
    return overrider -> {
      if (settings.demoMode()) {
        overrider
            .withUseSSAToPatchPrimaryResource(false)
            .withSSABasedCreateUpdateMatchForDependentResources(false);
      }
    };
  }
}
