package dev.modelfleet.gateway.proxy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request body read once with a streaming parser: the whole body is checked to be one JSON
 * object, and only the top-level {@code model} and {@code stream} are kept. The body sent to a
 * backend is the caller's bytes with the {@code model} string replaced in place, so a body is never
 * turned into a tree and written back.
 */
final class RequestBody {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper TREE = new ObjectMapper();
  private static final String MODEL = "model";
  private static final String STREAM = "stream";

  private final byte[] bytes;
  private final Buffer raw;
  private final JsonToken modelToken;
  private final String model;
  private final boolean stream;
  // Start (the opening quote) and end (after the closing quote) of each top-level model string;
  // null when the body is not UTF-8.
  private final List<int[]> modelSpans;

  private RequestBody(
      Buffer raw,
      byte[] bytes,
      JsonToken modelToken,
      String model,
      boolean stream,
      List<int[]> modelSpans) {
    this.raw = raw;
    this.bytes = bytes;
    this.modelToken = modelToken;
    this.model = model;
    this.stream = stream;
    this.modelSpans = modelSpans;
  }

  /** The body's fields, or empty when it is valid JSON but not an object. */
  static Optional<RequestBody> read(Buffer raw) throws IOException {
    byte[] bytes = raw.getBytes();
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      JsonToken modelToken = null;
      String model = null;
      boolean stream = false;
      List<int[]> spans = new ArrayList<>(1);
      boolean spliceable = true;
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
        if (token == null) {
          throw new IOException("Unexpected end of input: the JSON object is not closed");
        }
        // Only a field name can appear here: its value is consumed below.
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (MODEL.equals(field)) {
          // A repeated key counts as its last value, as a tree parse would.
          modelToken = value;
          if (value == JsonToken.VALUE_STRING) {
            long start = parser.currentTokenLocation().getByteOffset();
            model = parser.getText();
            // A body in UTF-16 or UTF-32 has no byte offsets: it is rewritten as a tree instead.
            spliceable &= start >= 0 && bytes[(int) start] == '"';
            if (spliceable) {
              spans.add(new int[] {(int) start, stringEnd(bytes, (int) start)});
            }
          } else {
            model = null;
          }
        } else if (STREAM.equals(field)) {
          stream = truthy(parser, value);
        }
        skipValue(parser, value);
      }
      // The rest of the body is not read, as a tree parse would leave it.
      return Optional.of(
          new RequestBody(raw, bytes, modelToken, model, stream, spliceable ? spans : null));
    }
  }

  /** The requested model: present when {@code model} is a non-blank string. */
  Optional<String> model() {
    return modelToken == JsonToken.VALUE_STRING && !model.isBlank()
        ? Optional.of(model)
        : Optional.empty();
  }

  /** Whether the caller asked for a stream of server-sent events. */
  boolean stream() {
    return stream;
  }

  /** The body for a backend serving {@code upstreamModel}: the caller's bytes, model replaced. */
  Buffer withModel(String upstreamModel) {
    if (modelSpans == null) {
      return rewrittenTree(upstreamModel);
    }
    if (upstreamModel.equals(model) && modelSpans.size() == 1) {
      return raw;
    }
    byte[] quoted = quoted(upstreamModel);
    Buffer out = Buffer.buffer(bytes.length + modelSpans.size() * quoted.length);
    int from = 0;
    for (int[] span : modelSpans) {
      out.appendBytes(bytes, from, span[0] - from).appendBytes(quoted);
      from = span[1];
    }
    return out.appendBytes(bytes, from, bytes.length - from);
  }

  private Buffer rewrittenTree(String upstreamModel) {
    try {
      ObjectNode tree = (ObjectNode) TREE.readTree(bytes);
      tree.put(MODEL, upstreamModel);
      return Buffer.buffer(TREE.writeValueAsBytes(tree));
    } catch (IOException e) {
      throw new IllegalStateException("a parsed JSON body could not be parsed again", e);
    }
  }

  private static byte[] quoted(String value) {
    byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(value);
    byte[] quoted = new byte[escaped.length + 2];
    quoted[0] = '"';
    System.arraycopy(escaped, 0, quoted, 1, escaped.length);
    quoted[quoted.length - 1] = '"';
    return quoted;
  }

  /** How a tree parse's {@code asBoolean(false)} reads a value. */
  private static boolean truthy(JsonParser parser, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_TRUE -> true;
      case VALUE_NUMBER_INT -> parser.getLongValue() != 0;
      case VALUE_STRING -> "true".equals(parser.getText().trim());
      default -> false;
    };
  }

  /** Reads past a value; nested values are tokenised, so malformed JSON still fails. */
  private static void skipValue(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT && value != JsonToken.START_ARRAY) {
      return;
    }
    int depth = 1;
    while (depth > 0) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new IOException("Unexpected end of input");
      }
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        depth++;
      } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        depth--;
      }
    }
  }

  /** The offset after the closing quote of the JSON string whose opening quote is at start. */
  private static int stringEnd(byte[] bytes, int start) {
    int i = start + 1;
    while (bytes[i] != '"') {
      i += bytes[i] == '\\' ? 2 : 1;
    }
    return i + 1;
  }
}
