package dev.modelfleet.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodyTest {
  private static RequestBody read(String json) throws IOException {
    return RequestBody.read(Buffer.buffer(json)).orElseThrow();
  }

  @Test
  void theSameModelSendsTheCallersBytes() throws IOException {
    Buffer raw = Buffer.buffer("{ \"model\" : \"m\", \"messages\": [ {\"content\":\"model\"} ] }");
    RequestBody body = RequestBody.read(raw).orElseThrow();

    assertThat(body.model()).hasValue("m");
    assertThat(body.withModel("m")).isSameAs(raw);
  }

  @Test
  void anotherModelReplacesOnlyTheTopLevelModelString() throws IOException {
    RequestBody body =
        read("{\"messages\":[{\"model\":\"keep\"}],\"model\":\"m\\\"x\",\"max_tokens\":3}");

    JsonObject sent = new JsonObject(body.withModel("up/\"stream\"\u00e9"));

    assertThat(sent.getString("model")).isEqualTo("up/\"stream\"\u00e9");
    assertThat(sent.getJsonArray("messages").getJsonObject(0).getString("model")).isEqualTo("keep");
    assertThat(sent.getInteger("max_tokens")).isEqualTo(3);
  }

  @Test
  void aRepeatedModelCountsAsItsLastValueAndEveryCopyIsReplaced() throws IOException {
    RequestBody body = read("{\"model\":\"a\",\"model\":\"b\"}");

    assertThat(body.model()).hasValue("b");
    assertThat(body.withModel("c").toString()).isEqualTo("{\"model\":\"c\",\"model\":\"c\"}");
  }

  @Test
  void aModelThatIsNotANonBlankStringIsMissing() throws IOException {
    assertThat(read("{\"model\":3}").model()).isEmpty();
    assertThat(read("{\"model\":\" \"}").model()).isEmpty();
    assertThat(read("{\"model\":\"a\",\"model\":null}").model()).isEmpty();
    assertThat(read("{\"messages\":[]}").model()).isEmpty();
  }

  @Test
  void streamIsReadAsATreeParseWouldReadIt() throws IOException {
    assertThat(read("{\"stream\":true}").stream()).isTrue();
    assertThat(read("{\"stream\":\"true\"}").stream()).isTrue();
    assertThat(read("{\"stream\":1}").stream()).isTrue();
    assertThat(read("{\"stream\":false}").stream()).isFalse();
    assertThat(read("{\"stream\":{\"x\":true}}").stream()).isFalse();
    assertThat(read("{\"stream_options\":{\"stream\":true}}").stream()).isFalse();
  }

  @Test
  void aBodyThatIsNotAnObjectIsEmpty() throws IOException {
    assertThat(RequestBody.read(Buffer.buffer("[1,2]"))).isEmpty();
    assertThat(RequestBody.read(Buffer.buffer(""))).isEmpty();
  }

  @Test
  void malformedJsonAnywhereFails() {
    assertThatThrownBy(() -> read("{\"model\":\"x\",")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> read("{\"model\":\"x\",\"messages\":[{\"a\":}]}"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aUtf16BodyIsRewrittenThroughATree() throws IOException {
    Buffer raw = Buffer.buffer("{\"model\":\"a\",\"n\":1}".getBytes(StandardCharsets.UTF_16BE));
    RequestBody body = RequestBody.read(raw).orElseThrow();

    assertThat(body.model()).hasValue("a");
    assertThat(new JsonObject(body.withModel("b")).getString("model")).isEqualTo("b");
  }
}
