package dev.modelfleet.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class UsageScannerTest {
  private static final long LIMIT = 1 << 20;

  @Test
  void readsUsageFromAJsonAnswerSplitAnywhere() {
    String answer =
        "{\"id\":\"x\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":34}}";
    UsageScanner scanner = new UsageScanner(false, LIMIT);
    scanner.accept(Buffer.buffer(answer.substring(0, 20)));
    scanner.accept(Buffer.buffer(answer.substring(20)));
    scanner.finish();

    assertThat(scanner.inputTokens()).isEqualTo(12);
    assertThat(scanner.outputTokens()).isEqualTo(34);
  }

  @Test
  void leavesThePassedOnChunksUntouchedAndSkipsNestedDetails() {
    String answer =
        "{\"choices\":[{\"message\":{\"content\":\"usage\"}}],\"usage\":{\"prompt_tokens\":7,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":3},\"completion_tokens\":2,"
            + "\"total_tokens\":9}}";
    Buffer first = Buffer.buffer(answer.substring(0, 30));
    Buffer second = Buffer.buffer(answer.substring(30, 60));
    Buffer third = Buffer.buffer(answer.substring(60));
    UsageScanner scanner = new UsageScanner(false, LIMIT);
    scanner.accept(first);
    scanner.accept(second);
    scanner.accept(third);
    scanner.finish();

    assertThat(scanner.inputTokens()).isEqualTo(7);
    assertThat(scanner.outputTokens()).isEqualTo(2);
    assertThat(first.toString()).isEqualTo(answer.substring(0, 30));
    assertThat(second.toString()).isEqualTo(answer.substring(30, 60));
  }

  @Test
  void readsUsageFromTheStreamChunkThatCarriesItEvenWhenSplitAcrossReads() {
    String stream =
        "data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}],\"usage\":null}\n\n"
            + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":9}}\n\n"
            + "data: [DONE]\n\n";
    UsageScanner scanner = new UsageScanner(true, LIMIT);
    for (int i = 0; i < stream.length(); i += 7) {
      scanner.accept(Buffer.buffer(stream.substring(i, Math.min(stream.length(), i + 7))));
    }
    scanner.finish();

    assertThat(scanner.inputTokens()).isEqualTo(5);
    assertThat(scanner.outputTokens()).isEqualTo(9);
  }

  @Test
  void anAnswerWithoutUsageOrNotJsonCountsNothing() {
    UsageScanner json = new UsageScanner(false, LIMIT);
    json.accept(Buffer.buffer("<html>502 Bad Gateway</html>"));
    json.finish();
    UsageScanner oversized = new UsageScanner(false, 8);
    oversized.accept(Buffer.buffer("{\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}"));
    oversized.finish();

    assertThat(json.inputTokens() + json.outputTokens()).isZero();
    assertThat(oversized.inputTokens() + oversized.outputTokens()).isZero();
  }
}
