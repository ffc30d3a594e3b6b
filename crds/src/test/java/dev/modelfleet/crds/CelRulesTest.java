package dev.modelfleet.crds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelfleet.crds.CelSchemaValidator.Outcome;
import dev.modelfleet.crds.CelSchemaValidator.RuleSite;
import dev.modelfleet.crds.CelSchemaValidator.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CEL rules (x-kubernetes-validations) of the generated CRDs, evaluated with cel-java because
 * the 1.20 test API server ignores them. Cases live in src/test/resources/cel/*.yaml: valid ones
 * must pass every rule; each invalid one must break exactly the rule whose message it names. Every
 * rule must be broken by at least one case and pass in at least one, so a new rule needs tests.
 */
class CelRulesTest {

  /** One case: a resource (spec only) and, for an invalid one, the message it must produce. */
  record Case(String file, String kind, String name, String expect, Map<String, Object> resource) {
    @Override
    public String toString() {
      return file + ": " + kind + " " + name;
    }
  }

  private static final Map<String, CelSchemaValidator> VALIDATORS = validators();

  private static Map<String, CelSchemaValidator> validators() {
    Map<String, CelSchemaValidator> byKind = new LinkedHashMap<>();
    GeneratedCrds.byPlural()
        .values()
        .forEach(crd -> byKind.put(GeneratedCrds.kind(crd), new CelSchemaValidator(crd)));
    return byKind;
  }

  static List<RuleSite> allSites() {
    return VALIDATORS.values().stream().flatMap(v -> v.sites().stream()).toList();
  }

  static Stream<Case> validCases() {
    return cases().stream().filter(c -> c.expect() == null);
  }

  static Stream<Case> invalidCases() {
    return cases().stream().filter(c -> c.expect() != null);
  }

  @Test
  void everyRuleTypeChecksAgainstItsSchemaAndHasAMessageThatNamesAField() {
    assertThat(allSites()).isNotEmpty();
    for (RuleSite site : allSites()) {
      CelSchemaValidator.program(site.rule());
      VALIDATORS.get(site.kind()).typeCheck(site);
      assertThat(site.message()).as("message of %s", site).isNotBlank();
      Set<String> fields = VALIDATORS.get(site.kind()).fieldNames();
      assertThat(Stream.of(site.message().split("[^A-Za-z0-9]+")).anyMatch(fields::contains))
          .as("message of %s should name the field to fix", site)
          .isTrue();
    }
  }

  @Test
  void typeCheckCatchesWhatTheApiServerWouldRefuse() {
    CelSchemaValidator pool = VALIDATORS.get("ModelPool");
    assertThatThrownBy(() -> pool.typeCheck(site("spec", "size(self.modelz) > 0")))
        .hasMessageContaining("modelz");
    assertThatThrownBy(() -> pool.typeCheck(site("spec.budgets", "self.vramFraction == 'high'")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pool.typeCheck(site("spec.models[*]", "self.replicas > 0.5")))
        .isInstanceOf(IllegalArgumentException.class);
    pool.typeCheck(site("spec.models[*].source", "has(self.ollama) || self.huggingFace != ''"));
  }

  private static RuleSite site(String path, String rule) {
    return new RuleSite("ModelPool", path, rule, "test");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCases")
  void validResourcePassesEveryRule(Case c) {
    Outcome outcome = validator(c).validate(c.resource());
    assertThat(outcome.violations()).as(c.toString()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCases")
  void invalidResourceBreaksExactlyTheNamedRule(Case c) {
    Outcome outcome = validator(c).validate(c.resource());
    assertThat(outcome.violations())
        .as("%s should break exactly one rule, whose message contains \"%s\"", c, c.expect())
        .hasSize(1);
    Violation violation = outcome.violations().get(0);
    assertThat(violation.error())
        .as("%s: rule must evaluate to false, not fail: %s", c, violation)
        .isFalse();
    assertThat(violation.site().message()).as(c.toString()).contains(c.expect());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void examplePassesEveryRule(String file, Map<String, Object> resource) {
    CelSchemaValidator validator = VALIDATORS.get((String) resource.get("kind"));
    assertThat(validator.validate(resource).violations()).as(file).isEmpty();
  }

  @Test
  void everyRuleIsBrokenByAnInvalidCaseAndHeldByAValidOne() {
    Set<RuleSite> broken = new LinkedHashSet<>();
    invalidCases()
        .forEach(
            c ->
                validator(c).validate(c.resource()).violations().stream()
                    .filter(v -> !v.error() && v.site().message().contains(c.expect()))
                    .forEach(v -> broken.add(v.site())));
    Set<RuleSite> held = new LinkedHashSet<>();
    validCases().forEach(c -> held.addAll(validator(c).validate(c.resource()).evaluated()));

    List<RuleSite> sites = allSites();
    assertThat(sites.stream().filter(s -> !broken.contains(s)).map(RuleSite::toString))
        .as("rules no invalid case in src/test/resources/cel/ breaks")
        .isEmpty();
    assertThat(sites.stream().filter(s -> !held.contains(s)).map(RuleSite::toString))
        .as("rules no valid case in src/test/resources/cel/ reaches")
        .isEmpty();
    System.out.printf(
        "[CelRulesTest] %d CEL rules in %d CRDs, each broken by an invalid case (%d) and held by"
            + " a valid one (%d)%n",
        sites.size(), VALIDATORS.size(), invalidCases().count(), validCases().count());
  }

  @Test
  void numericComparisonsFollowTheSchemaTypes() {
    // Kubernetes types CEL numbers by the schema: a 'number' written as 0 is the double 0.0.
    Map<String, Object> node = Map.of("type", "number");
    assertThat(CelSchemaValidator.normalize(node, 0)).isEqualTo(0.0);
    assertThat(CelSchemaValidator.normalize(Map.of("type", "integer"), 3)).isEqualTo(3L);
  }

  private static CelSchemaValidator validator(Case c) {
    CelSchemaValidator validator = VALIDATORS.get(c.kind());
    assertThat(validator).as("no generated CRD for kind %s (%s)", c.kind(), c.file()).isNotNull();
    return validator;
  }

  static Stream<Arguments> examples() {
    return RepoFiles.examples().stream()
        .flatMap(
            file ->
                RepoFiles.documents(file).stream()
                    .filter(doc -> VALIDATORS.containsKey((String) doc.get("kind")))
                    .filter(doc -> String.valueOf(doc.get("apiVersion")).startsWith("modelfleet."))
                    .map(doc -> Arguments.of(RepoFiles.relative(file), doc)));
  }

  @SuppressWarnings("unchecked")
  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (Path file : caseFiles()) {
      for (Map<String, Object> doc : RepoFiles.documents(file)) {
        String kind = (String) doc.get("kind");
        String name = file.getFileName().toString();
        for (String group : List.of("valid", "invalid")) {
          List<Map<String, Object>> entries =
              (List<Map<String, Object>>) doc.getOrDefault(group, List.of());
          for (Map<String, Object> entry : entries) {
            String expect = (String) entry.get("expect");
            if (group.equals("invalid") == (expect == null)) {
              throw new IllegalStateException(
                  name + " " + entry.get("name") + ": invalid cases need expect, valid ones none");
            }
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("kind", kind);
            resource.put("spec", entry.get("spec"));
            cases.add(new Case(name, kind, (String) entry.get("name"), expect, resource));
          }
        }
      }
    }
    return cases;
  }

  private static List<Path> caseFiles() {
    try (Stream<Path> files = Files.list(Path.of(CelRulesTest.class.getResource("/cel").toURI()))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String describe(List<Violation> violations) {
    return violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
  }
}
