package dev.modelfleet.registry.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelfleet.registry.hub.HubFile;
import dev.modelfleet.registry.hub.HubModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubCacheTest {
  private static final Instant FETCHED = Instant.parse("2026-11-23T10:00:00Z");

  private static CachedHubAnswer answer(String repo, Instant fetchedAt) {
    HubModelInfo info =
        new HubModelInfo(
            repo,
            "abc123",
            List.of("llama"),
            "llama3.1",
            "manual",
            8_030_261_248L,
            Map.of("BF16", 8_030_261_248L),
            List.of(new HubFile("config.json", 855L)));
    return new CachedHubAnswer(
        repo, "main", fetchedAt, info, "W/\"1\"", "{\"hidden_size\":4096}", "W/\"2\"", null);
  }

  /** A store in memory that remembers what was written. */
  private static final class MemoryStore implements RegistryCacheStore {
    String document;

    MemoryStore(String document) {
      this.document = document;
    }

    @Override
    public Optional<String> read() {
      return Optional.ofNullable(document);
    }

    @Override
    public void write(String value) {
      document = value;
    }
  }

  @Test
  void answersSurviveAWriteAndALoad() {
    MemoryStore store = new MemoryStore(null);
    HubCache.load(store).put(answer("meta-llama/Llama-3.1-8B-Instruct", FETCHED));

    HubCache reloaded = HubCache.load(store);

    assertThat(reloaded.warnings()).isEmpty();
    assertThat(reloaded.get("META-LLAMA/Llama-3.1-8B-Instruct", "main"))
        .contains(answer("meta-llama/Llama-3.1-8B-Instruct", FETCHED));
    assertThat(store.document).contains("\"schemaVersion\":" + HubCache.SCHEMA_VERSION);
  }

  @Test
  void aCorruptDocumentIsDiscardedWithAWarning() {
    for (String corrupt :
        List.of(
            "{\"schemaVersion\": 1, \"entries\": [",
            "[]",
            "{\"schemaVersion\": 1, \"entries\": [{\"repo\": \"a/b\"}]}",
            "{\"schemaVersion\": 1, \"entries\": [{\"repo\": \"a/b\", \"revision\": \"main\","
                + " \"fetchedAt\": \"yesterday\", \"info\": {\"id\": \"a/b\"}}]}",
            "{\"schemaVersion\": 1, \"entries\": [{\"repo\": \"a/b\", \"revision\": \"main\","
                + " \"fetchedAt\": \"2026-11-23T10:00:00Z\", \"info\": {\"sha\": \"x\"}}]}")) {
      HubCache cache = HubCache.load(new MemoryStore(corrupt));

      assertThat(cache.all()).as(corrupt).isEmpty();
      assertThat(cache.warnings()).as(corrupt).hasSize(1);
      assertThat(cache.warnings().get(0)).contains("discarded");
    }
  }

  @Test
  void anotherSchemaVersionIsDiscardedAndReplacedOnTheNextWrite() {
    MemoryStore store = new MemoryStore("{\"schemaVersion\": 99, \"entries\": []}");

    HubCache cache = HubCache.load(store);
    cache.put(answer("a/b", FETCHED));

    assertThat(cache.warnings()).singleElement().asString().contains("schemaVersion 99");
    assertThat(HubCache.load(store).get("a/b", "main")).isPresent();
  }

  @Test
  void anUnreadableOrUnwritableStoreIsAWarningNotACrash() {
    RegistryCacheStore broken =
        new RegistryCacheStore() {
          @Override
          public Optional<String> read() throws IOException {
            throw new IOException("permission denied");
          }

          @Override
          public void write(String document) throws IOException {
            throw new IOException("disk full");
          }
        };

    HubCache cache = HubCache.load(broken);
    cache.put(answer("a/b", FETCHED));

    assertThat(cache.get("a/b", "main")).isPresent();
    assertThat(cache.warnings())
        .anyMatch(w -> w.contains("permission denied"))
        .anyMatch(w -> w.contains("disk full"));
  }

  @Test
  void theOldestAnswersGoBeyondTheLimit() {
    HubCache cache = HubCache.load(RegistryCacheStore.none());
    for (int i = 0; i <= HubCache.MAX_ENTRIES; i++) {
      cache.put(answer("org/model-" + i, FETCHED.plusSeconds(i)));
    }

    assertThat(cache.all()).hasSize(HubCache.MAX_ENTRIES);
    assertThat(cache.get("org/model-0", "main")).isEmpty();
    assertThat(cache.get("org/model-" + HubCache.MAX_ENTRIES, "main")).isPresent();
  }

  @Test
  void theFileStoreReplacesTheDocumentAtomicallyAndLeavesNoTemporaryFiles(@TempDir Path dir)
      throws Exception {
    FileCacheStore store = new FileCacheStore(dir.resolve("nested/cache.json"));
    assertThat(store.read()).isEmpty();

    store.write("first");
    store.write("second");

    assertThat(store.read()).contains("second");
    try (Stream<Path> files = Files.list(dir.resolve("nested"))) {
      assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("cache.json");
    }
  }

  @Test
  void aFailedFileWriteKeepsThePreviousDocument(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("cache.json");
    FileCacheStore store = new FileCacheStore(target);
    store.write("good");
    // A directory where the temporary file's rename must land makes the move fail.
    Path blocked = dir.resolve("blocked.json");
    Files.createDirectories(blocked.resolve("child"));
    FileCacheStore failing = new FileCacheStore(blocked);

    assertThatThrownBy(() -> failing.write("new")).isInstanceOf(IOException.class);
    assertThat(store.read()).contains("good");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files)
          .extracting(p -> p.getFileName().toString())
          .containsExactlyInAnyOrder("cache.json", "blocked.json");
    }
  }
}
