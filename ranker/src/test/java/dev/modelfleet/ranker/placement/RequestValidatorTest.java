package dev.modelfleet.ranker.placement;

import static dev.modelfleet.ranker.placement.Fleet.model;
import static dev.modelfleet.ranker.placement.Fleet.node;
import static dev.modelfleet.ranker.placement.Fleet.option;
import static dev.modelfleet.ranker.placement.Fleet.running;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad requests fail with a message naming the field and the fix. */
class RequestValidatorTest {
  private final PlacementSolver solver = new PlacementSolver();
  private final List<PlacementNode> nodes = List.of(node("n", "h100", 500, 80));

  private void rejects(PlacementRequest request, String message) {
    assertThatThrownBy(() -> solver.solve(request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void nullRequestAndLists() {
    rejects(null, "placement request is null");
    rejects(
        new PlacementRequest(null, nodes, List.of(), 0.05),
        "candidates is null: pass an empty list instead");
    rejects(
        new PlacementRequest(List.of(), nodes, null, 0.05),
        "current is null: pass an empty list instead");
  }

  @Test
  void candidateNamesAndNumbers() {
    rejects(
        PlacementRequest.of(List.of(model(" ", 1)), nodes, List.of()),
        "candidates[0].model must be a non-blank name, got ' '");
    rejects(
        PlacementRequest.of(List.of(model("m", 1), model("m", 2)), nodes, List.of()),
        "candidates[m] appears twice: give each model one candidate with its replicas");
    rejects(
        PlacementRequest.of(List.of(model("m", -1)), nodes, List.of()),
        "candidates[m].replicas must be >= 0 (0 to remove the model), got -1");
    rejects(
        PlacementRequest.of(List.of(Fleet.priority(model("m", 1), 1001)), nodes, List.of()),
        "candidates[m].priority must be between 0 and 1000 (100 is neutral), got 1001");
  }

  @Test
  void optionNumbers() {
    rejects(
        PlacementRequest.of(
            List.of(model("m", 1, option("h100", 0, 10, 10, 50))), nodes, List.of()),
        "candidates[m].options[h100].gpusPerReplica must be at least 1, got 0");
    rejects(
        PlacementRequest.of(
            List.of(model("m", 1, option("h100", 1, -1, 10, 50))), nodes, List.of()),
        "candidates[m].options[h100].vramPerGpuGiB must be a finite number of GiB >= 0 (clamp at"
            + " 0), got -1.0");
    rejects(
        PlacementRequest.of(
            List.of(model("m", 1, option("h100", 1, 10, Double.NaN, 50))), nodes, List.of()),
        "candidates[m].options[h100].diskGiB must be a finite number of GiB >= 0 (clamp at 0),"
            + " got NaN");
    rejects(
        PlacementRequest.of(
            List.of(model("m", 1, option("h100", 1, 10, 10, 101))), nodes, List.of()),
        "candidates[m].options[h100].score must be between 0 and 100.0, got 101.0");
    rejects(
        PlacementRequest.of(
            List.of(model("m", 1, option("h100", 1, 10, 10, 50), option("h100", 2, 10, 10, 50))),
            nodes,
            List.of()),
        "candidates[m].options[h100] appears twice: give one option per hardware profile");
  }

  @Test
  void nodes() {
    rejects(
        PlacementRequest.of(List.of(), List.of(node("n", "h100", 500, 80, -2)), List.of()),
        "nodes[n].freeVramGiBPerGpu[1] must be a finite number of GiB >= 0 (clamp at 0), got -2.0");
    rejects(
        PlacementRequest.of(List.of(), List.of(node("n", "h100", -1, 80)), List.of()),
        "nodes[n].freeDiskGiB must be a finite number of GiB >= 0 (clamp at 0), got -1.0");
    rejects(
        PlacementRequest.of(
            List.of(), List.of(node("n", "h100", 1, 80), node("n", "l4", 1, 24)), List.of()),
        "nodes[n] appears twice: node names must be unique");
    rejects(
        PlacementRequest.of(List.of(), List.of(node("n", "", 1, 80)), List.of()),
        "nodes[n].hardwareProfile must be a non-blank name, got ''");
  }

  @Test
  void currentReplicas() {
    rejects(
        PlacementRequest.of(List.of(), nodes, List.of(running("ghost", "n", 0))),
        "current[0].model 'ghost' is not a candidate: pass every running model as a candidate"
            + " (with replicas 0 to remove it)");
    rejects(
        PlacementRequest.of(List.of(model("m", 1)), nodes, List.of(running("m", "n", 0, 0))),
        "current[0].gpuIndices lists GPU 0 twice: [0, 0]");
    rejects(
        PlacementRequest.of(List.of(model("m", 1)), nodes, List.of(running("m", "n", -1))),
        "current[0].gpuIndices must hold GPU indices >= 0, got [-1]");
    rejects(
        PlacementRequest.of(List.of(model("m", 1)), nodes, List.of(running("m", "n"))),
        "current[0].gpuIndices is empty: a replica uses a GPU");
  }

  @Test
  void threshold() {
    rejects(
        new PlacementRequest(List.of(), nodes, List.of(), -0.1),
        "moveGainThreshold must be a finite fraction >= 0 (e.g. 0.05), got -0.1");
  }
}
