package dev.modelfleet.operator.eval;

import dev.modelfleet.crds.v1alpha1.eval.EvalProvenance;
import dev.modelfleet.serving.jobs.EvalEndpoint;

/** An EvalRun's target as the runner calls it, and what is known about what it serves. */
record ResolvedTarget(EvalEndpoint endpoint, EvalProvenance provenance) {}
