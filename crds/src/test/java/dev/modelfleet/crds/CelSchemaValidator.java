package dev.modelfleet.crds;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates a CRD's {@code x-kubernetes-validations} rules against an object the way a Kubernetes
 * 1.25+ API server does: unknown fields pruned, schema defaults applied, numbers typed by the
 * schema ({@code number} as double, {@code integer} as int), each rule evaluated with {@code self}
 * bound to the value at its place in the schema, for every list item and map value.
 */
final class CelSchemaValidator {

  /** One rule at one place in one CRD's schema; {@code path} uses [*] for list items. */
  record RuleSite(String kind, String path, String rule, String message) {
    @Override
    public String toString() {
      return kind + " " + path + ": " + rule + " (\"" + message + "\")";
    }
  }

  /** A rule that did not hold, at a concrete path; {@code error} when it failed to evaluate. */
  record Violation(RuleSite site, String path, boolean error, String detail) {
    @Override
    public String toString() {
      return path + ": " + site.message() + (error ? " [evaluation error: " + detail + "]" : "");
    }
  }

  /** The rules that did not hold, and every rule that was evaluated at all. */
  record Outcome(List<Violation> violations, Set<RuleSite> evaluated) {}

  // Kubernetes' CEL environment: standard macros (has, all, exists, exists_one, map, filter) and
  // the strings extension library. self is dynamic: we bind plain maps and lists.
  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addLibraries(CelExtensions.strings())
          .addVar("self", SimpleType.DYN)
          .setResultType(SimpleType.BOOL)
          .build();
  private static final CelRuntime RUNTIME =
      CelRuntimeFactory.standardCelRuntimeBuilder().addLibraries(CelExtensions.strings()).build();
  private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

  private final String kind;
  private final Map<String, Object> schema;

  CelSchemaValidator(Map<String, Object> crd) {
    this.kind = GeneratedCrds.kind(crd);
    this.schema = GeneratedCrds.schema(crd);
  }

  /** Every rule in the schema. */
  List<RuleSite> sites() {
    List<RuleSite> sites = new ArrayList<>();
    collect(schema, "", sites);
    return sites;
  }

  /** Every property name in the schema, at any depth. */
  Set<String> fieldNames() {
    Set<String> names = new LinkedHashSet<>();
    fieldNames(schema, names);
    return names;
  }

  @SuppressWarnings("unchecked")
  private static void fieldNames(Map<String, Object> node, Set<String> out) {
    Map<String, Object> props = (Map<String, Object>) node.get("properties");
    if (props != null) {
      out.addAll(props.keySet());
      props.values().forEach(v -> fieldNames((Map<String, Object>) v, out));
    }
    if (node.get("items") instanceof Map<?, ?> items) {
      fieldNames((Map<String, Object>) items, out);
    }
    if (node.get("additionalProperties") instanceof Map<?, ?> values) {
      fieldNames((Map<String, Object>) values, out);
    }
  }

