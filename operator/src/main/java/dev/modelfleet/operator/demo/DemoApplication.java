package dev.modelfleet.operator.demo;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded demo: with the real operator already running against the embedded API server,
 * applies the simulated nodes and the examples as {@code kubectl apply} would, waits for the
 * reconcilers to converge and prints what they did.
 */
public class DemoApplication implements QuarkusApplication {
  static final String NAMESPACE = "modelfleet-demo";

  @Override
  public int run(String... args) throws Exception {
    DemoOptions options = DemoOptions.parse(args);
    KubernetesClient client = Arc.container().instance(KubernetesClient.class).get();
    Path nodesFile = options.examples().resolve("cluster").resolve("nodes.yaml");
    List<HasMetadata> nodes = load(client, nodesFile);
    nodes.forEach(node -> client.resource(node).create());
    client
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    List<HasMetadata> applied = new ArrayList<>();
    for (Path example : exampleFiles(options.examples())) {
      for (HasMetadata resource : load(client, example)) {
        // Namespaced kinds land in the client's namespace (the demo's); cluster-scoped ones stay
        // so.
        applied.add(client.resource(resource).create());
      }
    }
    List<Node> nodeList = nodes.stream().map(Node.class::cast).toList();
    Convergence.Result result = Convergence.await(client, nodeList, options.timeout());
    DemoReport.print(
        System.out, nodeList, client.resources(HardwareProfile.class).list().getItems(), applied);
    if (!result.converged()) {
      System.err.println(
          "Did not converge within " + options.timeout().toSeconds() + "s: " + result.reason());
      return 1;
    }
    if (options.keepRunning()) {
      int port = Integer.getInteger("quarkus.http.port", 8080);
      System.out.printf(
          "%nStill running. Health: http://localhost:%d/q/health  Metrics: http://localhost:%d/q/metrics  (Ctrl-C stops)%n",
          port, port);
      Quarkus.waitForExit();
    }
    return 0;
  }

  private static List<HasMetadata> load(KubernetesClient client, Path file) throws IOException {
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
