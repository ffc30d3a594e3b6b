package dev.modelfleet.testing.kube;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Installs every generated CRD ({@code META-INF/fabric8/*-v1.yml}) on the classpath. */
final class ClasspathCrds {
  private static final String DIR = "META-INF/fabric8/";

  private ClasspathCrds() {}

  static void installAll(KubernetesClient client) {
    for (URL url : crdUrls()) {
      try (InputStream in = url.openStream()) {
        CustomResourceDefinition crd =
            client.apiextensions().v1().customResourceDefinitions().load(in).item();
        // A plain create: 1.20's server-side apply rejects the CEL rules (x-kubernetes-validations)
        // it does not know, while create drops them, as an older cluster would.
        client.resource(crd).createOr(NonDeletingOperation::update);
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName(crd.getMetadata().getName())
            .waitUntilCondition(ClasspathCrds::established, 30, TimeUnit.SECONDS);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read CRD " + url, e);
      }
    }
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static List<URL> crdUrls() {
    List<URL> found = new ArrayList<>();
    try {
      for (URL root : Collections.list(ClasspathCrds.class.getClassLoader().getResources(DIR))) {
        for (String name : list(root)) {
          if (name.endsWith("-v1.yml")) {
            found.add(new URL(root, name));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static List<String> list(URL root) throws IOException {
    if ("file".equals(root.getProtocol())) {
      try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
        return files.map(p -> p.getFileName().toString()).sorted().toList();
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
    }
    JarURLConnection connection = (JarURLConnection) root.openConnection();
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      return jar.stream()
          .map(e -> e.getName())
          .filter(n -> n.startsWith(DIR) && n.length() > DIR.length())
          .map(n -> n.substring(DIR.length()))
          .sorted()
          .toList();
    }
  }
}
