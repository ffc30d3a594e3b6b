package dev.modelfleet.crds.v1alpha1.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** EleutherAI lm-evaluation-harness run against the target's OpenAI-compatible endpoint. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LmEvalSuite {

  @Required
  @Size(min = 1, max = 32)
  @JsonPropertyDescription("Harness task names, e.g. gsm8k or mmlu.")
  private List<@Pattern(Patterns.MODULE_NAME) @Size(max = 128) String> tasks = new ArrayList<>();

  @Min(0)
  @Max(25)
  @JsonPropertyDescription("Few-shot examples per prompt (the task's default when unset).")
  private Integer numFewshot;

  @Min(1)
  @JsonPropertyDescription("Samples per task (all when unset).")
  private Integer limit;

  public List<String> getTasks() {
    return tasks;
  }

  public void setTasks(List<String> tasks) {
    this.tasks = tasks == null ? new ArrayList<>() : tasks;
  }

  public Integer getNumFewshot() {
    return numFewshot;
  }

  public void setNumFewshot(Integer numFewshot) {
    this.numFewshot = numFewshot;
  }

  public Integer getLimit() {
    return limit;
  }

  public void setLimit(Integer limit) {
    this.limit = limit;
  }
}
