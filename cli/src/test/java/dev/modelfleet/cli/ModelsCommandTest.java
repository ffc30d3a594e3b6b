package dev.modelfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.modelfleet.ranker.model.ModelCatalog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelsCommandTest extends CliTestSupport {
  private static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";
  private static final int CATALOG_SIZE = ModelCatalog.bundled().all().size();

  private final UnaryOperator<String> realEnvironment = ModelsShowCommand.environment;

  @AfterEach
  void restoreEnvironment() {
    ModelsShowCommand.environment = realEnvironment;
  }

  private static String registry() {
    return resourcePath("/models/registry.yaml");
  }

  @Test
  void listPrintsEveryCatalogModelAsATable() {
    int exit = run("models", "list");

    assertThat(exit).as(err.toString()).isZero();
    String[] lines = out.toString().split("\\R");
    assertThat(lines[0])
        .contains("MODEL", "FAMILY", "PARAMS B", "CONTEXT", "LICENSE", "GATED", "SOURCES");
    assertThat(lines).hasSize(CATALOG_SIZE + 1);
    assertThat(lineFor(LLAMA)).contains("llama3.1", "yes", "catalog,snapshot", "8.03");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void listJsonAddsTheUserRegistry() throws Exception {
    JsonNode root = runJson(List.of("models", "list"), "--registry", registry(), "--offline");

    JsonNode models = root.path("models");
    assertThat(models.size()).isEqualTo(CATALOG_SIZE + 1);
    JsonNode acme = find(models, "acme/support-llm-13b");
    assertThat(fieldNames(acme))
        .containsExactly(
            "id", "family", "parametersB", "contextLength", "license", "gated", "sources");
    assertThat(acme.path("parametersB").asDouble()).isEqualTo(13.0);
    assertThat(acme.path("contextLength").asInt()).isEqualTo(32768);
    assertThat(acme.path("sources").toString()).isEqualTo("[\"registry\"]");
    assertThat(find(models, "Qwen/Qwen3-8B").path("sources").toString())
        .isEqualTo("[\"catalog\",\"snapshot\",\"registry\"]");
    assertThat(root.path("warnings").size()).isZero();
  }

  @Test
  void showJsonGivesEveryFieldWithItsSourceAndTime() throws Exception {
    JsonNode root =
        runJson(List.of("models", "show", "Qwen/Qwen3-8B"), "--registry", registry(), "--offline");

    assertThat(root.path("id").asText()).isEqualTo("Qwen/Qwen3-8B");
    assertThat(root.path("known").asBoolean()).isTrue();
    assertThat(root.path("sources").toString())
        .isEqualTo("[\"catalog\",\"snapshot\",\"registry\"]");
    assertThat(root.path("parameters").path("totalB").asDouble()).isEqualTo(8.19073536);
    assertThat(root.path("parameters").path("source").asText()).isEqualTo("safetensors_metadata");
    Map<String, JsonNode> byField = new java.util.HashMap<>();
    root.path("provenance").forEach(p -> byField.put(p.path("field").asText(), p));
    assertThat(byField.get("license").path("source").asText()).isEqualTo("registry");
    assertThat(byField.get("license").path("observedAt").asText())
        .isEqualTo("2026-11-02T00:00:00Z");
    assertThat(byField.get("parametersB").path("source").asText()).isEqualTo("snapshot");
    assertThat(byField.get("config").path("source").asText()).isEqualTo("catalog");
    assertThat(byField.get("config").path("value").path("model_type").asText()).isEqualTo("qwen3");
    assertThat(byField.get("team").path("value").asText()).isEqualTo("search");
    assertThat(root.path("facts").size()).isEqualTo(root.path("provenance").size());
    assertThat(root.path("notes").toString()).contains("Hub not consulted: offline");
  }

  @Test
  void showTableListsFieldsSourcesAndNotes() {
    int exit = run("models", "show", LLAMA, "--offline");

    assertThat(exit).as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text).contains("KNOWN       yes (catalog,snapshot)");
    assertThat(text).contains("FIELD", "VALUE", "SOURCE", "OBSERVED AT");
    assertThat(lineFor("license")).contains("llama3.1", "snapshot", "2026-11-23T00:00:00Z");
    assertThat(lineFor("config")).endsWith("catalog   2026-11-23T00:00:00Z").contains("...");
    assertThat(text).contains("NOTES", "- Hub not consulted: offline");
  }

  @Test
  void anUnknownModelIsShownFlaggedUnknown() throws Exception {
    JsonNode root = runJson(List.of("models", "show", "acme/nothing-here"), "--offline");

    assertThat(root.path("known").asBoolean()).isFalse();
    assertThat(root.path("provenance").size()).isZero();
    assertThat(root.path("parameters").isNull()).isTrue();
    assertThat(root.path("notes").toString()).contains("unknown model");
  }

  @Test
  void showReadsTheHubAtTheGivenEndpointWithTheTokenFromTheNamedVariable() throws Exception {
    List<String> authorizations = new CopyOnWriteArrayList<>();
    HttpServer hub = hub(authorizations);
    ModelsShowCommand.environment = name -> name.equals("MF_TEST_TOKEN") ? "hf_secret" : null;
    try {
      String endpoint = "http://127.0.0.1:" + hub.getAddress().getPort();
      JsonNode root =
          runJson(
              List.of("models", "show", "acme/tiny"),
              "--hub-endpoint",
              endpoint,
              "--token-env",
              "MF_TEST_TOKEN");

      assertThat(root.path("known").asBoolean()).isTrue();
      assertThat(root.path("sources").toString()).isEqualTo("[\"hub\"]");
      assertThat(root.path("facts").path("license").asText()).isEqualTo("mit");
      assertThat(root.path("facts").path("sha").asText()).isEqualTo("abc123");
      assertThat(root.path("parameters").path("totalB").asDouble()).isEqualTo(0.5);
      assertThat(authorizations).isNotEmpty().allMatch("Bearer hf_secret"::equals);
      assertThat(out.toString()).doesNotContain("hf_secret");
    } finally {
      hub.stop(0);
    }
  }

  @Test
  void anUnreachableHubIsANoteNotAFailure() throws Exception {
    HttpServer hub = hub(new CopyOnWriteArrayList<>());
    String endpoint = "http://127.0.0.1:" + hub.getAddress().getPort();
    hub.stop(0);

    JsonNode root = runJson(List.of("models", "show", LLAMA), "--hub-endpoint", endpoint);

    assertThat(root.path("known").asBoolean()).isTrue();
    assertThat(root.path("notes").toString()).contains("Hub: NETWORK: ");
  }

  @Test
  void anUnsetTokenVariableIsAWarning() {
    ModelsShowCommand.environment = name -> null;

    int exit =
        run(
            "models",
            "show",
            "acme/nothing",
            "--token-env",
            "MF_UNSET",
            "--hub-endpoint",
            "http://127.0.0.1:9");

    assertThat(exit).isZero();
    assertThat(err.toString()).contains("warning: --token-env MF_UNSET is not set");
  }

  @Test
  void aBadRegistryFileExitsTwoNamingTheFileAndField() {
    String bad = resourcePath("/models/bad-registry.yaml");

    assertThat(run("models", "list", "--registry", bad)).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "error: --registry " + bad + ": models[0].parametersB: must be a positive number");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void otherBadInputExitsTwo() {
    assertThat(run("models", "show", LLAMA, "--registry", "/no/such/registry.yaml")).isEqualTo(2);
    assertThat(err.toString()).contains("--registry: /no/such/registry.yaml is not a file");

    assertThat(run("models", "show", LLAMA, "--hub-endpoint", "ftp://mirror")).isEqualTo(2);
    assertThat(err.toString()).contains("--hub-endpoint must be an http(s) URL");

    assertThat(run("models", "show")).isEqualTo(2);
    assertThat(run("models")).isEqualTo(2);
    assertThat(err.toString()).contains("modelfleet models list");
    assertThat(run("models", "list", "-o", "yaml")).isEqualTo(2);
  }

  /** A Hub answering for one small public repository, recording the Authorization headers. */
  private static HttpServer hub(List<String> authorizations) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "(none)" : auth);
            String path = exchange.getRequestURI().getPath();
            String body;
            if (path.equals("/api/models/acme/tiny")) {
              body =
                  "{\"id\":\"acme/tiny\",\"sha\":\"abc123\",\"gated\":false,"
                      + "\"cardData\":{\"license\":\"mit\"},"
                      + "\"siblings\":[{\"rfilename\":\"model.safetensors\",\"size\":1000000000}],"
                      + "\"safetensors\":{\"parameters\":{\"BF16\":500000000},\"total\":500000000}}";
            } else if (path.equals("/acme/tiny/resolve/main/config.json")) {
              body = "{\"model_type\":\"llama\",\"hidden_size\":1024}";
            } else {
              byte[] missing =
                  "{\"error\":\"Repository not found\"}".getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(404, missing.length);
              exchange.getResponseBody().write(missing);
              return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
          }
        });
    server.start();
    return server;
  }

  private static JsonNode find(JsonNode models, String id) {
    for (JsonNode model : models) {
      if (model.path("id").asText().equals(id)) {
        return model;
      }
    }
    throw new AssertionError("no model " + id);
  }

  private String lineFor(String start) {
    return out.toString().lines().filter(l -> l.startsWith(start + " ")).findFirst().orElseThrow();
  }
}
