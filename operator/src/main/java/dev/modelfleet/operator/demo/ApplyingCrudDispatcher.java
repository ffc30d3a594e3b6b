package dev.modelfleet.operator.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.LinkedHashMap;

/**
 * Fabric8's CRUD dispatcher with the two things the operator's writes need that it lacks:
 *
 * <ul>
 *   <li>Server-side apply. The ModelPool controller's Deployments and cache claims are applied with
 *       server-side apply even in demo mode (QOSDK 7.7.3 keeps the build-time SSA setting for
 *       dependents: the demo's {@code withSSABasedCreateUpdateMatchForDependentResources(false)}
 *       does not reach them), and the dispatcher answers an apply with 404 when the object does not
 *       exist and 415 when it does. Here an apply creates a missing object and merges into an
 *       existing one, which is what a single field manager applying whole objects gets.
 *   <li>A first status patch. The dispatcher stores a new custom resource's status as JSON null,
 *       and a JSON Patch that adds under {@code /status} then fails ("Cannot reference past scalar
 *       value"). The client diffed against its class's default status, so that default is stored
 *       first.
 * </ul>
 */
final class ApplyingCrudDispatcher extends KubernetesCrudDispatcher {
  static final String APPLY_PATCH = "application/apply-patch+yaml";
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String JSON_PATCH = "application/json-patch+json";
  static final String STATUS_SUFFIX = "/status";
  private static final String CONTENT_TYPE = "Content-Type";
  private static final String HTTP_VERSION = "HTTP/1.1";

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    String contentType = request.getHeader(CONTENT_TYPE);
    String path = withoutQuery(request.getPath());
    if (contentType != null && contentType.startsWith(APPLY_PATCH)) {
      return apply(request, path);
    }
    if (contentType != null && contentType.startsWith(JSON_PATCH) && path.endsWith(STATUS_SUFFIX)) {
      seedNullStatus(path.substring(0, path.length() - STATUS_SUFFIX.length()));
    }
    return super.handlePatch(request);
  }

  private MockResponse apply(RecordedRequest request, String path) {
    // An apply body is YAML or JSON; the dispatcher's create and merge read JSON.
    String body =
        Serialization.asJson(
            Serialization.unmarshal(request.getUtf8Body(), GenericKubernetesResource.class));
    if (findResource(getKey(path)) == null) {
      String collection = path.substring(0, path.lastIndexOf('/'));
      return handleCreate(request(HttpMethod.POST, collection, "application/json", body));
    }
    return super.handlePatch(request(HttpMethod.PATCH, path, MERGE_PATCH, body));
  }

  private void seedNullStatus(String path) {
    var entry = findResource(getKey(path));
    if (entry == null) {
      return;
    }
    GenericKubernetesResource stored =
        Serialization.unmarshal(entry.getValue(), GenericKubernetesResource.class);
    if (stored.getAdditionalProperties().get("status") != null) {
      return;
    }
    Object typed = Serialization.unmarshal(entry.getValue());
    Object status =
        typed instanceof CustomResource<?, ?> resource && resource.getStatus() != null
            ? resource.getStatus()
            : new LinkedHashMap<String, Object>();
    stored.getAdditionalProperties().put("status", status);
    map.put(entry.getKey(), Serialization.asJson(stored));
  }

  private static RecordedRequest request(
      HttpMethod method, String path, String contentType, String body) {
    return new RecordedRequest(
        HTTP_VERSION,
        method,
        path,
        Headers.builder().add(CONTENT_TYPE, contentType).build(),
        new Buffer().writeUtf8(body));
  }

  private static String withoutQuery(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}
