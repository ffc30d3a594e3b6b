package dev.modelfleet.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.modelfleet.gateway.testing.FakeBackend;
import dev.modelfleet.gateway.testing.Fleet;
import dev.modelfleet.gateway.testing.GatewayCalls;
import dev.modelfleet.gateway.testing.GatewayCrds;
import dev.modelfleet.gateway.testing.GatewayTestProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK as a client of the gateway: plain, streamed, embeddings, errors. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
@WithKubernetesTestServer(crud = true, setup = GatewayCrds.class)
class OpenAiSdkTest {
  private static final String KEY = "sk-sdk-caller";

  @KubernetesTestServer KubernetesServer server;

  @TestHTTPResource("/")
  URI base;

  private static FakeBackend engine;

  @BeforeAll
  static void startBackend() {
    engine = FakeBackend.start("engine");
  }

  @AfterAll
  static void stopBackend() {
    engine.close();
  }

  @BeforeEach
  void route() {
    Fleet fleet = new Fleet(server.getClient(), "sdk");
    fleet.pool("pool", Map.of("llama", engine));
    fleet.secret("callers", Map.of("sdk", KEY));
    fleet.secret("others", Map.of("other", "sk-other"));
    fleet.route("chat", "sdk-chat").backend("pool", "llama", 1).apiKeys("callers", "sdk").apply();
    fleet
        .route("other", "sdk-other")
        .backend("pool", "llama", 1)
        .apiKeys("others", "other")
        .apply();
    new GatewayCalls(base).awaitChat("sdk-chat", s -> s == 200, "Authorization", "Bearer " + KEY);
    new GatewayCalls(base)
        .awaitChat("sdk-other", s -> s == 200, "Authorization", "Bearer sk-other");
    engine.reset();
  }

  private OpenAIClient client(String key) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(base.resolve("/v1").toString())
        .apiKey(key)
        .maxRetries(0)
        .build();
  }

  private static ChatCompletionCreateParams.Builder chat(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say hello");
  }

  @Test
  void aChatCompletion() {
    ChatCompletion completion = client(KEY).chat().completions().create(chat("sdk-chat").build());

    assertThat(completion.choices())
        .singleElement()
        .satisfies(c -> assertThat(c.message().content()).hasValue("hello from engine"));
    assertThat(completion.usage())
        .hasValueSatisfying(
            u -> {
              assertThat(u.promptTokens()).isEqualTo(FakeBackend.PROMPT_TOKENS);
              assertThat(u.completionTokens()).isEqualTo(FakeBackend.COMPLETION_TOKENS);
            });
    assertThat(engine.bodies().get(0).getString("model")).isEqualTo("llama");
  }

  @Test
  void aStreamedChatCompletionWithUsage() {
    engine.streaming(4, 20);
    ChatCompletionCreateParams params =
        chat("sdk-chat")
            .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
            .build();

    List<ChatCompletionChunk> chunks;
    try (StreamResponse<ChatCompletionChunk> stream =
        client(KEY).chat().completions().createStreaming(params)) {
      chunks = stream.stream().collect(Collectors.toList());
    }

    String text =
        chunks.stream()
            .flatMap(c -> c.choices().stream())
            .map(choice -> choice.delta().content().orElse(""))
            .collect(Collectors.joining());
    assertThat(text).isEqualTo("tok0 tok1 tok2 tok3 ");
    assertThat(chunks.get(chunks.size() - 1).usage())
        .hasValueSatisfying(
            u -> assertThat(u.completionTokens()).isEqualTo(FakeBackend.COMPLETION_TOKENS));
  }

  @Test
  void embeddings() {
    CreateEmbeddingResponse response =
        client(KEY)
            .embeddings()
            .create(EmbeddingCreateParams.builder().model("sdk-chat").input("hello").build());

    assertThat(response.data())
        .singleElement()
        .satisfies(e -> assertThat(e.embedding()).containsExactly(0.25f, -0.5f));
  }

  @Test
  void gatewayErrorsSurfaceAsTheSdksTypedExceptions() {
    assertThatThrownBy(
            () -> client("sk-wrong").chat().completions().create(chat("sdk-chat").build()))
        .isInstanceOf(UnauthorizedException.class);
    assertThatThrownBy(
            () -> client("sk-other").chat().completions().create(chat("sdk-chat").build()))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("sdk-chat");
    assertThatThrownBy(() -> client(KEY).chat().completions().create(chat("no-such-model").build()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no-such-model");
  }
}
