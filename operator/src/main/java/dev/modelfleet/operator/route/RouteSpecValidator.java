package dev.modelfleet.operator.route;

import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import dev.modelfleet.crds.v1alpha1.route.ExternalBackend;
import dev.modelfleet.crds.v1alpha1.route.FallbackBackend;
import dev.modelfleet.crds.v1alpha1.route.ModelRouteSpec;
import dev.modelfleet.crds.v1alpha1.route.PrivacyTier;
import dev.modelfleet.crds.v1alpha1.route.WeightedBackend;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks what the CRD's CEL rules say, for API servers too old to enforce them (CEL validation
 * arrived in Kubernetes 1.25): exactly one kind per backend, a weighted backend, http(s) URLs and
 * the privacy tier's limits on external endpoints.
 */
public final class RouteSpecValidator {
  private RouteSpecValidator() {}

  /** Every problem in the spec, in field order; empty when the spec is valid. */
  public static List<SpecProblem> validate(ModelRouteSpec spec) {
    List<SpecProblem> problems = new ArrayList<>();
    PrivacyTier tier = RouteDefaults.privacyTier(spec);
    boolean weighted = false;
    for (int i = 0; i < spec.getBackends().size(); i++) {
      WeightedBackend b = spec.getBackends().get(i);
      String field = "spec.backends[" + i + "]";
      checkKind(field, b.getPoolModel(), b.getExternal(), problems);
      checkExternal(field + ".external", b.getExternal(), tier, problems);
      weighted |= RouteDefaults.weight(b) > 0 && exactlyOneKind(b.getPoolModel(), b.getExternal());
    }
    if (!weighted) {
      problems.add(
          0,
          new SpecProblem(
              "spec.backends",
              RouteReasons.NO_WEIGHTED_BACKEND,
              "no backend takes traffic: give at least one of backends[] a poolModel or"
                  + " external and a weight above 0 (the default is 1)"));
    }
    for (int i = 0; i < spec.getFallbacks().size(); i++) {
      FallbackBackend f = spec.getFallbacks().get(i);
      String field = "spec.fallbacks[" + i + "]";
      checkKind(field, f.getPoolModel(), f.getExternal(), problems);
      checkExternal(field + ".external", f.getExternal(), tier, problems);
    }
    return problems;
  }

  private static boolean exactlyOneKind(ServedModelRef poolModel, ExternalBackend external) {
    return (poolModel == null) != (external == null);
  }

  private static void checkKind(
      String field, ServedModelRef poolModel, ExternalBackend external, List<SpecProblem> out) {
    if (!exactlyOneKind(poolModel, external)) {
      out.add(
          new SpecProblem(
              field,
              RouteReasons.BACKEND_KIND_AMBIGUOUS,
              "set exactly one of poolModel or external"));
    }
  }

  private static void checkExternal(
      String field, ExternalBackend external, PrivacyTier tier, List<SpecProblem> out) {
    if (external == null) {
      return;
    }
    if (!isHttpUrl(external.getUrl())) {
      out.add(
          new SpecProblem(
              field + ".url",
              RouteReasons.INVALID_EXTERNAL_URL,
              "\""
                  + external.getUrl()
                  + "\" is not an http(s) URL with a host: use a base URL such as"
                  + " https://api.openai.com/v1"));
    }
    if (tier == PrivacyTier.LOCAL_ONLY) {
      out.add(
          new SpecProblem(
              field,
              RouteReasons.EXTERNAL_BACKEND_FORBIDDEN,
              "privacyTier local-only allows pool models only: remove the external endpoint"
                  + " or choose privacyTier internal or public"));
    } else if (tier == PrivacyTier.INTERNAL && !Boolean.TRUE.equals(external.getInternal())) {
      out.add(
          new SpecProblem(
              field,
              RouteReasons.EXTERNAL_BACKEND_FORBIDDEN,
              "privacyTier internal allows only external endpoints your organisation runs:"
                  + " set external.internal: true if it does, or privacyTier public"));
    }
  }

  static boolean isHttpUrl(String url) {
    if (url == null || url.isBlank()) {
      return false;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
