package dev.modelfleet.ranker.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelfleet.ranker.gpu.GpuCatalog;
import dev.modelfleet.ranker.gpu.GpuModel;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the GPU names people type into {@link GpuTarget}s: node-label product strings
 * ("NVIDIA-H100-80GB-HBM3"), marketing names ("NVIDIA GeForce RTX 4090", "H100 SXM") and Apple
 * silicon ("Apple M2 Max"), case-insensitively. Exact catalog matches come first; then the aliases
 * in {@code gpu-aliases.json}; then a match by name tokens, which reports every candidate when a
 * name like "H100" could mean GPUs with different memory or bandwidth instead of guessing.
 */
public final class GpuTargetResolver {
  /** Classpath location of the alias list shipped with ModelFleet. */
  public static final String BUNDLED_ALIASES = "/modelfleet/gpu-aliases.json";

  // Words that say who makes a GPU, not which one: dropped before comparing names.
  private static final Set<String> BRAND_WORDS =
      Set.of("nvidia", "amd", "apple", "geforce", "tesla", "instinct");
  private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
  private static final Pattern MIG_MEMORY = Pattern.compile("(?i)(\\d+)gb");

  // Metal's recommendedMaxWorkingSetSize: about two thirds of unified memory up to 36 GB, three
  // quarters above (see gpu-aliases.json conventions).
  static final double METAL_SMALL_WORKING_SET = 2.0 / 3;
  static final double METAL_LARGE_WORKING_SET = 0.75;
  static final double METAL_SMALL_UP_TO_GB = 36;

  private static final System.Logger LOG = System.getLogger(GpuTargetResolver.class.getName());

  /** One GPU and every name it goes by, as token sets without brand words. */
  private record Entry(GpuTarget target, List<Set<String>> names, String note) {}

  private final GpuCatalog catalog;
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Entry> byAlias = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();

  private GpuTargetResolver(GpuCatalog catalog, InputStream aliases) {
    this.catalog = catalog;
    Map<String, Entry> byCatalogName = new HashMap<>();
    for (GpuModel gpu : catalog.all()) {
      List<String> names = new ArrayList<>();
      names.add(gpu.name());
      names.addAll(gpu.labelProducts());
      Entry entry = new Entry(GpuTarget.of(gpu), tokenSets(names), null);
      entries.add(entry);
      byCatalogName.put(gpu.name(), entry);
    }
    readAliases(aliases, byCatalogName);
  }

  /** The bundled catalog and alias list, loaded once. */
  public static GpuTargetResolver bundled() {
    return Bundled.INSTANCE;
  }

  /** A resolver over another catalog and alias list; a missing or broken list gives warnings. */
  public static GpuTargetResolver of(GpuCatalog catalog, InputStream aliases) {
    return new GpuTargetResolver(catalog, aliases);
  }

  /** Problems with the alias list; empty when all is well. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The GPU a name means, the candidates when it could mean several, or nothing. */
  public GpuMatch resolve(String name) {
    if (name == null || name.isBlank()) {
      return GpuMatch.none();
    }
    Optional<GpuModel> exact = catalog.lookup(name);
    if (exact.isPresent()) {
      Optional<String> mig = GpuCatalog.migProfileOf(name);
      return mig.isPresent()
          ? migSlice(exact.get(), mig.get())
          : GpuMatch.of(GpuTarget.of(exact.get()), null);
    }
    Entry aliased = byAlias.get(key(name));
    if (aliased != null) {
      return GpuMatch.of(aliased.target(), aliased.note());
    }
    Set<String> wanted = tokens(name);
    if (wanted.isEmpty()) {
      return GpuMatch.none();
    }
    List<BiPredicate<Set<String>, Set<String>>> tests =
        List.of(
            Set::equals,
            (candidate, want) -> candidate.containsAll(want),
            GpuTargetResolver::everyTokenPrefixes);
    for (BiPredicate<Set<String>, Set<String>> test : tests) {
      List<Entry> found = new ArrayList<>();
      for (Entry entry : entries) {
        if (entry.names().stream().anyMatch(n -> test.test(n, wanted))) {
          found.add(entry);
        }
      }
      if (!found.isEmpty()) {
        return decide(name, found);
      }
    }
    return GpuMatch.none();
  }

  private static boolean everyTokenPrefixes(Set<String> candidate, Set<String> wanted) {
    for (String want : wanted) {
      if (candidate.stream().noneMatch(token -> token.startsWith(want))) {
        return false;
      }
    }
    return true;
  }

  private static GpuMatch decide(String name, List<Entry> found) {
    Entry first = found.get(0);
    boolean interchangeable =
        found.stream()
            .allMatch(
                e ->
                    e.target().memoryGiB() == first.target().memoryGiB()
                        && e.target().bandwidthGBps() == first.target().bandwidthGBps());
    if (interchangeable) {
      String note = first.note();
      if (found.size() > 1) {
        String others =
            String.join(", ", found.stream().skip(1).map(e -> e.target().name()).toList());
        note =
            (note == null ? "" : note + "; ")
                + "'"
                + name.trim()
                + "' also names "
                + others
                + ", with the same memory and bandwidth";
      }
      return GpuMatch.of(first.target(), note);
    }
    return new GpuMatch(
        Optional.empty(), found.stream().map(e -> e.target().name()).toList(), Optional.empty());
  }

