package dev.modelfleet.testing.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real kube-apiserver (1.20) with etcd and kube-controller-manager (garbage collector and
 * namespace controllers) on loopback, started once per JVM and stopped at exit. All CRDs found on
 * the classpath under {@code META-INF/fabric8/} are installed before the controller manager starts,
 * so owner-reference garbage collection sees them.
 */
public final class KubeApiServer {
  /**
   * A second, unprivileged user, as the operator's ServiceAccount would be named: tests grant it
   * exactly the chart's RBAC to prove those rules suffice.
   */
  public static final String OPERATOR_USER =
      "system:serviceaccount:modelfleet-system:modelfleet-operator";

  private static KubeApiServer shared;
  private static RuntimeException startFailure;

  private final Path workDir;
  private final List<Process> processes = new ArrayList<>();
  private final AtomicInteger namespaceCounter = new AtomicInteger();
  // Published as system properties so a copy of this class in another class loader (Quarkus
  // tests load test classes apart from test resources) attaches instead of starting a second.
  public static final String URL_PROPERTY = "kube-test-server.url";
  public static final String ADMIN_TOKEN_PROPERTY = "kube-test-server.admin-token";
  private static final String OPERATOR_TOKEN_PROPERTY = "kube-test-server.operator-token";
  private static final String WORK_DIR_PROPERTY = "kube-test-server.work-dir";

  private String operatorToken = UUID.randomUUID().toString();
  private Config config;
  private KubernetesClient client;

  private KubeApiServer(Path workDir) {
    this.workDir = workDir;
  }

  /** The server shared by every test in this JVM; starts it on first use. */
  public static synchronized KubeApiServer shared() {
    if (startFailure != null) {
      throw startFailure;
    }
    if (shared == null && System.getProperty(URL_PROPERTY) != null) {
      shared = attach();
    }
    if (shared == null) {
      Path bin =
          KubeBinaries.locate()
              .orElseThrow(() -> new IllegalStateException(KubeBinaries.HOW_TO_GET));
      try {
        KubeApiServer server = new KubeApiServer(Files.createTempDirectory("kube-test-server"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "kube-test-server-stop"));
        server.start(bin);
        server.publish();
        shared = server;
      } catch (IOException e) {
        startFailure = new UncheckedIOException("could not start the test API server", e);
        throw startFailure;
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return shared;
  }

  private static KubeApiServer attach() {
    KubeApiServer server = new KubeApiServer(Path.of(System.getProperty(WORK_DIR_PROPERTY)));
    server.operatorToken = System.getProperty(OPERATOR_TOKEN_PROPERTY);
    server.connect(System.getProperty(URL_PROPERTY), System.getProperty(ADMIN_TOKEN_PROPERTY));
    return server;
  }

  private void publish() {
    System.setProperty(URL_PROPERTY, url());
    System.setProperty(ADMIN_TOKEN_PROPERTY, config.getOauthToken());
    System.setProperty(OPERATOR_TOKEN_PROPERTY, operatorToken);
    System.setProperty(WORK_DIR_PROPERTY, workDir.toString());
  }

  private void connect(String url, String token) {
    config =
        new ConfigBuilder()
            .withMasterUrl(url)
            .withOauthToken(token)
            .withTrustCerts(true)
            .withDisableHostnameVerification(true)
            .withNamespace("default")
            .withRequestTimeout(30_000)
            .build();
    client = new KubernetesClientBuilder().withConfig(config).build();
  }

  /** A client with cluster-admin rights. */
  public KubernetesClient client() {
    return client;
  }

  /** Client configuration (URL, token, trust) for clients of one's own. */
  public Config config() {
    return new ConfigBuilder(config).build();
  }

  /** The API server's URL. */
  public String url() {
    return config.getMasterUrl();
  }

  /** A kubeconfig file pointing at this server, for tools and child processes. */
  public Path kubeconfig() {
    return workDir.resolve("kubeconfig");
  }

  /** Creates a fresh namespace with a name unique in this run. */
  public String newNamespace(String prefix) {
    String name = prefix + "-" + namespaceCounter.incrementAndGet();
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  /** System properties that point a Fabric8 client (e.g. a Quarkus app's) at this server. */
  public Map<String, String> fabric8SystemProperties() {
    return fabric8SystemProperties(config.getOauthToken());
  }

  /** The same, authenticated as {@link #OPERATOR_USER}, who has no rights until granted. */
  public Map<String, String> fabric8SystemPropertiesAsOperator() {
    return fabric8SystemProperties(operatorToken);
  }

  private Map<String, String> fabric8SystemProperties(String token) {
    return Map.of(
        "kubernetes.master", url(),
        "kubernetes.auth.token", token,
        "kubernetes.trust.certificates", "true",
        "kubernetes.disable.hostname.verification", "true",
        "kubernetes.auth.tryKubeConfig", "false",
        "kubernetes.auth.tryServiceAccount", "false",
        "kubernetes.namespace", "default");
  }

  private void start(Path bin) throws IOException {
    LoopbackPorts ports = LoopbackPorts.allocate();
    String token = UUID.randomUUID().toString();
    ServerFiles files = ServerFiles.write(workDir, token, operatorToken, ports.apiServer());
    long started = System.nanoTime();
    processes.add(ProcessLauncher.start(workDir, "etcd", EtcdCommand.of(bin, workDir, ports)));
    processes.add(
        ProcessLauncher.start(
            workDir, "kube-apiserver", ApiServerCommand.of(bin, workDir, files, ports)));
    connect("https://127.0.0.1:" + ports.apiServer(), token);
    Readiness.awaitApiServer(client, Duration.ofSeconds(60), processes);
    ClasspathCrds.installAll(client);
    processes.add(
        ProcessLauncher.start(
            workDir,
            "kube-controller-manager",
            List.of(
                bin.resolve("kube-controller-manager").toString(),
                "--kubeconfig=" + kubeconfig(),
                "--controllers=garbagecollector,namespace",
                "--leader-elect=false",
                "--port=0",
                "--secure-port=0")));
    System.err.printf(
        "[kube-test-server] kube-apiserver 1.20 ready at %s in %d ms (logs in %s)%n",
        url(), (System.nanoTime() - started) / 1_000_000, workDir);
  }

  private void stop() {
    if (client != null) {
      client.close();
    }
    for (int i = processes.size() - 1; i >= 0; i--) {
      ProcessLauncher.stop(processes.get(i));
    }
    if (!processes.isEmpty()) {
      deleteWorkDir(); // etcd data and certificates; only the JVM that started the servers owns
      // them
    }
  }

  private void deleteWorkDir() {
    try (var paths = Files.walk(workDir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("[kube-test-server] could not delete " + workDir + ": " + e.getMessage());
    }
  }
}
