package dev.modelfleet.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
  private static final Path EXAMPLES = Path.of(System.getProperty("repo.root", ".."), "examples");
  private static final Path POOL = EXAMPLES.resolve("modelpool-chat.yaml");
  private static final Path NODES = EXAMPLES.resolve("cluster/nodes.yaml");

  @TempDir Path dir;

  @Test
  void jsonListsPlacementsUnfitAndTotalsForTheExamplePool() throws IOException {
    Result result = run("-f", POOL.toString(), "--cluster", NODES.toString(), "-o", "json");

    assertThat(result.code).isZero();
    JsonNode plan = new ObjectMapper().readTree(result.out);
    assertThat(plan.path("placements")).isNotEmpty();
    JsonNode llama = find(plan.path("placements"), "llama-8b");
    assertThat(llama.path("engine").asText()).isEqualTo("vllm");
    assertThat(llama.path("nodes")).hasSize(2);
    assertThat(llama.path("gpus").asInt()).isEqualTo(1);
    assertThat(llama.path("vramGiB").asDouble()).isPositive();
    assertThat(llama.path("score").asDouble()).isBetween(0.0, 100.0);
    assertThat(plan.path("evictions").isArray()).isTrue();
    assertThat(plan.path("unfit").isArray()).isTrue();
    assertThat(plan.path("totals").path("gpus").asInt()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void aPreviousPlanFedBackAsCurrentIsKeptAndAShrunkBudgetEvicts() throws IOException {
    String first = run("-f", POOL.toString(), "--cluster", NODES.toString(), "-o", "json").out;
    Path current = Files.writeString(dir.resolve("current.json"), first);
    // The same pool on one MI300X node with 40 GiB of disk: the lowest-value model must go.
    String shrunk =
        Files.readString(POOL)
            .replace("diskGiBPerNode: 400", "diskGiBPerNode: 40")
            .replace(
                "matchLabels:\n      modelfleet.dev/detected: \"true\"",
                "names: [amd-instinct-mi300x-oam-x8]");
    Path pool = Files.writeString(dir.resolve("pool.yaml"), shrunk);
    String onOneNode = run("-f", pool.toString(), "--cluster", NODES.toString(), "-o", "json").out;
    Path currentOnOneNode = Files.writeString(dir.resolve("one.json"), onOneNode);

    Result again =
        run(
            "-f",
            POOL.toString(),
            "--cluster",
            NODES.toString(),
            "--current",
            current.toString(),
            "-o",
            "json");
    Result evicting =
        run(
            "-f",
            pool.toString(),
            "--cluster",
            NODES.toString(),
            "--current",
            currentOnOneNode.toString(),
            "-o",
            "json");

    assertThat(new ObjectMapper().readTree(again.out).path("placements"))
        .isEqualTo(new ObjectMapper().readTree(first).path("placements"));
    assertThat(evicting.code).isZero();
    assertThat(new ObjectMapper().readTree(evicting.out).path("totals").path("diskGiB").asDouble())
        .isLessThanOrEqualTo(40.0);
  }

  @Test
  void yamlPrintsTheManifestsTheControllerWouldApply() {
    Result result = run("-f", POOL.toString(), "--cluster", NODES.toString(), "-o", "yaml");

    assertThat(result.code).isZero();
    assertThat(result.out).contains("kind: \"Deployment\"").contains("kind: \"Service\"");
    assertThat(result.out).contains("name: \"chat-llama-8b\"");
    assertThat(result.out).contains("kind: \"PersistentVolumeClaim\"");
  }

  @Test
  void tableSaysWhatIsPlacedAndWhatIsLeftOut() {
    Result result = run("-f", POOL.toString(), "--cluster", NODES.toString());

    assertThat(result.code).isZero();
    assertThat(result.out)
        .contains("Plan for ModelPool chat")
        .contains("llama-8b")
        .contains("Totals:");
  }

  @Test
  void badInputExitsTwoNamingTheFileAndField() throws IOException {
    Path wrongType =
        Files.writeString(
            dir.resolve("bad.yaml"),
            Files.readString(POOL).replace("contextLength: 16384", "contextLength: lots"));
    Result result = run("-f", wrongType.toString(), "--cluster", NODES.toString());
    assertThat(result.code).isEqualTo(2);
    assertThat(result.err).contains("bad.yaml").contains("spec.models[0].contextLength");

    Path noModels =
        Files.writeString(
            dir.resolve("empty.yaml"),
            "apiVersion: modelfleet.dev/v1alpha1\nkind: ModelPool\nmetadata:\n  name: x\nspec:\n  models: []\n");
    Result empty = run("-f", noModels.toString(), "--cluster", NODES.toString());
    assertThat(empty.code).isEqualTo(2);
    assertThat(empty.err).contains("empty.yaml").contains("spec.models");

    Result missing = run("-f", POOL.toString(), "--cluster", dir.resolve("nope.yaml").toString());
    assertThat(missing.code).isEqualTo(2);
    assertThat(missing.err).contains("nope.yaml").contains("no such file");

    Result noCluster = run("-f", POOL.toString());
    assertThat(noCluster.code).isEqualTo(2);
    assertThat(noCluster.err).contains("--cluster is required");
  }

  private static JsonNode find(JsonNode array, String model) {
    for (JsonNode n : array) {
      if (model.equals(n.path("model").asText())) {
        return n;
      }
    }
    throw new AssertionError("no " + model + " in " + array);
  }

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        PlanCommand.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private record Result(int code, String out, String err) {}
}
