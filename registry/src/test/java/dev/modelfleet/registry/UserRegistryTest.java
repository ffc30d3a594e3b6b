package dev.modelfleet.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserRegistryTest {
  private static final Instant WRITTEN = Instant.parse("2026-11-01T00:00:00Z");

  private static final String YAML =
      """
      schemaVersion: 1
      models:
        - id: acme/support-llm-13b
          aliases: [support-llm:13b]
          license: other
          gated: true
          parametersB: 13
          maxContextLength: 32768
          files:
            - name: model.safetensors
              sizeBytes: 26000000000
          team: support        # not a known fact: kept
        - id: Qwen/Qwen3-8B
          observedAt: 2026-10-15
          license: apache-2.0
      """;

  @Test
  void readsYamlEntriesKeepingUnknownFields() throws Exception {
    UserRegistry registry = UserRegistry.parse(YAML, "registry.yaml", WRITTEN);

    assertThat(registry.models()).hasSize(2);
    ModelRecord support = registry.lookup("ACME/support-llm-13b").orElseThrow();
    assertThat(support.source()).isEqualTo(FactSource.REGISTRY);
    assertThat(support.observedAt()).isEqualTo(WRITTEN);
    assertThat(support.get(Fact.PARAMETERS_B).asDouble()).isEqualTo(13.0);
    assertThat(support.get(Fact.GATED).asBoolean()).isTrue();
    assertThat(support.get(Fact.FILES).get(0).path("sizeBytes").asLong())
        .isEqualTo(26_000_000_000L);
    assertThat(support.facts().path("team").asText()).isEqualTo("support");
    assertThat(registry.lookup("support-llm:13b")).contains(support);
    assertThat(registry.lookup("support-llm:7b")).isEmpty();
    assertThat(registry.lookup("Qwen/Qwen3-8B").orElseThrow().observedAt())
        .isEqualTo(Instant.parse("2026-10-15T00:00:00Z"));
  }

  @Test
  void readsJsonAndStreamsToo() throws Exception {
    String json = "{\"models\": [{\"id\": \"acme/x\", \"parametersB\": 1.5}]}";

    UserRegistry registry =
        UserRegistry.parse(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "cm", WRITTEN);

    assertThat(registry.lookup("acme/x").orElseThrow().get(Fact.PARAMETERS_B).asDouble())
        .isEqualTo(1.5);
  }

  @Test
  void blankTextOrNoModelsIsAnEmptyRegistry() throws Exception {
    assertThat(UserRegistry.parse("  \n", "cm", WRITTEN).models()).isEmpty();
    assertThat(UserRegistry.parse("schemaVersion: 1\n", "cm", WRITTEN).models()).isEmpty();
  }

  @Test
  void entriesWithoutOwnDateDateFromTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("registry.yaml");
    Files.writeString(file, YAML);
    Files.setLastModifiedTime(file, FileTime.from(WRITTEN));

    UserRegistry registry = UserRegistry.read(file);

    assertThat(registry.lookup("acme/support-llm-13b").orElseThrow().observedAt())
        .isEqualTo(WRITTEN);
  }

  @Test
  void badInputNamesTheFileAndTheField() {
    expectError("models:\n  - id: acme/x\n    parametersB: -3\n", "r.yaml: models[0].parametersB")
        .hasMessageContaining("positive number");
    expectError("models:\n  - id: acme/x\n    gated: maybe\n", "r.yaml: models[0].gated")
        .hasMessageContaining("true or false");
    expectError("models:\n  - id: acme/x\n    layers: 2.5\n", "r.yaml: models[0].layers");
    expectError("models:\n  - license: mit\n", "r.yaml: models[0].id")
        .hasMessageContaining("needs an id");
    expectError("models:\n  - id: acme/x\n    config: [1]\n", "r.yaml: models[0].config");
    expectError(
        "models:\n  - id: acme/x\n    files:\n      - sizeBytes: 3\n",
        "r.yaml: models[0].files[0].name");
    expectError("models: {id: acme/x}\n", "r.yaml: models").hasMessageContaining("list");
    expectError("- id: acme/x\n", "r.yaml").hasMessageContaining("\"models\" list");
    expectError("schemaVersion: 2\nmodels: []\n", "r.yaml: schemaVersion")
        .hasMessageContaining("reads 1");
    expectError(
        "models:\n  - id: acme/x\n    observedAt: last week\n", "r.yaml: models[0].observedAt");
    expectError("models: [\n", "r.yaml").hasMessageContaining("not valid YAML or JSON");
    expectError("models:\n  - id: acme/x\n    gated: true\n    gated: false\n", "r.yaml")
        .hasMessageContaining("Duplicate field 'gated'");
  }

  @Test
  void aModelListedTwiceIsAnError() {
    expectError(
            "models:\n  - id: acme/x\n  - id: acme/y\n    aliases: [ACME/X]\n",
            "r.yaml: models[1].id")
        .hasMessageContaining("already listed at models[0]");
  }

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> expectError(
      String text, String field) {
    return assertThatThrownBy(() -> UserRegistry.parse(text, "r.yaml", WRITTEN))
        .isInstanceOfSatisfying(
            RegistryFormatException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