  /** Compiles a rule (cached); throws with the compiler's message when it does not compile. */
  static CelRuntime.Program program(String rule) {
    return PROGRAMS.computeIfAbsent(
        rule,
        r -> {
          try {
            CelAbstractSyntaxTree ast = COMPILER.compile(r).getAst();
            return RUNTIME.createProgram(ast);
          } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalArgumentException("CEL rule does not compile: " + r + "\n" + e, e);
          }
        });
  }

  /**
   * Type-checks a rule the way the API server does when the CRD is created: {@code self} has the
   * type its schema gives (objects as structs with their declared fields, integer as int, number as
   * double), so a misspelt field or an int compared with a double is an error here too.
   */
  void typeCheck(RuleSite site) {
    SchemaTypes types = new SchemaTypes(kind);
    CelType self = types.typeAt(schema, site.path());
    CelCompiler typed =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addLibraries(CelExtensions.strings())
            .setTypeProvider(types)
            .addVar("self", self)
            .setResultType(SimpleType.BOOL)
            .build();
    try {
      typed.compile(site.rule()).getAst();
    } catch (CelValidationException e) {
      throw new IllegalArgumentException(
          site + " does not type-check against its schema (" + self.name() + "):\n" + e, e);
    }
  }

  /** CEL types for a CRD's schema, as Kubernetes derives them. */
  private static final class SchemaTypes implements CelTypeProvider {
    private final String prefix;
    private final Map<String, CelType> structs = new LinkedHashMap<>();

    SchemaTypes(String kind) {
      this.prefix = "modelfleet." + kind;
    }

    @SuppressWarnings("unchecked")
    CelType typeAt(Map<String, Object> root, String path) {
      Map<String, Object> node = root;
      String name = prefix;
      for (String part : path.isEmpty() ? new String[0] : path.split("\\.")) {
        String field = part.replace("[*]", "");
        node = (Map<String, Object>) ((Map<String, Object>) node.get("properties")).get(field);
        name = name + "." + field;
        for (int i = part.indexOf("[*]"); i >= 0; i = part.indexOf("[*]", i + 1)) {
          Object inner =
              node.containsKey("items") ? node.get("items") : node.get("additionalProperties");
          node = (Map<String, Object>) inner;
          name = name + ".item";
        }
      }
      return typeOf(node, name);
    }

    @SuppressWarnings("unchecked")
    private CelType typeOf(Map<String, Object> node, String name) {
      if (Boolean.TRUE.equals(node.get("x-kubernetes-int-or-string"))) {
        return SimpleType.DYN;
      }
      String type = String.valueOf(node.get("type"));
      switch (type) {
        case "string":
          return SimpleType.STRING;
        case "integer":
          return SimpleType.INT;
        case "number":
          return SimpleType.DOUBLE;
        case "boolean":
          return SimpleType.BOOL;
        case "array":
          return ListType.create(typeOf((Map<String, Object>) node.get("items"), name + ".item"));
        case "object":
          Map<String, Object> props = (Map<String, Object>) node.get("properties");
          if (props == null) {
            return node.get("additionalProperties") instanceof Map<?, ?> values
                ? MapType.create(
                    SimpleType.STRING, typeOf((Map<String, Object>) values, name + ".item"))
                : SimpleType.DYN;
          }
          Map<String, CelType> fields = new LinkedHashMap<>();
          props.forEach((k, v) -> fields.put(k, typeOf((Map<String, Object>) v, name + "." + k)));
          StructType struct =
              StructType.create(
                  name,
                  ImmutableSet.copyOf(fields.keySet()),
                  f -> Optional.ofNullable(fields.get(f)));
          structs.put(name, struct);
          return struct;
        default:
          return SimpleType.DYN;
      }
    }

    @Override
    public ImmutableCollection<CelType> types() {
      return ImmutableList.copyOf(structs.values());
    }

    @Override
    public Optional<CelType> findType(String typeName) {
      return Optional.ofNullable(structs.get(typeName));
    }
  }

  /** Validates a whole resource (a map with spec, and optionally status). */
  Outcome validate(Map<String, Object> resource) {
    Object normalized = normalize(schema, resource);
    List<Violation> violations = new ArrayList<>();
    Set<RuleSite> evaluated = new LinkedHashSet<>();
    evaluate(schema, normalized, "", "", violations, evaluated);
    return new Outcome(violations, evaluated);
  }

  @SuppressWarnings("unchecked")
  private void collect(Map<String, Object> node, String path, List<RuleSite> out) {
    for (Map<String, Object> rule : rules(node)) {
      out.add(new RuleSite(kind, path, (String) rule.get("rule"), (String) rule.get("message")));
    }
    Map<String, Object> props = (Map<String, Object>) node.get("properties");
    if (props != null) {
      props.forEach((k, v) -> collect((Map<String, Object>) v, join(path, k), out));
    }
    if (node.get("items") instanceof Map<?, ?> items) {
      collect((Map<String, Object>) items, path + "[*]", out);
    }
    if (node.get("additionalProperties") instanceof Map<?, ?> values) {
      collect((Map<String, Object>) values, path + "[*]", out);
    }
  }

  @SuppressWarnings("unchecked")
  private void evaluate(
      Map<String, Object> node,
      Object value,
      String pattern,
      String path,
      List<Violation> violations,
      Set<RuleSite> evaluated) {
    if (value == null) {
      return;
    }
    for (Map<String, Object> rule : rules(node)) {
      RuleSite site =
          new RuleSite(kind, pattern, (String) rule.get("rule"), (String) rule.get("message"));
      evaluated.add(site);
      try {
        Object result = program(site.rule()).eval(Map.of("self", value));
        if (!Boolean.TRUE.equals(result)) {
          violations.add(new Violation(site, path, false, String.valueOf(result)));
        }
      } catch (CelEvaluationException e) {
        violations.add(new Violation(site, path, true, e.getMessage()));
      }
    }
    Map<String, Object> props = (Map<String, Object>) node.get("properties");
    if (props != null && value instanceof Map<?, ?> map) {
      for (Map.Entry<String, Object> prop : props.entrySet()) {
        evaluate(
            (Map<String, Object>) prop.getValue(),
            map.get(prop.getKey()),
            join(pattern, prop.getKey()),
            join(path, prop.getKey()),
            violations,
            evaluated);
      }
    }
    if (node.get("items") instanceof Map<?, ?> items && value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        evaluate(
            (Map<String, Object>) items,
            list.get(i),
            pattern + "[*]",
            path + "[" + i + "]",
            violations,
            evaluated);
      }
    }
    if (node.get("additionalProperties") instanceof Map<?, ?> values
        && value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        evaluate(
            (Map<String, Object>) values,
            entry.getValue(),
            pattern + "[*]",
            path + "[" + entry.getKey() + "]",
            violations,
            evaluated);
      }
    }
  }

  /** Prunes unknown fields, applies defaults and types numbers as the API server does. */
  @SuppressWarnings("unchecked")
  static Object normalize(Map<String, Object> node, Object value) {
    if (value == null) {
      return null;
    }
    String type = (String) node.get("type");
    if (value instanceof Number n) {
      if ("number".equals(type)) {
        return n.doubleValue();
      }
      if (n instanceof Double || n instanceof Float) {
        return n.doubleValue();
      }
      return Long.valueOf(n.longValue()); // not a ?: expression, which would promote to double
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> props = (Map<String, Object>) node.get("properties");
      Object additional = node.get("additionalProperties");
      boolean keepUnknown = Boolean.TRUE.equals(node.get("x-kubernetes-preserve-unknown-fields"));
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        Map<String, Object> child =
            props != null && props.containsKey(key)
                ? (Map<String, Object>) props.get(key)
                : additional instanceof Map<?, ?> a ? (Map<String, Object>) a : null;
        if (child != null) {
          out.put(key, normalize(child, entry.getValue()));
        } else if (keepUnknown || (props == null && additional == null)) {
          out.put(key, entry.getValue());
        }
      }
      if (props != null) {
        for (Map.Entry<String, Object> prop : props.entrySet()) {
          Map<String, Object> child = (Map<String, Object>) prop.getValue();
          if (!out.containsKey(prop.getKey()) && child.containsKey("default")) {
            out.put(prop.getKey(), normalize(child, copy(child.get("default"))));
          }
        }
      }
      return out;
    }
    if (value instanceof List<?> list && node.get("items") instanceof Map<?, ?> items) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        out.add(normalize((Map<String, Object>) items, item));
      }
      return out;
    }
    return value;
  }

  private static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, copy(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return new ArrayList<>(list.stream().map(CelSchemaValidator::copy).toList());
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rules(Map<String, Object> node) {
    Object rules = node.get("x-kubernetes-validations");
    return rules == null ? List.of() : (List<Map<String, Object>>) rules;
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
