package dev.modelfleet.ranker.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.ranker.gpu.GpuCatalog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GpuTargetResolverTest {
  private final GpuTargetResolver resolver = GpuTargetResolver.bundled();

  private GpuTarget found(String name) {
    GpuMatch match = resolver.resolve(name);
    assertThat(match.found()).as(name).isTrue();
    return match.target().orElseThrow();
  }

  @Test
  void bundledAliasListLoadsCleanly() {
    assertThat(resolver.warnings()).isEmpty();
  }

  @Test
  void productStringsFromNodeLabelsMatchExactly() {
    assertThat(found("NVIDIA-H100-80GB-HBM3").name()).isEqualTo("NVIDIA H100 SXM5 80GB");
    assertThat(found("nvidia-h100-80gb-hbm3").name()).isEqualTo("NVIDIA H100 SXM5 80GB");
    assertThat(found("Tesla-T4").memoryGiB()).isEqualTo(16);
    assertThat(found("AMD_Instinct_MI300X_OAM").bandwidthGBps()).isEqualTo(5300);
  }

  @Test
  void marketingNamesMatchCaseInsensitively() {
    GpuTarget rtx = found("NVIDIA GeForce RTX 4090");
    assertThat(rtx.memoryGiB()).isEqualTo(24);
    assertThat(rtx.bandwidthGBps()).isEqualTo(1008);
    assertThat(rtx.fromCatalog()).isTrue();
    assertThat(found("rtx 4090")).isEqualTo(rtx);
    assertThat(found("H100 SXM").name()).isEqualTo("NVIDIA H100 SXM5 80GB");
    assertThat(found("h100 pcie").name()).isEqualTo("NVIDIA H100 PCIe 80GB");
    assertThat(found("A10").name()).isEqualTo("NVIDIA A10 24GB");
    assertThat(found("A10G").name()).isEqualTo("NVIDIA A10G 24GB");
    assertThat(found("L40S").name()).isEqualTo("NVIDIA L40S 48GB");
    assertThat(found("MI300X").name()).isEqualTo("AMD Instinct MI300X 192GB");
    assertThat(found("HGX H100").name()).isEqualTo("NVIDIA H100 SXM5 80GB");
  }

  @Test
  void aNameForSeveralDifferentGpusListsThemInsteadOfGuessing() {
    GpuMatch h100 = resolver.resolve("H100");

    assertThat(h100.found()).isFalse();
    assertThat(h100.ambiguous()).isTrue();
    assertThat(h100.candidates())
        .containsExactly("NVIDIA H100 SXM5 80GB", "NVIDIA H100 PCIe 80GB", "NVIDIA H100 NVL 94GB");
    assertThat(resolver.resolve("A100 80GB").candidates()).hasSize(2);
  }

  @Test
  void aNameForSeveralGpusWithTheSameFiguresPicksTheFirstAndSaysSo() {
    GpuMatch a100 = resolver.resolve("A100 40GB");

    assertThat(a100.target().orElseThrow().bandwidthGBps()).isEqualTo(1555);
    assertThat(a100.note().orElseThrow()).contains("also names NVIDIA A100 PCIe 40GB");
  }

  @Test
  void appleSiliconUsesTheMetalWorkingSetOfItsSmallestConfiguration() {
    GpuMatch m2Max = resolver.resolve("Apple M2 Max");
    GpuTarget target = m2Max.target().orElseThrow();

    assertThat(target.name()).isEqualTo("Apple M2 Max 32GB");
    assertThat(target.bandwidthGBps()).isEqualTo(400);
    assertThat(target.memoryGiB()).isEqualTo(32 * 2.0 / 3);
    assertThat(m2Max.note().orElseThrow()).contains("--gpu-memory-gib");
    assertThat(found("m2 ultra").memoryGiB()).isEqualTo(64 * 0.75);
    assertThat(found("M4 Max 40-core").bandwidthGBps()).isEqualTo(546);
    assertThat(found("M4 Max").bandwidthGBps()).isEqualTo(410);
  }

  @Test
  void aMigSliceGetsItsOwnMemoryAndAShareOfTheBandwidth() {
    GpuMatch slice = resolver.resolve("NVIDIA-A100-SXM4-40GB-MIG-1g.5gb");
    GpuTarget target = slice.target().orElseThrow();

    assertThat(target.memoryGiB()).isEqualTo(5);
    assertThat(target.bandwidthGBps()).isEqualTo(1555.0 / 8);
    assertThat(target.fromCatalog()).isFalse();
  }

  @Test
  void unknownNamesMatchNothing() {
    assertThat(resolver.resolve("Voodoo 5 6000").found()).isFalse();
    assertThat(resolver.resolve("Voodoo 5 6000").ambiguous()).isFalse();
    assertThat(resolver.resolve("").found()).isFalse();
    assertThat(resolver.resolve(null).found()).isFalse();
  }

  @Test
  void aBrokenAliasListWarnsAndTheCatalogStillWorks() {
    GpuTargetResolver broken =
        GpuTargetResolver.of(
            GpuCatalog.bundled(),
            new ByteArrayInputStream("{ not json".getBytes(StandardCharsets.UTF_8)));

    assertThat(broken.warnings()).singleElement().asString().contains("not valid JSON");
    assertThat(broken.resolve("RTX 4090").found()).isTrue();
    assertThat(broken.resolve("Apple M2 Max").found()).isFalse();
    assertThat(GpuTargetResolver.of(GpuCatalog.bundled(), null).warnings()).hasSize(1);
  }
}
