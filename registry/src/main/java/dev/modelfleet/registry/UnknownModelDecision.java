package dev.modelfleet.registry;

/**
 * The outcome for one resolved model under an {@link UnknownModelPolicy}.
 *
 * @param outcome what to do
 * @param message why, and for WARN and REJECT what to add; empty for a known model
 */
public record UnknownModelDecision(Outcome outcome, String message) {
  /** What to do with the model. */
  public enum Outcome {
    ALLOW,
    WARN,
    REJECT
  }

  /**
   * Decides, purely: a known model is allowed; an unknown one is allowed when the model sets {@code
   * allowUnknown}, otherwise the policy says.
   */
  public static UnknownModelDecision decide(
      UnknownModelPolicy policy, boolean allowUnknown, ResolvedModel model) {
    if (model.known()) {
      return new UnknownModelDecision(Outcome.ALLOW, "");
    }
    String unknown =
        "model '"
            + model.requested()
            + "' is known to no registry source (catalog, Hub snapshot, Hub, user registry)";
    if (allowUnknown) {
      return new UnknownModelDecision(
          Outcome.ALLOW, unknown + "; served because allowUnknown is true");
    }
    return switch (policy == null ? UnknownModelPolicy.WARN : policy) {
      case ALLOW -> new UnknownModelDecision(Outcome.ALLOW, unknown + "; unknownModels is allow");
      case WARN ->
          new UnknownModelDecision(
              Outcome.WARN,
              unknown
                  + "; estimates rest on overrides and conservative defaults. To describe it,"
                  + " add it to the user registry or set overrides.parametersB/config");
      case REJECT ->
          new UnknownModelDecision(
              Outcome.REJECT,
              unknown
                  + " and unknownModels is reject: add it to the user registry or set"
                  + " overrides.parametersB/config, or set allowUnknown: true");
    };
  }
}
