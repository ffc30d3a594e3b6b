package dev.modelfleet.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The chart rendered by {@code helm template}, parsed into Fabric8 objects. */
final class RenderedChart {

  static final Path CHART_DIR =
      Path.of(System.getProperty("modelfleet.chart.dir", "modelfleet")).toAbsolutePath();
  static final String RELEASE = "fleet";
  static final String NAMESPACE = "modelfleet-system";

  /** fullname for release "fleet": {@code <release>-<chart>}. */
  static final String FULLNAME = "fleet-modelfleet";

  /**
   * The cluster version rendered for unless a test names another. Without one, helm template
   * assumes Kubernetes 1.20, which would pick the chart's fallbacks for old clusters.
   */
  static final String KUBE_VERSION = "1.30.0";

  static final String COMPONENT_LABEL = "app.kubernetes.io/component";
  static final String OPERATOR = "operator";
  static final String GATEWAY = "gateway";

  /** Gateway resource names for release "fleet": {@code <fullname>-gateway}. */
  static final String GATEWAY_NAME = FULLNAME + "-gateway";

  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** Each rendered document's source text, e.g. with the template's comments. */
  final List<String> documents;

  final List<HasMetadata> objects;

  private RenderedChart(List<String> documents, List<HasMetadata> objects) {
    this.documents = documents;
    this.objects = objects;
  }

  /** Renders the chart with {@code --set}-style values (list items as "key[0]"). */
  static RenderedChart render(Map<String, Object> values) {
    return renderForKubeVersion(KUBE_VERSION, values);
  }

  static RenderedChart render() {
    return render(Map.of());
  }

  /** Renders the chart as for a cluster of the given Kubernetes version, e.g. "1.20.0". */
  static RenderedChart renderForKubeVersion(String kubeVersion, Map<String, Object> values) {
    TemplateCommand template =
        new Helm(CHART_DIR)
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(kubeVersion);
    values.forEach(template::set);
    return parse(template.call());
  }

  /** The error message of a render that must fail, such as a schema violation. */
  static String renderError(Map<String, Object> values) {
    try {
      render(values);
    } catch (RuntimeException e) {
      return e.getMessage();
    }
    throw new AssertionError("helm template accepted " + values);
  }

  private static RenderedChart parse(String manifest) {
    List<String> documents = new ArrayList<>();
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(manifest)) {
      if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
        continue;
      }
      documents.add(document);
      objects.add(SERIALIZATION.unmarshal(document));
    }
    return new RenderedChart(documents, objects);
  }

  /** The only rendered object of this type. */
  <T extends HasMetadata> T one(Class<T> type) {
    List<T> matches = all(type);
    assertThat(matches).as("rendered %s objects", type.getSimpleName()).hasSize(1);
    return matches.get(0);
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The only rendered object of this type labelled with the component, e.g. "gateway". */
  <T extends HasMetadata> T one(Class<T> type, String component) {
    List<T> matches = all(type, component);
    assertThat(matches)
        .as("rendered %s objects of component %s", type.getSimpleName(), component)
        .hasSize(1);
    return matches.get(0);
  }

  /** Rendered objects of this type labelled {@code app.kubernetes.io/component: <component>}. */
  <T extends HasMetadata> List<T> all(Class<T> type, String component) {
    return all(type).stream()
        .filter(o -> component.equals(o.getMetadata().getLabels().get(COMPONENT_LABEL)))
        .toList();
  }

  /** Rendered objects of a kind, as generic maps (for kinds such as ServiceMonitor). */
  List<GenericKubernetesResource> ofKind(String kind) {
    return objects.stream()
        .filter(o -> kind.equals(o.getKind()))
        .map(o -> SERIALIZATION.convertValue(o, GenericKubernetesResource.class))
        .toList();
  }

  /** The source text of the document that rendered the given object. */
  String documentOf(HasMetadata object) {
    for (int i = 0; i < objects.size(); i++) {
      if (objects.get(i) == object) {
        return documents.get(i);
      }
    }
    throw new IllegalArgumentException("not rendered by this chart: " + object);
  }

  /** Builds an ordered values map from key/value pairs. */
  static Map<String, Object> values(Object... keysAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return values;
  }
}
