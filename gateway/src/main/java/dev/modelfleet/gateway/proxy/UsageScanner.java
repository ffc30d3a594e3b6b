package dev.modelfleet.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads token counts from an answer while it is passed on: the {@code usage} object of a JSON
 * answer, or of the stream chunk that carries it ({@code stream_options.include_usage}). It only
 * looks at copies of the bytes; what the caller receives is never held back.
 */
final class UsageScanner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte NEWLINE = '\n';
  private static final String DATA = "data:";
  private static final String USAGE_KEY = "\"usage\"";

  private final boolean stream;
  private final long limit;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private boolean overflowed;
  private long inputTokens;
  private long outputTokens;

  /**
   * A scanner for a JSON answer ({@code stream} false) or an SSE stream; at most {@code limit}
   * bytes of a JSON answer, or of one SSE line, are kept.
   */
  UsageScanner(boolean stream, long limit) {
    this.stream = stream;
    this.limit = limit;
  }

  /** Looks at the next chunk of the answer. */
  void accept(Buffer chunk) {
    if (!stream) {
      keep(chunk.getBytes(), 0, chunk.length());
      return;
    }
    byte[] bytes = chunk.getBytes();
    int lineStart = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == NEWLINE) {
        keep(bytes, lineStart, i - lineStart);
        if (!overflowed) {
          line(pending.toString(StandardCharsets.UTF_8));
        }
        pending.reset();
        overflowed = false;
        lineStart = i + 1;
      }
    }
    keep(bytes, lineStart, bytes.length - lineStart);
  }

  /** Called at the end of the answer: reads a JSON answer's usage. */
  void finish() {
    if (!stream && !overflowed) {
      read(pending.toByteArray());
    }
    pending.reset();
  }

  long inputTokens() {
    return inputTokens;
  }

  long outputTokens() {
    return outputTokens;
  }

  private void keep(byte[] bytes, int from, int length) {
    if (overflowed) {
      return;
    }
    if (pending.size() + (long) length > limit) {
      overflowed = true;
      pending.reset();
      return;
    }
    pending.write(bytes, from, length);
  }

  private void line(String line) {
    String trimmed = line.strip();
    if (!trimmed.startsWith(DATA) || !trimmed.contains(USAGE_KEY)) {
      return;
    }
    read(trimmed.substring(DATA.length()).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Parses only the {@code usage} object: engines put it last, so finding its key from the end and
   * parsing from the next brace skips the (possibly long) choices.
   */
  private void read(byte[] json) {
    int start = usageObjectStart(json);
    if (start < 0) {
      return;
    }
    try {
      JsonNode usage = JSON.readTree(json, start, json.length - start);
      if (usage != null && usage.isObject()) {
        inputTokens = usage.path("prompt_tokens").asLong(0);
        outputTokens = usage.path("completion_tokens").asLong(0);
      }
    } catch (IOException e) {
      // Not JSON after all (an engine's plain-text error page): no usage to count.
    }
  }

  private static int usageObjectStart(byte[] json) {
    byte[] key = USAGE_KEY.getBytes(StandardCharsets.US_ASCII);
    for (int i = json.length - key.length; i >= 0; i--) {
      if (matchesAt(json, key, i)) {
        for (int j = i + key.length; j < json.length; j++) {
          byte b = json[j];
          if (b == '{') {
            return j;
          }
          if (b != ':' && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
            // "usage": null, or the word inside a string: keep looking further back.
            break;
          }
        }
      }
    }
    return -1;
  }

  private static boolean matchesAt(byte[] json, byte[] key, int at) {
    for (int k = 0; k < key.length; k++) {
      if (json[at + k] != key[k]) {
        return false;
      }
    }
    return true;
  }
}
