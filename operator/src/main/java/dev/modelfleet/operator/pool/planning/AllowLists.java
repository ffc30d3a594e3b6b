package dev.modelfleet.operator.pool.planning;

import dev.modelfleet.crds.v1alpha1.pool.ModelPoolSpec;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.operator.pool.planning.ResolvedPoolModel.Rejection;
import dev.modelfleet.ranker.model.ModelFacts;
import java.util.List;
import java.util.Optional;

/** The pool's {@code allowedOrgs} and {@code allowedFamilies}; empty lists allow everything. */
final class AllowLists {
  static final String NOT_ALLOWED = "NotAllowed";

  private AllowLists() {}

  /** Rejects a repository from an organisation the pool does not allow. */
  static Optional<Rejection> check(String repo, PoolModel model, ModelPoolSpec pool) {
    List<String> orgs = pool.getAllowedOrgs();
    if (repo == null || orgs.isEmpty()) {
      return Optional.empty();
    }
    String org = repo.contains("/") ? repo.substring(0, repo.indexOf('/')) : repo;
    if (orgs.stream().anyMatch(org::equalsIgnoreCase)) {
      return Optional.empty();
    }
    return Optional.of(
        new Rejection(
            NOT_ALLOWED,
            "organisation "
                + org
                + " of "
                + repo
                + " is not in spec.allowedOrgs "
                + orgs
                + ": add it there or remove model "
                + model.getName()));
  }

  /**
   * Rejects a model whose family the pool does not allow. A list entry matches the coarse family
   * ("qwen") or the config's model type ("qwen2"), since people write either.
   */
  static Optional<Rejection> checkFamily(ModelFacts facts, PoolModel model, ModelPoolSpec pool) {
    List<String> families = pool.getAllowedFamilies();
    String family = facts.family();
    if (families.isEmpty()
        || families.stream()
            .anyMatch(f -> f.equalsIgnoreCase(family) || f.equalsIgnoreCase(facts.modelType()))) {
      return Optional.empty();
    }
    return Optional.of(
        new Rejection(
            NOT_ALLOWED,
            "family "
                + family
                + " of model "
                + model.getName()
                + " is not in spec.allowedFamilies "
                + families
                + ": add it there, correct overrides.family, or remove the model"));
  }
}
