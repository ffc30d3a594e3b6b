package dev.modelfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankCommandTest extends CliTestSupport {
  private static final String AS_OF = "2026-11-01";

  private static String resource(String name) {
    return resourcePath("/rank/" + name);
  }

  private JsonNode json(String... args) throws Exception {
    return runJson(List.of("rank", "--as-of", AS_OF), args);
  }

  @Test
  void jsonRowsHaveEveryFieldAndComeBestFirst() throws Exception {
    JsonNode root =
        json("--models", resource("catalog.json"), "--hardware", resource("h100-x8.yaml"));

    assertThat(root.path("hardware").path("name").asText()).isEqualTo("h100-node");
    assertThat(root.path("hardware").path("gpusPerNode").asInt()).isEqualTo(8);
    JsonNode models = root.path("models");
    // 4 models x 4 default formats; 405B at BF16 needs more than 8 x 80 GiB.
    assertThat(models.size()).isBetween(12, 15);
    assertThat(fieldNames(models.get(0)))
        .containsExactly(
            "rank",
            "model",
            "quant",
            "engine",
            "contextLength",
            "score",
            "fits",
            "gpus",
            "parallelism",
            "decodeTokensPerSecond",
            "vramPerGpuGiB",
            "vramTotalGiB",
            "evidence",
            "quality",
            "qualityConfidence",
            "speedConfidence",
            "terms",
            "explanation");
    for (int i = 0; i < models.size(); i++) {
      JsonNode row = models.get(i);
      assertThat(row.path("rank").asInt()).isEqualTo(i + 1);
      assertThat(row.path("fits").asBoolean()).isTrue();
      assertThat(row.path("explanation").size()).isEqualTo(4);
      if (i > 0) {
        JsonNode before = models.get(i - 1);
        double a = before.path("score").asDouble();
        double b = row.path("score").asDouble();
        assertThat(a).isGreaterThanOrEqualTo(b);
        if (a == b) {
          assertThat(before.path("model").asText() + " " + before.path("quant").asText())
              .isLessThanOrEqualTo(row.path("model").asText() + " " + row.path("quant").asText());
        }
      }
    }
  }

  @Test
  void theSameInputGivesTheSameOutput() throws Exception {
    String first =
        json("--models", resource("catalog.json"), "--hardware", resource("h100-x8.yaml"))
            .toString();
    out.getBuffer().setLength(0);
    String second =
        json("--models", resource("catalog.json"), "--hardware", resource("h100-x8.yaml"))
            .toString();
    assertThat(second).isEqualTo(first);
  }

  @Test
  void unfitModelsAreLeftOutUnlessAskedForAndSayWhy() throws Exception {
    JsonNode fitting =
        json("--models", resource("catalog.json"), "--hardware", resource("h100-x1.yaml"));
    assertThat(fitting.path("models").findValuesAsText("model"))
        .doesNotContain("meta-llama/Llama-3.1-405B-Instruct");

    out.getBuffer().setLength(0);
    JsonNode all =
        json(
            "--models",
            resource("catalog.json"),
            "--hardware",
            resource("h100-x1.yaml"),
            "--include-unfit");
    JsonNode models = all.path("models");
    JsonNode last = models.get(models.size() - 1);
    assertThat(last.path("fits").asBoolean()).isFalse();
    assertThat(last.path("score").asDouble()).isZero();
    assertThat(last.path("explanation").get(0).asText())
        .matches("won't fit: needs \\d+(\\.\\d)? GiB, the node has 80 GiB");
    assertThat(models.findValuesAsText("model")).contains("meta-llama/Llama-3.1-405B-Instruct");
    assertThat(models.size()).isEqualTo(16);
  }

  @Test
  void aModelTooBigForOneGpuIsSplitWithTensorParallelism() throws Exception {
    JsonNode models =
        json(
                "--models",
                resource("catalog.json"),
                "--hardware",
                resource("h100-x8.yaml"),
                "--quants",
                "bf16")
            .path("models");
    JsonNode big = null;
    for (JsonNode row : models) {
      if (row.path("model").asText().equals("meta-llama/Llama-3.1-70B-Instruct")) {
        big = row;
      }
    }
    assertThat(big).isNotNull();
    assertThat(big.path("gpus").asInt()).isGreaterThan(1);
    assertThat(big.path("parallelism").asText()).isEqualTo("tensor");
    assertThat(big.path("engine").asText()).isEqualTo("vllm");
  }

  @Test
  void observationsFromAFileCountAsEvidence() throws Exception {
    JsonNode models =
        json(
                "--models",
                resource("catalog.json"),
                "--hardware",
                resource("h100-x1.yaml"),
                "--quants",
                "bf16",
                "--observations",
                resource("observations.json"))
            .path("models");
    JsonNode qwen = null;
    for (JsonNode row : models) {
      if (row.path("model").asText().equals("Qwen/Qwen2.5-7B-Instruct")) {
        qwen = row;
      }
    }
    assertThat(qwen).isNotNull();
    assertThat(qwen.path("evidence").asText()).isEqualTo("direct");
  }

  @Test
  void aDirectoryOfConfigsNamedForTheirModelsIsRanked() throws Exception {
    JsonNode models =
        json(
                "--models",
                resource("configs"),
                "--hardware",
                resource("custom-gpu.yaml"),
                "--quants",
                "awq")
            .path("models");
    assertThat(models.findValuesAsText("model"))
        .containsExactlyInAnyOrder("meta-llama/Llama-3.1-8B-Instruct", "Qwen/Qwen3-30B-A3B");
  }

  @Test
  void theTableListsRowsAndExplainsTheTopOnes() {
    int exit =
        run(
            "rank",
            "--as-of",
            AS_OF,
            "--models",
            resource("catalog.json"),
            "--hardware",
            resource("h100-x1.yaml"),
            "--include-unfit");
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("h100-single: 1 x ")
        .contains("MODEL")
        .contains("#1 ")
        .contains("- score ");
  }

  @Test
  void badInputNamesTheFieldAndExitsWithTwo() {
    assertThat(
            run(
                "rank",
                "--models",
                resource("catalog.json"),
                "--hardware",
                resource("bad-count.yaml")))
        .isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "error: --hardware bad-count.yaml: spec.gpu.countPerNode must be a whole number of at"
                + " least 1, was 0");
    assertThat(err.toString().strip().lines()).hasSize(1);

    err.getBuffer().setLength(0);
    assertThat(
            run(
                "rank",
                "--models",
                resource("catalog.json"),
                "--hardware",
                resource("unknown-gpu.yaml")))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("spec.gpu.product: unknown GPU 'Mystery-GPU-9000'")
        .contains("spec.gpu.memoryGiB and spec.gpu.memoryBandwidthGBps");

    err.getBuffer().setLength(0);
    assertThat(
            run(
                "rank",
                "--models",
                resource("catalog.json"),
                "--hardware",
                resource("h100-x1.yaml"),
                "--observations",
                resource("bad-observations.json")))
        .isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("error: --observations bad-observations.json: [1].score must be a number");
  }

  @Test
  void aMissingOrMalformedCatalogIsAnError(@TempDir Path dir) throws Exception {
    Path broken = Files.writeString(dir.resolve("models.json"), "{not json");
    assertThat(run("rank", "--models", broken.toString(), "--hardware", resource("h100-x1.yaml")))
        .isEqualTo(2);
    assertThat(err.toString()).startsWith("error: --models: ");

    err.getBuffer().setLength(0);
    assertThat(run("rank", "--hardware", resource("h100-x1.yaml"))).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: --models is required");

    Path wrongKind =
        Files.writeString(
            dir.resolve("pool.yaml"), "apiVersion: modelfleet.dev/v1alpha1\nkind: ModelPool\n");
    err.getBuffer().setLength(0);
    assertThat(
            run("rank", "--models", resource("catalog.json"), "--hardware", wrongKind.toString()))
        .isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("error: --hardware pool.yaml: kind must be HardwareProfile, was 'ModelPool'");
  }
}
