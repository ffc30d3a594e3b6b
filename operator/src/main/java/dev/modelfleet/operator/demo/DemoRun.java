package dev.modelfleet.operator.demo;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One demo run against an API server the operator already watches: applies the simulated nodes and
 * the examples as {@code kubectl apply} would, waits for hardware detection, then walks the example
 * ModelPool through placement, serving and an eviction ({@link PoolDemo}).
 */
final class DemoRun {
  private static final String MODEL_POOL_KIND = HasMetadata.getKind(ModelPool.class);

  private final KubernetesClient client;
  private final DemoOptions options;
  private final PrintStream out;
  private final PrintStream err;

  DemoRun(KubernetesClient client, DemoOptions options, PrintStream out, PrintStream err) {
    this.client = client;
    this.options = options;
    this.out = out;
    this.err = err;
  }

  /** 0 when every step converged within {@code --timeout}, 1 (with the reason on err) if not. */
  int run() throws IOException, InterruptedException {
    Deadline deadline = Deadline.after(options.timeout());
    Path nodesFile = options.examples().resolve("cluster").resolve("nodes.yaml");
    List<HasMetadata> nodes = load(nodesFile);
    nodes.forEach(node -> client.resource(node).create());
    client
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(DemoApplication.NAMESPACE)
                .endMetadata()
                .build())
        .create();
    List<HasMetadata> applied = new ArrayList<>();
    List<HasMetadata> pools = new ArrayList<>();
    for (Path example : exampleFiles(options.examples())) {
      for (HasMetadata resource : load(example)) {
        if (MODEL_POOL_KIND.equals(resource.getKind())) {
          // Pools come once the fleet is detected, so that their first plan, and the demo's
          // output, does not depend on which HardwareProfile happened to exist first.
          pools.add(resource);
        } else {
          applied.add(create(resource));
        }
      }
    }
    List<Node> nodeList = nodes.stream().map(Node.class::cast).toList();
    Convergence.Result hardware = Convergence.await(client, nodeList, deadline.remaining());
    if (hardware.converged()) {
      pools.forEach(pool -> applied.add(create(pool)));
    }
    DemoReport.print(
        out, nodeList, client.resources(HardwareProfile.class).list().getItems(), applied);
    if (!hardware.converged()) {
      return failed(hardware.reason());
    }
    if (pools.isEmpty()) {
      out.printf("%nNo ModelPool in %s: nothing to place.%n", options.examples());
      return 0;
    }
    List<String> poolNames =
        pools.stream()
            .map(r -> r.getMetadata().getName())
            .sorted(Comparator.naturalOrder())
            .toList();
    for (String pool : poolNames) {
      PoolConvergence.Result result =
          new PoolDemo(client, DemoApplication.NAMESPACE, pool, out).run(deadline);
      if (!result.converged()) {
        if (result.pool() != null) {
          out.println();
          out.println("Where the pool stands:");
          PoolReport.print(
              out, result.pool(), client.resources(HardwareProfile.class).list().getItems());
        }
        return failed(result.reason());
      }
    }
    return 0;
  }

  /** Namespaced kinds land in the client's namespace (the demo's); cluster-scoped ones stay so. */
  private HasMetadata create(HasMetadata resource) {
    return client.resource(resource).create();
  }

  private int failed(String reason) {
    err.printf(
        "%nDemo failed: did not converge within %ds: %s%n", options.timeout().toSeconds(), reason);
    return 1;
  }

  private List<HasMetadata> load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return client.load(in).items();
    }
  }

  private static List<Path> exampleFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }
}
