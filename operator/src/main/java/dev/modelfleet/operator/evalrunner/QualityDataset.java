package dev.modelfleet.operator.evalrunner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The samples of a quality suite: one JSON object per line, from a file or a set bundled with the
 * runner, with the SHA-256 of the bytes read so results name exactly what was scored.
 *
 * @param task the task name results are reported under (the builtin name or the file's stem)
 * @param samples the samples, in file order
 * @param sha256 {@code sha256:<hex>} of the whole file
 */
record QualityDataset(String task, List<JsonNode> samples, String sha256) {
  /** The bundled sets, each a few dozen samples with unambiguous answers (docs/evaluation.md). */
  static final List<String> BUILTIN =
      List.of("arithmetic", "capitals", "science-mc", "python-basics");

  private static final String BUILTIN_DIR = "/dev/modelfleet/operator/evalrunner/datasets/";
  private static final ObjectMapper JSON = new ObjectMapper();

  static QualityDataset builtin(String name) throws IOException {
    if (!BUILTIN.contains(name)) {
      throw new IllegalArgumentException(
          "unknown builtin dataset " + name + "; the bundled ones are " + BUILTIN);
    }
    try (InputStream in = QualityDataset.class.getResourceAsStream(BUILTIN_DIR + name + ".jsonl")) {
      if (in == null) {
        throw new IllegalStateException("builtin dataset " + name + " is missing from the runner");
      }
      return parse(name, in.readAllBytes());
    }
  }

  static QualityDataset file(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("dataset file " + path + " does not exist");
    }
    String stem = path.getFileName().toString().replaceFirst("\\.jsonl?$", "");
    return parse(stem, Files.readAllBytes(path));
  }

  static QualityDataset parse(String task, byte[] bytes) throws IOException {
    List<JsonNode> samples = new ArrayList<>();
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode sample;
      try {
        sample = JSON.readTree(line);
      } catch (IOException e) {
        throw new IllegalArgumentException("line " + (i + 1) + " of " + task + " is not JSON");
      }
      if (!sample.isObject()) {
        throw new IllegalArgumentException("line " + (i + 1) + " of " + task + " is not an object");
      }
      samples.add(sample);
    }
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("dataset " + task + " has no samples");
    }
    return new QualityDataset(task, List.copyOf(samples), "sha256:" + sha256(bytes));
  }

  /** The first {@code limit} samples, then this Pod's share of them (every shards-th one). */
  List<JsonNode> select(Integer limit, int shardIndex, int shards) {
    List<JsonNode> limited =
        limit == null ? samples : samples.subList(0, Math.min(limit, samples.size()));
    List<JsonNode> mine = new ArrayList<>();
    for (int i = shardIndex; i < limited.size(); i += shards) {
      mine.add(limited.get(i));
    }
    return mine;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
