package dev.modelfleet.operator.plan;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.crds.v1alpha1.pool.PoolModel;
import dev.modelfleet.operator.hardware.FleetProfiles;
import dev.modelfleet.operator.pool.planning.Claim;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** Reads the files {@code modelfleet plan} takes, naming the file and field of any mistake. */
final class PlanFiles {
  static final String API_VERSION = "modelfleet.dev/v1alpha1";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private PlanFiles() {}

  static ModelPool pool(Path file) throws BadInput {
    List<JsonNode> docs = documents(file);
    if (docs.size() != 1) {
      throw new BadInput(file + ": expected one ModelPool, found " + docs.size() + " documents");
    }
    JsonNode doc = docs.get(0);
    expectKind(file, doc, API_VERSION, "ModelPool");
    ModelPool pool;
    try {
      pool = SERIALIZATION.convertValue(doc, ModelPool.class);
    } catch (IllegalArgumentException e) {
      throw new BadInput(file + ": " + field(e) + ": " + rootMessage(e));
    }
    if (pool.getMetadata() == null || pool.getMetadata().getName() == null) {
      throw new BadInput(file + ": metadata.name is required");
    }
    if (pool.getMetadata().getNamespace() == null) {
      pool.getMetadata().setNamespace("default");
    }
    if (pool.getSpec() == null || pool.getSpec().getModels().isEmpty()) {
      throw new BadInput(file + ": spec.models is required: list at least one model");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < pool.getSpec().getModels().size(); i++) {
      PoolModel m = pool.getSpec().getModels().get(i);
      String at = file + ": spec.models[" + i + "]";
      if (m.getName() == null || m.getName().isBlank()) {
        throw new BadInput(at + ".name is required");
      }
      if (!names.add(m.getName())) {
        throw new BadInput(at + ".name '" + m.getName() + "' is used twice: rename one");
      }
      if (m.getSource() == null
          || (m.getSource().getHuggingFace() == null) == (m.getSource().getOllama() == null)) {
        throw new BadInput(at + ".source must set exactly one of huggingFace or ollama");
      }
    }
    return pool;
  }

  /** The HardwareProfiles to plan on: those given, plus those detection derives from Nodes. */
  static List<HardwareProfile> cluster(Path file) throws BadInput {
    List<Node> nodes = new ArrayList<>();
    List<HardwareProfile> profiles = new ArrayList<>();
    List<JsonNode> docs = documents(file);
    for (int i = 0; i < docs.size(); i++) {
      JsonNode doc = docs.get(i);
      String kind = doc.path("kind").asText("");
      try {
        switch (kind) {
          case "Node" -> nodes.add(SERIALIZATION.convertValue(doc, Node.class));
          case "HardwareProfile" -> {
            expectKind(file, doc, API_VERSION, "HardwareProfile");
            profiles.add(SERIALIZATION.convertValue(doc, HardwareProfile.class));
          }
          default ->
              throw new BadInput(
                  file
                      + ": document "
                      + (i + 1)
                      + ": kind must be Node or HardwareProfile, was '"
                      + kind
                      + "'");
        }
      } catch (IllegalArgumentException e) {
        throw new BadInput(
            file
                + ": document "
                + (i + 1)
                + " ("
                + kind
                + "): "
                + field(e)
                + ": "
                + rootMessage(e));
      }
    }
    if (nodes.isEmpty() && profiles.isEmpty()) {
      throw new BadInput(file + ": no Node or HardwareProfile in it");
    }
    List<HardwareProfile> detectedOnly =
        profiles.stream().filter(HardwareProfile::isDetected).toList();
    List<HardwareProfile> people = profiles.stream().filter(p -> !p.isDetected()).toList();
    if (nodes.isEmpty()) {
      return profiles;
    }
    List<HardwareProfile> derived = new ArrayList<>(FleetProfiles.of(nodes, people));
    Set<String> names = new HashSet<>();
    derived.forEach(p -> names.add(p.getMetadata().getName()));
    detectedOnly.stream().filter(p -> names.add(p.getMetadata().getName())).forEach(derived::add);
    return derived;
  }

  /**
   * Where the pool's replicas run now, as a previous {@code plan -o json} printed it: each
   * placement's nodes (one per replica) and GPUs per replica; vramGiB is per replica.
   */
  static List<Claim> current(Path file, ModelPool pool) throws BadInput {
    if (file == null) {
      return List.of();
    }
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new BadInput(file + ": not readable JSON: " + e.getMessage());
    }
    JsonNode placements = root == null ? null : root.get("placements");
    if (placements == null || !placements.isArray()) {
      throw new BadInput(file + ": placements is required: a list as plan -o json prints it");
    }
    String key = pool.getMetadata().getNamespace() + "/" + pool.getMetadata().getName();
    Map<String, Integer> nextGpu = new HashMap<>();
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i < placements.size(); i++) {
      JsonNode p = placements.get(i);
      String at = file + ": placements[" + i + "]";
      String model = p.path("model").asText(null);
      int gpus = p.path("gpus").asInt(0);
      if (model == null || model.isBlank()) {
        throw new BadInput(at + ".model is required");
      }
      if (gpus < 1) {
        throw new BadInput(at + ".gpus must be a whole number of at least 1");
      }
      if (!p.path("nodes").isArray() || p.path("nodes").isEmpty()) {
        throw new BadInput(at + ".nodes must list the node of each replica");
      }
      double vramPerGpu = p.path("vramGiB").asDouble(0) / gpus;
      double disk = p.path("diskGiB").asDouble(0);
      for (JsonNode n : p.path("nodes")) {
        String node = n.asText();
        int first = nextGpu.merge(node, gpus, Integer::sum) - gpus;
        claims.add(
            new Claim(
                key,
                model,
                node,
                IntStream.range(first, first + gpus).boxed().toList(),
                vramPerGpu,
                disk));
      }
    }
    return claims;
  }

  private static List<JsonNode> documents(Path file) throws BadInput {
    if (!Files.isRegularFile(file)) {
      throw new BadInput(file + ": no such file");
    }
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new BadInput(file + ": not readable YAML: " + rootMessage(e));
    }
    return docs;
  }

  private static void expectKind(Path file, JsonNode doc, String apiVersion, String kind)
      throws BadInput {
    if (!kind.equals(doc.path("kind").asText())) {
      throw new BadInput(
          file + ": kind must be " + kind + ", was '" + doc.path("kind").asText() + "'");
    }
    if (!apiVersion.equals(doc.path("apiVersion").asText())) {
      throw new BadInput(
          file
              + ": apiVersion must be "
              + apiVersion
              + ", was '"
              + doc.path("apiVersion").asText()
              + "'");
    }
  }

  private static String field(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonMappingException m && !m.getPath().isEmpty()) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
          if (r.getFieldName() != null) {
            path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
          } else if (r.getIndex() >= 0) {
            path.append('[').append(r.getIndex()).append(']');
          }
        }
        return path.toString();
      }
    }
    return "(document)";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.toString() : t.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
