package dev.modelfleet.operator.demo;

import dev.modelfleet.operator.evalrunner.EvalCommand;
import dev.modelfleet.operator.plan.PlanCommand;
import dev.modelfleet.serving.jobs.RunnerContract;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;

/**
 * Entry point. With no arguments it runs the operator against the configured cluster; with {@code
 * demo} it first starts an embedded API server seeded with simulated GPU nodes; {@code plan} prints
 * what the ModelPool controller would do, with no cluster; with {@code eval} it runs the built-in
 * eval runner alone, as EvalRun and AdapterRun Jobs do.
 */
@QuarkusMain
public class OperatorMain {

  public static void main(String... args) {
    if (args.length > 0 && "plan".equals(args[0])) {
      // Pure planning: no cluster, no Quarkus runtime.
      System.exit(
          PlanCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
    }
    if (args.length > 0 && RunnerContract.EVAL.equals(args[0])) {
      System.exit(EvalCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && "demo".equals(args[0])) {
      String[] demoArgs = Arrays.copyOfRange(args, 1, args.length);
      DemoOptions options = DemoOptions.parse(demoArgs);
      EmbeddedApiServer server = EmbeddedApiServer.start();
      System.setProperty("modelfleet.demo-mode", "true");
      if (System.getProperty("quarkus.http.port") == null) {
        System.setProperty("quarkus.http.port", options.keepRunning() ? "8080" : "0");
      }
      server.fabric8SystemProperties().forEach(System::setProperty);
      Quarkus.run(DemoApplication.class, (code, failure) -> exit(server, code, failure), demoArgs);
      return;
    }
    Quarkus.run(args);
  }

  private static void exit(EmbeddedApiServer server, int code, Throwable failure) {
    if (failure != null) {
      System.err.println("demo failed: " + failure);
    }
    server.stop();
    System.exit(code);
  }
}
