package dev.modelfleet.operator.pool.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.operator.hardware.FleetProfiles;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The demo fleet (examples/cluster/nodes.yaml) as detection sees it, and the example pool. */
final class ExampleFleet {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private ExampleFleet() {}

  static Path examples() {
    String root = System.getProperty("repo.root", "..");
    return Path.of(root, "examples");
  }

  static List<HardwareProfile> profiles() {
    List<Node> nodes = new ArrayList<>();
    for (JsonNode doc : documents(examples().resolve("cluster/nodes.yaml"))) {
      nodes.add(SERIALIZATION.convertValue(doc, Node.class));
    }
    return FleetProfiles.of(nodes, List.of());
  }

  static ModelPool chatPool() {
    ModelPool pool =
        SERIALIZATION.convertValue(
            documents(examples().resolve("modelpool-chat.yaml")).get(0), ModelPool.class);
    pool.getMetadata().setNamespace("team");
    return pool;
  }

  private static List<JsonNode> documents(Path file) {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }
}
