package dev.modelfleet.operator.route;

import static dev.modelfleet.operator.route.Routes.external;
import static dev.modelfleet.operator.route.Routes.externalBackend;
import static dev.modelfleet.operator.route.Routes.externalFallback;
import static dev.modelfleet.operator.route.Routes.poolBackend;
import static dev.modelfleet.operator.route.Routes.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.route.ModelRouteSpec;
import dev.modelfleet.crds.v1alpha1.route.PrivacyTier;
import dev.modelfleet.crds.v1alpha1.route.WeightedBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteSpecValidatorTest {
  private static final String OPENAI = "https://api.openai.com/v1";

  @Test
  void aPoolRouteWithAWeightedBackendIsValid() {
    assertThat(
            RouteSpecValidator.validate(
                spec(PrivacyTier.LOCAL_ONLY, poolBackend("chat", "llama", null, 80))))
        .isEmpty();
  }

  @Test
  void everyWeightZeroIsInvalidAndNamesTheField() {
    List<SpecProblem> problems =
        RouteSpecValidator.validate(
            spec(
                PrivacyTier.INTERNAL,
                poolBackend("chat", "llama", null, 0),
                poolBackend("chat", "qwen", null, 0)));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).field()).isEqualTo("spec.backends");
    assertThat(problems.get(0).reason()).isEqualTo(RouteReasons.NO_WEIGHTED_BACKEND);
    assertThat(problems.get(0).message()).contains("weight above 0");
  }

  @Test
  void anUnsetWeightCountsAsTheDefaultOfOne() {
    WeightedBackend b = poolBackend("chat", "llama", null, 1);
    b.setWeight(null);
    assertThat(RouteSpecValidator.validate(spec(PrivacyTier.INTERNAL, b))).isEmpty();
  }

  @Test
  void localOnlyForbidsExternalBackendsAndFallbacks() {
    ModelRouteSpec spec =
        spec(
            PrivacyTier.LOCAL_ONLY,
            poolBackend("chat", "llama", null, 1),
            externalBackend(external(OPENAI, true, null, null), 1));
    spec.getFallbacks().add(externalFallback(external(OPENAI, true, null, null)));
    List<SpecProblem> problems = RouteSpecValidator.validate(spec);
    assertThat(problems)
        .extracting(SpecProblem::field)
        .containsExactly("spec.backends[1].external", "spec.fallbacks[0].external");
    assertThat(problems)
        .allSatisfy(
            p -> {
              assertThat(p.reason()).isEqualTo(RouteReasons.EXTERNAL_BACKEND_FORBIDDEN);
              assertThat(p.message()).contains("local-only");
            });
  }

  @Test
  void internalAllowsOnlyEndpointsMarkedInternal() {
    assertThat(
            RouteSpecValidator.validate(
                spec(
                    PrivacyTier.INTERNAL,
                    externalBackend(external("http://llm.corp.example/v1", true, null, null), 1))))
        .isEmpty();
    List<SpecProblem> problems =
        RouteSpecValidator.validate(
            spec(PrivacyTier.INTERNAL, externalBackend(external(OPENAI, false, null, null), 1)));
    assertThat(problems)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("internal: true"));
  }

  @Test
  void anUnsetPrivacyTierIsInternal() {
    assertThat(
            RouteSpecValidator.validate(
                spec(null, externalBackend(external(OPENAI, false, null, null), 1))))
        .extracting(SpecProblem::reason)
        .containsExactly(RouteReasons.EXTERNAL_BACKEND_FORBIDDEN);
  }

  @Test
  void publicAllowsThirdPartyEndpoints() {
    assertThat(
            RouteSpecValidator.validate(
                spec(PrivacyTier.PUBLIC, externalBackend(external(OPENAI, false, null, null), 1))))
        .isEmpty();
  }

  @Test
  void aNonHttpUrlIsInvalid() {
    List<SpecProblem> problems =
        RouteSpecValidator.validate(
            spec(
                PrivacyTier.PUBLIC,
                poolBackend("chat", "llama", null, 1),
                externalBackend(external("ftp://files.example/v1", false, null, null), 1)));
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("spec.backends[1].external.url");
              assertThat(p.reason()).isEqualTo(RouteReasons.INVALID_EXTERNAL_URL);
            });
  }

  @Test
  void aBackendMustBeExactlyOneKind() {
    WeightedBackend both = poolBackend("chat", "llama", null, 1);
    both.setExternal(external(OPENAI, true, null, null));
    WeightedBackend neither = new WeightedBackend();
    List<SpecProblem> problems =
        RouteSpecValidator.validate(spec(PrivacyTier.PUBLIC, both, neither));
    // Neither backend counts as weighted, so the route has no traffic at all either.
    assertThat(problems)
        .extracting(SpecProblem::reason)
        .containsExactly(
            RouteReasons.NO_WEIGHTED_BACKEND,
            RouteReasons.BACKEND_KIND_AMBIGUOUS,
            RouteReasons.BACKEND_KIND_AMBIGUOUS);
  }
}
