package dev.modelfleet.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.gateway.routing.Backend.PoolModelId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LastUsedRecorderTest {
  private record Write(String namespace, String pool, Map<String, String> annotations) {}

  private final List<Write> writes = new ArrayList<>();
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-03-01T10:00:00.750Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  @Test
  void manyAnswersBecomeOnePatchPerPoolWithTheLatestTimePerModel() {
    LastUsedRecorder recorder =
        new LastUsedRecorder(
            (ns, pool, annotations) -> writes.add(new Write(ns, pool, annotations)),
            Duration.ofMinutes(1),
            clock);
    for (int i = 0; i < 1000; i++) {
      recorder.record(new PoolModelId("team", "pool", "llama"));
      recorder.record(new PoolModelId("team", "pool", "qwen"));
      recorder.record(new PoolModelId("other", "pool", "llama"));
    }
    now.set(Instant.parse("2026-03-01T10:00:30Z"));
    recorder.record(new PoolModelId("team", "pool", "qwen"));

    recorder.flush();

    assertThat(writes)
        .containsExactlyInAnyOrder(
            new Write(
                "team",
                "pool",
                Map.of(
                    "lastused.modelfleet.dev/llama", "2026-03-01T10:00:00Z",
                    "lastused.modelfleet.dev/qwen", "2026-03-01T10:00:30Z")),
            new Write(
                "other", "pool", Map.of("lastused.modelfleet.dev/llama", "2026-03-01T10:00:00Z")));

    writes.clear();
    recorder.flush();
    assertThat(writes).as("nothing new, nothing written").isEmpty();
  }

  @Test
  void aFailedWriteIsKeptForTheNextFlushAndNeverThrows() {
    boolean[] failing = {true};
    LastUsedRecorder recorder =
        new LastUsedRecorder(
            (ns, pool, annotations) -> {
              if (failing[0]) {
                throw new IllegalStateException("API server unavailable");
              }
              writes.add(new Write(ns, pool, annotations));
            },
            Duration.ofMinutes(1),
            clock);
    recorder.record(new PoolModelId("team", "pool", "llama"));

    recorder.flush();
    failing[0] = false;
    recorder.flush();

    assertThat(writes)
        .containsExactly(
            new Write(
                "team", "pool", Map.of("lastused.modelfleet.dev/llama", "2026-03-01T10:00:00Z")));
  }
}
