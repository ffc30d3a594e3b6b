package dev.modelfleet.gateway.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.modelfleet.crds.v1alpha1.route.ModelRoute;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The body of {@code GET /v1/models}, in OpenAI's list format. */
public record ModelList(String object, List<Model> data) {
  /** Who owns every model the gateway lists. */
  public static final String OWNER = "modelfleet";

  /** One model clients may send in a request's {@code model} field. */
  public record Model(
      String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {}

  /** The models of the given routes: one entry per model name, sorted by name. */
  public static ModelList of(Collection<ModelRoute> routes) {
    // When routes in several namespaces claim one name, the oldest claim is the one listed, so
    // "created" does not jump when a newer duplicate appears.
    Comparator<ModelRoute> oldestFirst =
        Comparator.comparingLong(ModelList::createdEpochSeconds)
            .thenComparing(
                r -> r.getMetadata().getNamespace(), Comparator.nullsFirst(String::compareTo))
            .thenComparing(
                r -> r.getMetadata().getName(), Comparator.nullsFirst(String::compareTo));
    Map<String, ModelRoute> byModel = new TreeMap<>();
    for (ModelRoute route : routes) {
      if (!listable(route)) {
        continue;
      }
      byModel.merge(
          route.getSpec().getModel(),
          route,
          (kept, other) -> oldestFirst.compare(kept, other) <= 0 ? kept : other);
    }
    List<Model> data =
        byModel.entrySet().stream()
            .map(e -> new Model(e.getKey(), "model", createdEpochSeconds(e.getValue()), OWNER))
            .toList();
    return new ModelList("list", data);
  }

  private static boolean listable(ModelRoute route) {
    ObjectMeta meta = route.getMetadata();
    // A route being deleted no longer takes requests, so it is not advertised either.
    return meta != null
        && meta.getDeletionTimestamp() == null
        && route.getSpec() != null
        && route.getSpec().getModel() != null
        && !route.getSpec().getModel().isBlank();
  }

  private static long createdEpochSeconds(ModelRoute route) {
    String timestamp = route.getMetadata().getCreationTimestamp();
    if (timestamp == null) {
      return 0;
    }
    try {
      return OffsetDateTime.parse(timestamp).toEpochSecond();
    } catch (DateTimeParseException e) {
      return 0;
    }
  }
}
