package dev.modelfleet.ranker.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GpuCatalogTest {
  private static final GpuCatalog CATALOG = GpuCatalog.bundled();

  @Test
  void bundledCatalogLoadsEveryEntryWithoutWarnings() {
    assertThat(CATALOG.warnings()).isEmpty();
    assertThat(CATALOG.all()).hasSizeGreaterThanOrEqualTo(27);
    assertThat(GpuCatalog.bundled()).isSameAs(CATALOG);
  }

  @Test
  void everyEntryCarriesItsSourceAndPositiveNumbers() {
    assertThat(CATALOG.all())
        .allSatisfy(
            gpu -> {
              assertThat(gpu.source()).as(gpu.name()).startsWith("https://");
              assertThat(gpu.memoryGiB()).as(gpu.name()).isPositive();
              assertThat(gpu.memoryBandwidthGBps()).as(gpu.name()).isPositive();
              assertThat(gpu.vendor()).as(gpu.name()).isIn("nvidia", "amd");
              assertThat(gpu.family()).as(gpu.name()).isNotBlank();
              if (gpu.vendor().equals("nvidia")) {
                assertThat(gpu.computeCapability()).as(gpu.name()).matches("\\d+\\.\\d+");
              }
            });
  }

  @ParameterizedTest
  @CsvSource({
    "NVIDIA-H100-80GB-HBM3, NVIDIA H100 SXM5 80GB",
    "NVIDIA-H100-PCIe, NVIDIA H100 PCIe 80GB",
    "NVIDIA-H100-NVL, NVIDIA H100 NVL 94GB",
    "NVIDIA-H200, NVIDIA H200 SXM 141GB",
    "NVIDIA-H200-NVL, NVIDIA H200 NVL 141GB",
    "NVIDIA-B200, NVIDIA B200 180GB",
    "NVIDIA-GH200-480GB, NVIDIA GH200 Grace Hopper 96GB HBM3",
    "NVIDIA-A100-SXM4-40GB, NVIDIA A100 SXM4 40GB",
    "A100-SXM4-40GB, NVIDIA A100 SXM4 40GB",
    "NVIDIA-A100-SXM4-80GB, NVIDIA A100 SXM4 80GB",
    "NVIDIA-A100-PCIE-40GB, NVIDIA A100 PCIe 40GB",
    "A100-PCIE-40GB, NVIDIA A100 PCIe 40GB",
    "NVIDIA-A100-80GB-PCIe, NVIDIA A100 PCIe 80GB",
    "NVIDIA-A10G, NVIDIA A10G 24GB",
    "NVIDIA-A10, NVIDIA A10 24GB",
    "NVIDIA-L4, NVIDIA L4 24GB",
    "NVIDIA-L40S, NVIDIA L40S 48GB",
    "NVIDIA-L40, NVIDIA L40 48GB",
    "Tesla-T4, NVIDIA T4 16GB",
    "Tesla-V100-SXM2-16GB, NVIDIA V100 SXM2 16GB",
    "Tesla-V100-SXM2-32GB, NVIDIA V100 SXM2 32GB",
    "Tesla-V100-PCIE-16GB, NVIDIA V100 PCIe 16GB",
    "Tesla-V100-PCIE-32GB, NVIDIA V100 PCIe 32GB",
    "NVIDIA-GeForce-RTX-4090, NVIDIA GeForce RTX 4090 24GB",
    "NVIDIA-GeForce-RTX-3090, NVIDIA GeForce RTX 3090 24GB",
    "NVIDIA-RTX-A6000, NVIDIA RTX A6000 48GB",
    "NVIDIA-RTX-6000-Ada-Generation, NVIDIA RTX 6000 Ada Generation 48GB",
    "AMD_Instinct_MI300X_OAM, AMD Instinct MI300X 192GB",
    "AMD_Instinct_MI300X, AMD Instinct MI300X 192GB",
    "74a1, AMD Instinct MI300X 192GB",
    "0x74A1, AMD Instinct MI300X 192GB",
    "AMD_Instinct_MI325X, AMD Instinct MI325X 256GB",
    "74a5, AMD Instinct MI325X 256GB",
    "AMD_Instinct_MI250X, AMD Instinct MI250X 64GB per GCD",
    "740c, AMD Instinct MI250X 64GB per GCD",
    "AMD_Instinct_MI210, AMD Instinct MI210 64GB",
    "Instinct_MI210, AMD Instinct MI210 64GB",
    "740f, AMD Instinct MI210 64GB"
  })
  void realLabelValuesResolveToTheirEntry(String label, String expected) {
    assertThat(CATALOG.lookup(label)).map(GpuModel::name).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "Tesla-T4-SHARED, NVIDIA T4 16GB",
    "NVIDIA-A10G-SHARED, NVIDIA A10G 24GB",
    "NVIDIA-A100-SXM4-40GB-MIG-1g.5gb, NVIDIA A100 SXM4 40GB",
    "NVIDIA-A100-SXM4-40GB-MIG-3g.20gb+me, NVIDIA A100 SXM4 40GB",
    "NVIDIA-A100-80GB-PCIe-MIG-1g.10gb, NVIDIA A100 PCIe 80GB",
    "NVIDIA-H100-80GB-HBM3-MIG-1g.10gb, NVIDIA H100 SXM5 80GB",
    "A100-SXM4-40GB-MIG-1g.5gb-SHARED, NVIDIA A100 SXM4 40GB",
    "NVIDIA-A100-SXM4-40GB-MIG-INVALID, NVIDIA A100 SXM4 40GB"
  })
  void sharingAndMigSuffixesAreStrippedBeforeMatching(String label, String expected) {
    assertThat(CATALOG.lookup(label)).map(GpuModel::name).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "nvidia-a100-sxm4-80gb, NVIDIA A100 SXM4 80GB",
    "NVIDIA A100-SXM4-80GB, NVIDIA A100 SXM4 80GB",
    "nvidia_l40s, NVIDIA L40S 48GB",
    "'  NVIDIA-L4  ', NVIDIA L4 24GB",
    "amd instinct mi300x oam, AMD Instinct MI300X 192GB",
    "NVIDIA H100 SXM5 80GB, NVIDIA H100 SXM5 80GB"
  })
  void lookupIgnoresCaseAndTreatsSeparatorsAlike(String label, String expected) {
    assertThat(CATALOG.lookup(label)).map(GpuModel::name).contains(expected);
  }

  @Test
  void a100MemoryVariantsAreNeverConfused() {
    assertThat(CATALOG.lookup("NVIDIA-A100-SXM4-40GB")).map(GpuModel::memoryGiB).contains(40.0);
    assertThat(CATALOG.lookup("NVIDIA-A100-SXM4-80GB")).map(GpuModel::memoryGiB).contains(80.0);
    assertThat(CATALOG.lookup("NVIDIA-A100-PCIE-40GB")).map(GpuModel::memoryGiB).contains(40.0);
    assertThat(CATALOG.lookup("NVIDIA-A100-80GB-PCIe")).map(GpuModel::memoryGiB).contains(80.0);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "NVIDIA-Future-X1000-96GB",
        "NVIDIA-A100",
        "A100",
        "NVIDIA-A100-SXM4",
        "NVIDIA-H100",
        "NVIDIA-L4-PCIe",
        "NVIDIA-L40S-PCIe",
        "Tesla-T4-16GB",
        "AMD_Instinct",
        "ffff",
        "   "
      })
  void unknownOrAmbiguousProductsMatchNothing(String label) {
    assertThat(CATALOG.lookup(label)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "NVIDIA-A100-SXM4-40GB-MIG-1g.5gb, NVIDIA-A100-SXM4-40GB, 1g.5gb",
    "NVIDIA-A100-SXM4-40GB-MIG-3g.20gb+me, NVIDIA-A100-SXM4-40GB, 3g.20gb+me",
    "NVIDIA-H100-80GB-HBM3-MIG-1g.10gb.me, NVIDIA-H100-80GB-HBM3, 1g.10gb.me",
    "NVIDIA-H100-80GB-HBM3-MIG-1c.3g.40gb, NVIDIA-H100-80GB-HBM3, 1c.3g.40gb",
    "NVIDIA-H100-80GB-HBM3-MIG-1g.20gb-me, NVIDIA-H100-80GB-HBM3, 1g.20gb-me",
    "A100-SXM4-40GB-MIG-1g.5gb-SHARED, A100-SXM4-40GB, 1g.5gb",
    "nvidia-a100-sxm4-40gb-mig-2g.10gb, nvidia-a100-sxm4-40gb, 2g.10gb"
  })
  void migProductsSplitIntoBaseAndProfile(String label, String base, String profile) {
    assertThat(GpuCatalog.baseProduct(label)).isEqualTo(base);
    assertThat(GpuCatalog.migProfileOf(label)).contains(profile);
  }

  @ParameterizedTest
  @CsvSource({
    "Tesla-T4-SHARED, Tesla-T4",
    "NVIDIA-L40S, NVIDIA-L40S",
    "NVIDIA-A100-SXM4-40GB-MIG-INVALID, NVIDIA-A100-SXM4-40GB",
    "AMD_Instinct_MI300X_OAM, AMD_Instinct_MI300X_OAM",
    "NVIDIA-Future-MIG-Edition, NVIDIA-Future-MIG-Edition"
  })
  void productsWithoutAMigProfileKeepTheirBaseAndHaveNoProfile(String label, String base) {
    assertThat(GpuCatalog.baseProduct(label)).isEqualTo(base);
    assertThat(GpuCatalog.migProfileOf(label)).isEmpty();
  }

  @Test
  void nullProductsAreHandled() {
    assertThat(GpuCatalog.baseProduct(null)).isEmpty();
    assertThat(GpuCatalog.migProfileOf(null)).isEmpty();
  }

  @Test
  void aliasesAndDeviceIdsAreUniqueAcrossEntries() {
    Map<String, String> owners = new HashMap<>();
    for (GpuModel gpu : CATALOG.all()) {
      for (String alias : concat(List.of(gpu.name()), gpu.labelProducts())) {
        String previous = owners.putIfAbsent(ProductLabel.key(alias), gpu.name());
        assertThat(previous).as("alias %s", alias).isIn(null, gpu.name());
      }
      for (String id : gpu.deviceIds()) {
        String previous = owners.putIfAbsent("device:" + id, gpu.name());
        assertThat(previous).as("device id %s", id).isNull();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{not json",
        "",
        "[]",
        "{\"schemaVersion\": 2, \"gpus\": []}",
        "{\"gpus\": []}",
        "{\"schemaVersion\": 1}",
        "{\"schemaVersion\": 1, \"gpus\": {}}"
      })
  void malformedCatalogGivesAnEmptyCatalogWithAWarning(String json) {
    GpuCatalog catalog = GpuCatalog.fromJson(stream(json));

    assertThat(catalog.all()).isEmpty();
    assertThat(catalog.warnings()).hasSize(1);
    assertThat(catalog.lookup("NVIDIA-L4")).isEmpty();
  }

  @Test
  void missingInputGivesAnEmptyCatalogWithAWarning() {
    GpuCatalog catalog = GpuCatalog.fromJson(null);

    assertThat(catalog.all()).isEmpty();
    assertThat(catalog.warnings()).singleElement().asString().contains("missing");
  }

  @Test
  void badEntriesAreSkippedAndTheRestKept() {
    String json =
        """
        {"schemaVersion": 1, "gpus": [
          %s,
          {"name": "No Source", "vendor": "nvidia", "family": "x", "memoryGiB": 8,
           "memoryBandwidthGBps": 100, "labelProducts": ["NO-SOURCE"]},
          {"name": "Negative", "vendor": "nvidia", "family": "x", "memoryGiB": -1,
           "memoryBandwidthGBps": 100, "labelProducts": ["NEG"], "source": "https://example.com"},
          {"name": "Bad Vendor", "vendor": "intel", "family": "x", "memoryGiB": 8,
           "memoryBandwidthGBps": 100, "labelProducts": ["BV"], "source": "https://example.com"},
          {"name": "Wrong Type", "memoryGiB": "lots"},
          42
        ]}
        """
            .formatted(entry("Good GPU", "GOOD-GPU"));

    GpuCatalog catalog = GpuCatalog.fromJson(stream(json));

    assertThat(catalog.all()).extracting(GpuModel::name).containsExactly("Good GPU");
    assertThat(catalog.lookup("GOOD-GPU")).isPresent();
    assertThat(catalog.lookup("NO-SOURCE")).isEmpty();
    assertThat(catalog.warnings())
        .hasSize(5)
        .anySatisfy(w -> assertThat(w).contains("No Source").contains("source"))
        .anySatisfy(w -> assertThat(w).contains("Negative").contains("positive"))
        .anySatisfy(w -> assertThat(w).contains("Bad Vendor"));
  }

  @Test
  void aBoostClockNeedsItsOwnSourceAndMustBePositive() {
    String json =
        """
        {"schemaVersion": 1, "gpus": [
          {"name": "Clocked", "vendor": "nvidia", "family": "x", "memoryGiB": 8,
           "memoryBandwidthGBps": 100, "labelProducts": ["CLOCKED"], "source": "https://example.com",
           "boostClockMHz": 1500, "clockSource": "https://example.com/clock"},
          {"name": "Unsourced Clock", "vendor": "nvidia", "family": "x", "memoryGiB": 8,
           "memoryBandwidthGBps": 100, "labelProducts": ["UNSOURCED"], "source": "https://example.com",
           "boostClockMHz": 1500},
          {"name": "Negative Clock", "vendor": "nvidia", "family": "x", "memoryGiB": 8,
           "memoryBandwidthGBps": 100, "labelProducts": ["NEGCLOCK"], "source": "https://example.com",
           "boostClockMHz": -1, "clockSource": "https://example.com/clock"}
        ]}
        """;

    GpuCatalog catalog = GpuCatalog.fromJson(stream(json));

    assertThat(catalog.all()).extracting(GpuModel::boostClockMHz).containsExactly(1500.0);
    assertThat(catalog.warnings())
        .hasSize(2)
        .anySatisfy(w -> assertThat(w).contains("Unsourced Clock").contains("clockSource"))
        .anySatisfy(w -> assertThat(w).contains("Negative Clock").contains("boostClockMHz"));
  }

  @Test
  void everyBundledBoostClockHasASource() {
    assertThat(CATALOG.all())
        .filteredOn(gpu -> gpu.boostClockMHz() > 0)
        .hasSizeGreaterThanOrEqualTo(10)
        .allSatisfy(gpu -> assertThat(gpu.clockSource()).as(gpu.name()).startsWith("https://"));
    assertThat(CATALOG.lookup("NVIDIA-A100-SXM4-80GB"))
        .map(GpuModel::boostClockMHz)
        .contains(1410.0);
  }

  @Test
  void aliasClaimedTwiceKeepsTheFirstEntryAndWarns() {
    String json =
        """
        {"schemaVersion": 1, "gpus": [%s, %s]}
        """
            .formatted(entry("First", "SAME-PRODUCT"), entry("Second", "same_product"));

    GpuCatalog catalog = GpuCatalog.fromJson(stream(json));

    assertThat(catalog.lookup("SAME-PRODUCT")).map(GpuModel::name).contains("First");
    assertThat(catalog.warnings()).singleElement().asString().contains("First", "Second");
  }

  @Test
  void unknownFieldsAreIgnoredForForwardCompatibility() {
    String json =
        """
        {"schemaVersion": 1, "futureTopLevel": true, "gpus": [
          {"name": "New", "vendor": "amd", "family": "cdna4", "memoryGiB": 288,
           "memoryBandwidthGBps": 8000, "labelProducts": ["NEW"], "deviceIds": ["75A3"],
           "source": "https://example.com", "tdpWatts": 1400}
        ]}
        """;

    GpuCatalog catalog = GpuCatalog.fromJson(stream(json));

    assertThat(catalog.warnings()).isEmpty();
    assertThat(catalog.lookup("75a3")).map(GpuModel::name).contains("New");
    assertThat(catalog.all().get(0).computeCapability()).isNull();
  }

  private static String entry(String name, String product) {
    return """
        {"name": "%s", "vendor": "nvidia", "family": "hopper", "memoryGiB": 80,
         "memoryBandwidthGBps": 3350, "computeCapability": "9.0",
         "labelProducts": ["%s"], "source": "https://example.com/%s"}
        """
        .formatted(name, product, product);
  }

  private static ByteArrayInputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
