package dev.modelfleet.serving.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Client for the endpoints vLLM and SGLang share: {@code GET /v1/models} and {@code GET /health}.
 * Every failure is an {@link EngineException}.
 */
public final class OpenAiEngineClient {

  private final EngineHttp http;

  /** A client for the engine at {@code baseUri}, e.g. http://pool-model.ns.svc:8000. */
  public OpenAiEngineClient(URI baseUri, EngineClientSettings settings) {
    this.http = new EngineHttp(baseUri, settings);
  }

  /** A client with {@link EngineClientSettings#defaults()}. */
  public OpenAiEngineClient(URI baseUri) {
    this(baseUri, EngineClientSettings.defaults());
  }

  /** The models the engine serves, base models and LoRA adapters alike. */
  public List<EngineModel> models() {
    HttpRequest request = http.request("/v1/models").GET().build();
    JsonNode root = http.parse(request, http.send(request));
    JsonNode data = root.path("data");
    if (!data.isArray()) {
      throw new EngineException(
          EngineErrorCode.BAD_RESPONSE,
          EngineHttp.describe(request)
              + " returned no 'data' list: "
              + EngineHttp.quote(root.toString()));
    }
    List<EngineModel> models = new ArrayList<>();
    for (JsonNode item : data) {
      JsonNode id = item.path("id");
      if (!id.isTextual() || id.asText().isEmpty()) {
        throw new EngineException(
            EngineErrorCode.BAD_RESPONSE,
            EngineHttp.describe(request)
                + " listed a model without an 'id': "
                + EngineHttp.quote(item.toString()));
      }
      models.add(
          new EngineModel(
              id.asText(),
              textOrNull(item.path("root")),
              textOrNull(item.path("parent")),
              item.path("max_model_len").canConvertToInt()
                  ? item.path("max_model_len").asInt()
                  : null));
    }
    return models;
  }

  /** Returns when {@code GET /health} answers 2xx; throws otherwise. */
  public void checkHealth() {
    http.send(http.request("/health").GET().build());
  }

  private static String textOrNull(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }
}