  /** A MIG slice: its memory from the profile name, bandwidth in proportion to memory slices. */
  private static GpuMatch migSlice(GpuModel parent, String profile) {
    Matcher memory = MIG_MEMORY.matcher(profile);
    if (!memory.find()) {
      return GpuMatch.of(GpuTarget.of(parent), null);
    }
    double gib = Math.min(parent.memoryGiB(), Double.parseDouble(memory.group(1)));
    double bandwidth = parent.memoryBandwidthGBps() * gib / parent.memoryGiB();
    // A slice runs on the parent's SMs at the parent's clock.
    GpuTarget slice =
        new GpuTarget(
            parent.name() + " MIG " + profile, gib, bandwidth, false, parent.boostClockMHz());
    return GpuMatch.of(
        slice,
        "MIG slice "
            + profile
            + " of "
            + parent.name()
            + ": its "
            + trim(gib)
            + " GB and, assumed, a matching share of the bandwidth ("
            + trim(bandwidth)
            + " GB/s)");
  }

  private void readAliases(InputStream json, Map<String, Entry> byCatalogName) {
    if (json == null) {
      warn("GPU alias list " + BUNDLED_ALIASES + " is not on the classpath");
      return;
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException | RuntimeException e) {
      warn("GPU alias list is not valid JSON: " + e.getMessage());
      return;
    }
    if (root == null || root.path("schemaVersion").asInt(-1) != 1) {
      warn("GPU alias list has no schemaVersion 1; ignored");
      return;
    }
    for (JsonNode apple : root.path("apple")) {
      readApple(apple);
    }
    for (Entry entry : entries) {
      byAlias.putIfAbsent(key(entry.target().name()), entry);
    }
    for (JsonNode alias : root.path("aliases")) {
      String name = alias.path("alias").asText("");
      Entry gpu = byCatalogName.get(alias.path("gpu").asText(""));
      if (name.isBlank() || gpu == null) {
        warn("GPU alias " + alias + " skipped: needs an alias and a gpu named in the catalog");
        continue;
      }
      byAlias.putIfAbsent(key(name), gpu);
    }
  }

  private void readApple(JsonNode apple) {
    String name = apple.path("name").asText("");
    double unified = apple.path("unifiedMemoryGB").asDouble(0);
    double bandwidth = apple.path("memoryBandwidthGBps").asDouble(0);
    String source = apple.path("source").asText("");
    if (name.isBlank() || !(unified > 0) || !(bandwidth > 0) || !source.startsWith("https://")) {
      warn(
          "Apple entry '"
              + name
              + "' skipped: needs a name, unifiedMemoryGB, memoryBandwidthGBps and an https:// source");
      return;
    }
    double share =
        unified <= METAL_SMALL_UP_TO_GB ? METAL_SMALL_WORKING_SET : METAL_LARGE_WORKING_SET;
    double usable = unified * share;
    GpuTarget target = new GpuTarget(name + " " + trim(unified) + "GB", usable, bandwidth, true);
    List<String> names = new ArrayList<>();
    names.add(name);
    apple.path("aliases").forEach(a -> names.add(a.asText("")));
    String note =
        name
            + " with "
            + trim(unified)
            + " GB unified memory, the smallest configuration; Metal lets the GPU use about "
            + String.format(Locale.ROOT, "%.1f", usable)
            + " GiB of it. Pass --gpu-memory-gib for another configuration.";
    Entry entry = new Entry(target, tokenSets(names), note);
    entries.add(entry);
    names.forEach(n -> byAlias.putIfAbsent(key(n), entry));
  }

  private void warn(String warning) {
    warnings.add(warning);
    LOG.log(Level.WARNING, warning);
  }

  private static List<Set<String>> tokenSets(List<String> names) {
    List<Set<String>> sets = new ArrayList<>();
    for (String name : names) {
      Set<String> tokens = tokens(name);
      if (!tokens.isEmpty()) {
        sets.add(tokens);
      }
    }
    return List.copyOf(sets);
  }

  /** Lower-case words and numbers of a name, without brand words. */
  static Set<String> tokens(String name) {
    Set<String> tokens = new LinkedHashSet<>();
    for (String token : NON_ALPHANUMERIC.split(name.toLowerCase(Locale.ROOT))) {
      if (!token.isEmpty() && !BRAND_WORDS.contains(token)) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  /** Letters and digits only, lower case: "HGX H100" and "hgx-h100" meet. */
  private static String key(String name) {
    return NON_ALPHANUMERIC.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("");
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static GpuTargetResolver loadBundled() {
    try (InputStream json = GpuTargetResolver.class.getResourceAsStream(BUNDLED_ALIASES)) {
      return new GpuTargetResolver(GpuCatalog.bundled(), json);
    } catch (IOException e) {
      return new GpuTargetResolver(GpuCatalog.bundled(), null);
    }
  }

  // Holder idiom: loaded on first use, once.
  private static final class Bundled {
    static final GpuTargetResolver INSTANCE = loadBundled();
  }
}
