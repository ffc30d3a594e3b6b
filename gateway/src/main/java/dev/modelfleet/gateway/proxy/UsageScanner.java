package dev.modelfleet.gateway.proxy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads token counts from an answer while it is passed on: the {@code usage} object of a JSON
 * answer, or of the stream chunk that carries it ({@code stream_options.include_usage}). It only
 * looks at the bytes; what the caller receives is never held back or changed.
 */
final class UsageScanner {
  private static final JsonFactory JSON = new JsonFactory();
  private static final byte NEWLINE = '\n';
  private static final String DATA = "data:";
  private static final byte[] USAGE_KEY = "\"usage\"".getBytes(StandardCharsets.US_ASCII);

  private final boolean stream;
  private final long limit;
  // A JSON answer so far: its only chunk as received, or a copy once a second chunk arrives (the
  // chunks already passed on must not be written to).
  private Buffer answer;
  private boolean answerCopied;
  // An SSE line so far.
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
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
    if (stream) {
      acceptStreamed(chunk);
    } else {
      acceptWhole(chunk);
    }
  }

  /** Called at the end of the answer: reads a JSON answer's usage. */
  void finish() {
    if (!stream && !overflowed && answer != null) {
      int start = usageObjectStart(answer);
      if (start >= 0) {
        read(answer.getBytes(start, answer.length()));
      }
    }
    answer = null;
    line.reset();
  }

  long inputTokens() {
    return inputTokens;
  }

  long outputTokens() {
    return outputTokens;
  }

  private void acceptWhole(Buffer chunk) {
    if (overflowed) {
      return;
    }
    long size = (answer == null ? 0 : answer.length()) + (long) chunk.length();
    if (size > limit) {
      overflowed = true;
      answer = null;
      return;
    }
    if (answer == null) {
      answer = chunk;
    } else {
      if (!answerCopied) {
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.min(limit, 2 * size));
        answer = Buffer.buffer(capacity).appendBuffer(answer);
        answerCopied = true;
      }
      answer.appendBuffer(chunk);
    }
  }

  private void acceptStreamed(Buffer chunk) {
    byte[] bytes = chunk.getBytes();
    int lineStart = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == NEWLINE) {
        keepLine(bytes, lineStart, i - lineStart);
        if (!overflowed) {
          line(line.toString(StandardCharsets.UTF_8));
        }
        line.reset();
        overflowed = false;
        lineStart = i + 1;
      }
    }
    keepLine(bytes, lineStart, bytes.length - lineStart);
  }

  private void keepLine(byte[] bytes, int from, int length) {
    if (overflowed) {
      return;
    }
    if (line.size() + (long) length > limit) {
      overflowed = true;
      line.reset();
      return;
    }
    line.write(bytes, from, length);
  }

  private void line(String text) {
    String trimmed = text.strip();
    if (!trimmed.startsWith(DATA) || !trimmed.contains("\"usage\"")) {
      return;
    }
    Buffer data = Buffer.buffer(trimmed.substring(DATA.length()));
    int start = usageObjectStart(data);
    if (start >= 0) {
      read(data.getBytes(start, data.length()));
    }
  }

  /**
   * Reads {@code prompt_tokens} and {@code completion_tokens} from the object that starts {@code
   * json}, field by field, without building a tree; what follows the object is not read.
   */
  private void read(byte[] json) {
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      long prompt = 0;
      long completion = 0;
      for (JsonToken token = parser.nextToken();
          token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        // Counts as numbers, or as "12" or 12.0 from a lenient engine; anything else counts 0.
        if (value.isScalarValue() && "prompt_tokens".equals(name)) {
          prompt = parser.getValueAsLong(0);
        } else if (value.isScalarValue() && "completion_tokens".equals(name)) {
          completion = parser.getValueAsLong(0);
        } else {
          parser.skipChildren();
        }
      }
      inputTokens = prompt;
      outputTokens = completion;
    } catch (IOException e) {
      // Not JSON after all (an engine's plain-text error page): no usage to count.
    }
  }

  /**
   * Where the {@code usage} object starts: engines put it last, so its key is searched from the end
   * and parsing starts at the next brace, skipping the (possibly long) choices.
   */
  private static int usageObjectStart(Buffer json) {
    for (int i = json.length() - USAGE_KEY.length; i >= 0; i--) {
      if (matchesAt(json, i)) {
        for (int j = i + USAGE_KEY.length; j < json.length(); j++) {
          byte b = json.getByte(j);
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

  private static boolean matchesAt(Buffer json, int at) {
    for (int k = 0; k < USAGE_KEY.length; k++) {
      if (json.getByte(at + k) != USAGE_KEY[k]) {
        return false;
      }
    }
    return true;
  }
}
