package dev.modelfleet.operator.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.crds.v1alpha1.common.ServedModelRef;
import dev.modelfleet.crds.v1alpha1.eval.EvalRunSpec;
import dev.modelfleet.crds.v1alpha1.eval.EvalSuite;
import dev.modelfleet.crds.v1alpha1.eval.EvalTarget;
import dev.modelfleet.crds.v1alpha1.eval.LatencyProfile;
import dev.modelfleet.crds.v1alpha1.eval.LmEvalSuite;
import org.junit.jupiter.api.Test;

/** The CEL rules an old API server does not enforce, checked by the controller. */
class EvalSpecCheckTest {

  @Test
  void aValidLatencySpecPasses() {
    assertThat(EvalSpecCheck.problem(spec(EvalSuite.LATENCY))).isEmpty();
  }

  @Test
  void eachBrokenRuleNamesTheField() {
    EvalRunSpec both = spec(EvalSuite.LATENCY);
    both.getTarget().setRoute("chat");
    assertThat(EvalSpecCheck.problem(both))
        .hasValue("target must set exactly one of poolModel or route");

    assertThat(EvalSpecCheck.problem(spec(EvalSuite.QUALITY)))
        .get()
        .asString()
        .contains("spec.quality");

    EvalRunSpec lmEval = spec(EvalSuite.LM_EVAL);
    lmEval.setLmEval(new LmEvalSuite());
    assertThat(EvalSpecCheck.problem(lmEval)).get().asString().contains("spec.image");

    EvalRunSpec stray = spec(EvalSuite.LM_EVAL);
    stray.setLmEval(new LmEvalSuite());
    stray.setImage("lm-eval:1");
    stray.setLatency(new LatencyProfile());
    assertThat(EvalSpecCheck.problem(stray))
        .get()
        .asString()
        .contains("spec.latency applies to suite latency only");
  }

  private static EvalRunSpec spec(EvalSuite suite) {
    EvalRunSpec spec = new EvalRunSpec();
    EvalTarget target = new EvalTarget();
    ServedModelRef ref = new ServedModelRef();
    ref.setPool("chat");
    ref.setModel("llama-8b");
    target.setPoolModel(ref);
    spec.setTarget(target);
    spec.setSuite(suite);
    return spec;
  }
}
