package dev.modelfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelfleet.ranker.gpu.GpuCatalog;
import org.junit.jupiter.api.Test;

class GpusCommandTest extends CliTestSupport {
  @Test
  void gpusPrintsTheBundledCatalogAsATable() {
    int exit = run("gpus");

    assertThat(exit).isZero();
    String[] lines = out.toString().split("\\R");
    assertThat(lines[0]).contains("NAME", "VENDOR", "MEMORY GiB", "BANDWIDTH GB/s", "SOURCE");
    assertThat(lines).hasSize(GpuCatalog.bundled().all().size() + 1);
    assertThat(out.toString())
        .contains("NVIDIA H100 SXM5 80GB")
        .contains("https://www.nvidia.com/en-us/data-center/h100/")
        .contains("AMD Instinct MI300X 192GB");
    assertThat(lineFor("NVIDIA H100 SXM5 80GB")).contains(" 80 ", " 3350 ", "nvidia");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void gpusWritesValidJsonWithEveryEntry() throws Exception {
    int exit = run("gpus", "-o", "json");

    assertThat(exit).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.path("gpus").size()).isEqualTo(GpuCatalog.bundled().all().size());
    assertThat(json.path("warnings").size()).isZero();
    JsonNode h100 = json.path("gpus").get(0);
    assertThat(h100.path("name").asText()).contains("H100");
    assertThat(h100.path("memoryGiB").asDouble()).isEqualTo(80.0);
    assertThat(h100.path("memoryBandwidthGBps").asDouble()).isEqualTo(3350.0);
    assertThat(h100.path("source").asText()).startsWith("https://");
    assertThat(h100.path("labelProducts").toString()).contains("NVIDIA-H100-80GB-HBM3");
  }

  @Test
  void outputFormatIsCaseInsensitiveAndHasALongForm() {
    assertThat(run("gpus", "--output", "JSON")).isZero();
    assertThat(out.toString()).startsWith("{");
  }

  @Test
  void unknownOutputFormatIsAUsageError() {
    assertThat(run("gpus", "-o", "yaml")).isEqualTo(2);
    assertThat(err.toString()).contains("yaml").contains("Usage:");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void unknownOptionOrCommandIsAUsageError() {
    assertThat(run("gpus", "--bogus")).isEqualTo(2);
    assertThat(run("nope")).isEqualTo(2);
  }

  @Test
  void noCommandIsAUsageErrorThatNamesOne() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("modelfleet gpus").contains("Usage:");
  }

  @Test
  void helpAndVersionSucceed() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("gpus");
    assertThat(run("gpus", "--help")).isZero();
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).contains("modelfleet");
  }

  private String lineFor(String name) {
    return out.toString().lines().filter(l -> l.startsWith(name)).findFirst().orElseThrow();
  }
}
