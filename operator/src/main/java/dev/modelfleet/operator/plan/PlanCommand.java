package dev.modelfleet.operator.plan;

import dev.modelfleet.crds.v1alpha1.hardware.HardwareProfile;
import dev.modelfleet.crds.v1alpha1.pool.ModelPool;
import dev.modelfleet.operator.pool.planning.Claim;
import dev.modelfleet.operator.pool.planning.PoolPlan;
import dev.modelfleet.operator.pool.planning.PoolPlanInput;
import dev.modelfleet.operator.pool.planning.PoolPlanner;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code modelfleet plan}: what the ModelPool controller would place, evict and create for a pool
 * on a fleet, with no cluster, through the same planner the controller runs. For pull-request
 * checks in GitOps repositories. Exit 0 on a plan, 2 on bad input.
 */
public final class PlanCommand {
  static final int OK = 0;
  static final int BAD_INPUT = 2;

  private PlanCommand() {}

  /** Runs the command; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      PlanOptions options = PlanOptions.parse(args);
      ModelPool pool = PlanFiles.pool(options.pool());
      List<HardwareProfile> profiles = PlanFiles.cluster(options.cluster());
      List<Claim> current = PlanFiles.current(options.current(), pool);
      PoolPlan plan =
          PoolPlanner.bundled()
              .plan(
                  new PoolPlanInput(
                      pool,
                      profiles,
                      null,
                      current,
                      List.of(),
                      Map.of(),
                      Map.of(),
                      List.of(),
                      Instant.now()));
      switch (options.output()) {
        case "json" -> out.println(PlanJson.write(plan));
        case "yaml" -> out.print(PlanManifests.write(plan));
        default -> out.print(PlanTable.write(pool, plan));
      }
      return OK;
    } catch (BadInput e) {
      err.println("modelfleet plan: " + e.getMessage());
      return BAD_INPUT;
    } catch (IllegalArgumentException e) {
      err.println("modelfleet plan: " + e.getMessage());
      return BAD_INPUT;
    }
  }
}
