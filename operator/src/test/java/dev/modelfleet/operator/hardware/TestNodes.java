package dev.modelfleet.operator.hardware;

import dev.modelfleet.crds.v1alpha1.hardware.GpuSpec;
import dev.modelfleet.crds.v1alpha1.hardware.GpuVendor;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfileSpec;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Nodes and profiles for tests: GFD fixtures from resources, or built inline. */
public final class TestNodes {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private TestNodes() {}

  /** A node from src/test/resources/gfd-nodes/, labelled exactly as GPU Feature Discovery does. */
  static Node fixture(String file) {
    try (InputStream in = TestNodes.class.getResourceAsStream("/gfd-nodes/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture gfd-nodes/" + file);
      }
      return SERIALIZATION.unmarshal(in, Node.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture under another name, so several nodes of one class can exist at once. */
  static Node fixture(String file, String name) {
    Node node = fixture(file);
    node.getMetadata().setName(name);
    node.getMetadata().getLabels().put("kubernetes.io/hostname", name);
    return node;
  }

  public static Node nvidia(String name, String product, int gpus, long memoryMiB) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/os", "linux");
    labels.put("nvidia.com/gpu.product", product);
    labels.put("nvidia.com/gpu.count", String.valueOf(gpus));
    labels.put("nvidia.com/gpu.memory", String.valueOf(memoryMiB));
    return node(name, labels, Map.of("nvidia.com/gpu", String.valueOf(gpus)));
  }

  public static Node cpu(String name) {
    return node(name, Map.of("kubernetes.io/os", "linux"), Map.of());
  }

  static Node node(String name, Map<String, String> labels, Map<String, String> gpuCapacity) {
    Map<String, Quantity> capacity = new LinkedHashMap<>();
    capacity.put("cpu", new Quantity("32"));
    capacity.put("memory", new Quantity("256Gi"));
    gpuCapacity.forEach((k, v) -> capacity.put(k, new Quantity(v)));
    return new NodeBuilder()
        .withMetadata(
            new ObjectMetaBuilder().withName(name).withLabels(new LinkedHashMap<>(labels)).build())
        .withNewStatus()
        .withCapacity(capacity)
        .withAllocatable(new LinkedHashMap<>(capacity))
        .endStatus()
        .build();
  }

  static HardwareProfile override(
      String name, Map<String, String> selector, String product, Double bandwidth) {
    GpuSpec gpu = new GpuSpec();
    gpu.setVendor(GpuVendor.NVIDIA);
    gpu.setProduct(product);
    gpu.setCountPerNode(8);
    gpu.setMemoryBandwidthGBps(bandwidth);
    HardwareProfileSpec spec = new HardwareProfileSpec();
    spec.setGpu(gpu);
    spec.setNodeSelector(new LinkedHashMap<>(selector));
    HardwareProfile profile = new HardwareProfile();
    profile.setMetadata(new ObjectMetaBuilder().withName(name).withGeneration(1L).build());
    profile.setSpec(spec);
    return profile;
  }

  static HardwareProfile detected(String name) {
    HardwareProfile profile = override(name, Map.of("x", "y"), "whatever", null);
    profile.getMetadata().setLabels(Map.of(HardwareProfile.DETECTED_LABEL, "true"));
    return profile;
  }
}
