package dev.modelfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the modelfleet command in-process and captures what it prints. */
abstract class CliTestSupport {
  protected final StringWriter out = new StringWriter();
  protected final StringWriter err = new StringWriter();

  protected int run(String... args) {
    CommandLine cli = ModelFleetCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  /** Runs the command with "-o json", expects success and nothing on stderr, and parses stdout. */
  protected JsonNode runJson(List<String> command, String... args) throws Exception {
    List<String> all = new ArrayList<>(command);
    all.addAll(List.of(args));
    all.addAll(List.of("-o", "json"));
    int exit = run(all.toArray(String[]::new));
    assertThat(exit).as(err.toString()).isZero();
    assertThat(err.toString()).isEmpty();
    return new ObjectMapper().readTree(out.toString());
  }

  /** The file system path of a test resource. */
  protected static String resourcePath(String resource) {
    try {
      return Path.of(CliTestSupport.class.getResource(resource).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  protected static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
