package dev.modelfleet.crds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ModelFleet example binds to its Java class with no unknown field, and writing the object
 * back loses nothing: the examples, the Java model and (via ExamplesAcceptedTest) the schema agree.
 */
class ExamplesBindTest {
  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  static Stream<Arguments> examples() {
    return RepoFiles.examples().stream()
        .flatMap(
            file ->
                RepoFiles.documents(file).stream()
                    .filter(d -> String.valueOf(d.get("apiVersion")).startsWith(CrdTypes.GROUP))
                    .map(d -> Arguments.of(RepoFiles.relative(file), d)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void bindsWithoutLoss(String file, Map<String, Object> doc) throws Exception {
    Class<?> type = CrdTypes.BY_KIND.get((String) doc.get("kind"));
    assertThat(type).as("%s: unknown kind %s", file, doc.get("kind")).isNotNull();
    Object bound = STRICT.convertValue(doc, type);
    @SuppressWarnings("unchecked")
    Map<String, Object> written = STRICT.convertValue(bound, Map.class);
    ExamplesAcceptedTest.assertNothingPruned(file, doc.get("spec"), written.get("spec"), "spec");
  }
}
