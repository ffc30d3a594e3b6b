package dev.modelfleet.ranker.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GPU products by the strings node labellers write for them. Lookups are exact after normalisation:
 * a wrong match (an 80GB card taken for a 40GB one) is worse than none.
 */
public final class GpuCatalog {
  /** Classpath location of the catalog shipped with ModelFleet. */
  public static final String BUNDLED_RESOURCE = "/modelfleet/gpu-catalog.json";

  private static final System.Logger LOG = System.getLogger(GpuCatalog.class.getName());

  private final List<GpuModel> gpus;
  private final List<String> warnings;
  private final Map<String, GpuModel> byProduct = new HashMap<>();
  private final Map<String, GpuModel> byDeviceId = new HashMap<>();

  private GpuCatalog(List<GpuModel> gpus, List<String> readWarnings) {
    List<String> found = new ArrayList<>(readWarnings);
    for (GpuModel gpu : gpus) {
      // The canonical name is indexed too, so a person may write it in an override.
      index(byProduct, ProductLabel.key(gpu.name()), gpu, found);
      gpu.labelProducts().forEach(p -> index(byProduct, ProductLabel.key(p), gpu, found));
      gpu.deviceIds()
          .forEach(
              id ->
                  ProductLabel.deviceIdKey(id)
                      .ifPresentOrElse(
                          key -> index(byDeviceId, key, gpu, found),
                          () -> found.add("'" + gpu.name() + "' has a malformed device id " + id)));
    }
    this.gpus = List.copyOf(gpus);
    this.warnings = List.copyOf(found);
    this.warnings.forEach(w -> LOG.log(Level.WARNING, w));
  }

  /** The catalog shipped in the ranker jar, loaded once; empty with warnings if unreadable. */
  public static GpuCatalog bundled() {
    return Bundled.INSTANCE;
  }

  /** A catalog read from JSON; malformed input gives an empty catalog with warnings. */
  public static GpuCatalog fromJson(InputStream json) {
    if (json == null) {
      return new GpuCatalog(List.of(), List.of("GPU catalog input is missing"));
    }
    CatalogReader.Result result = CatalogReader.read(json);
    return new GpuCatalog(result.gpus(), result.warnings());
  }

  /** The entry for a labelled product or AMD device id, matched exactly after normalisation. */
  public Optional<GpuModel> lookup(String labelledProduct) {
    if (labelledProduct == null || labelledProduct.isBlank()) {
      return Optional.empty();
    }
    GpuModel byName = byProduct.get(ProductLabel.key(labelledProduct));
    if (byName != null) {
      return Optional.of(byName);
    }
    return ProductLabel.deviceIdKey(labelledProduct).map(byDeviceId::get);
  }

  /** Every entry, in file order. */
  public List<GpuModel> all() {
    return gpus;
  }

  /** Why entries, or the whole file, could not be used; empty when all is well. */
  public List<String> warnings() {
    return warnings;
  }

  /** The labelled product without GFD's -SHARED and -MIG-... suffixes, case kept. */
  public static String baseProduct(String labelledProduct) {
    return ProductLabel.base(labelledProduct);
  }

  /** The MIG profile in a labelled product, e.g. "1g.5gb" from "...-MIG-1g.5gb". */
  public static Optional<String> migProfileOf(String labelledProduct) {
    return ProductLabel.migProfile(labelledProduct);
  }

  private static void index(
      Map<String, GpuModel> index, String key, GpuModel gpu, List<String> warnings) {
    if (key.isEmpty()) {
      return;
    }
    GpuModel holder = index.putIfAbsent(key, gpu);
    if (holder != null && holder != gpu) {
      // First claim wins so lookups stay deterministic; the clash is a catalog bug to fix.
      warnings.add(
          "'"
              + key
              + "' names both '"
              + holder.name()
              + "' and '"
              + gpu.name()
              + "'; kept the first");
    }
  }

  private static GpuCatalog loadBundled() {
    try (InputStream json = GpuCatalog.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (json == null) {
        return new GpuCatalog(
            List.of(), List.of("GPU catalog " + BUNDLED_RESOURCE + " is not on the classpath"));
      }
      return fromJson(json);
    } catch (IOException e) {
      return new GpuCatalog(
          List.of(), List.of("GPU catalog " + BUNDLED_RESOURCE + " unreadable: " + e.getMessage()));
    }
  }

  // Holder idiom: loaded on first use, once, without locking on every call.
  private static final class Bundled {
    static final GpuCatalog INSTANCE = loadBundled();
  }
}
