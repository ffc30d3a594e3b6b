package dev.modelfleet.ranker.quality;

import java.util.Locale;
import java.util.Optional;

/**
 * Grades observations against one model: how closely each measured it, and the weight that earns.
 */
final class EvidenceGrader {

  /**
   * The grade of one observation.
   *
   * @param evidence the grade; empty when the observation is not about this model
   * @param weight the grade's weight times the quantization and size distances
   * @param reason why, in a clause: "variant: AWQ-INT4-G128 vs BF16"
   */
  record Grading(Optional<Evidence> evidence, double weight, String reason) {
    static Grading ignored(String reason) {
      return new Grading(Optional.empty(), 0.0, reason);
    }
  }

  private final ModelIdentity target;
  private final ModelIdentity declaredBase;
  private final QuantView targetQuant;

  EvidenceGrader(ScoredModel model) {
    this.target = ModelIdentity.parse(model.modelId());
    this.declaredBase =
        model.baseModelId() == null || model.baseModelId().isBlank()
            ? null
            : ModelIdentity.parse(model.baseModelId());
    this.targetQuant = QuantView.of(model.quant(), model.modelId());
  }

  /** The quantization the scored model is taken to serve. */
  QuantView targetQuant() {
    return targetQuant;
  }

  Grading grade(Observation observation) {
    ModelIdentity observed = ModelIdentity.parse(observation.modelId());
    ModelIdentity.Kinship kin = target.relationTo(observed);
    if (kin.relation() != ModelIdentity.Relation.SAME
        && declaredBase != null
        && declaredBase.relationTo(observed).relation() == ModelIdentity.Relation.SAME) {
      kin = new ModelIdentity.Kinship(ModelIdentity.Relation.BASE, "the declared base model", 1.0);
    }
    QuantView measured = QuantView.of(observation.quant(), observation.modelId());
    Evidence computed =
        switch (kin.relation()) {
          case SAME -> measured.sameAs(targetQuant) ? Evidence.DIRECT : Evidence.VARIANT;
          case BASE -> Evidence.BASE;
          case SIBLING -> Evidence.INTERPOLATED;
          case UNRELATED -> null;
        };
    if (computed == null) {
      return Grading.ignored(observed.key() + ": " + kin.reason());
    }
    Evidence grade = computed;
    String why = describe(computed, kin, measured);
    Evidence declared = observation.evidence();
    if (declared == Evidence.SELF_REPORTED
        && (computed == Evidence.DIRECT || computed == Evidence.VARIANT)) {
      grade = Evidence.SELF_REPORTED;
      why = "self-reported: the vendor's own figure" + quantClause(measured);
    } else if (declared != null
        && declared != Evidence.DIRECT
        && declared != Evidence.SELF_REPORTED
        && declared.weight() < computed.weight()) {
      // The source says its figure is itself derived; believe the weaker claim.
      grade = declared;
      why = declared.label() + ": as its source declares";
    }
    double quantFactor =
        measured.sameAs(targetQuant)
            ? 1.0
            : Math.pow(Evidence.VARIANT_WEIGHT_PER_OCTAVE, measured.octavesFrom(targetQuant));
    double sizeFactor =
        grade == Evidence.INTERPOLATED
            ? Math.pow(kin.sizeRatio(), Evidence.INTERPOLATED_SIZE_EXPONENT)
            : 1.0;
    return new Grading(Optional.of(grade), grade.weight() * quantFactor * sizeFactor, why);
  }

  private String describe(Evidence evidence, ModelIdentity.Kinship kin, QuantView measured) {
    return switch (evidence) {
      case DIRECT -> "direct: the same model at " + targetQuant.canonical();
      case VARIANT ->
          "variant: "
              + measured.canonical()
              + " vs "
              + targetQuant.canonical()
              + String.format(
                  Locale.ROOT, ", %.2f octaves apart", measured.octavesFrom(targetQuant));
      case BASE -> "base: " + kin.reason() + quantClause(measured);
      case INTERPOLATED -> "interpolated: " + kin.reason() + quantClause(measured);
      case SELF_REPORTED -> "self-reported" + quantClause(measured);
    };
  }

  private String quantClause(QuantView measured) {
    return measured.sameAs(targetQuant)
        ? ""
        : ", measured at " + measured.canonical() + " vs " + targetQuant.canonical();
  }
}
