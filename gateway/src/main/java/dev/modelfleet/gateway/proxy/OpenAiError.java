package dev.modelfleet.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * An error in OpenAI's format, {@code {"error":{"message","type","param","code"}}}, so OpenAI
 * clients surface the message as they would the API's own.
 */
public record OpenAiError(int status, String message, String type, String param, String code) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A 400 for a request the gateway cannot read. */
  public static OpenAiError invalidRequest(String message, String param) {
    return new OpenAiError(400, message, "invalid_request_error", param, null);
  }

  /** The error as its JSON body. */
  public Buffer body() {
    ObjectNode error = JSON.createObjectNode();
    error.put("message", message);
    error.put("type", type);
    error.put("param", param);
    error.put("code", code);
    ObjectNode root = JSON.createObjectNode();
    root.set("error", error);
    return Buffer.buffer(root.toString());
  }

  /** Sends the error unless a response was already started. */
  public void send(HttpServerResponse response) {
    if (response.headWritten() || response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(status).putHeader("content-type", "application/json").end(body());
  }
}
