package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A LoRA adapter the pool serves on top of one of its models. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServedAdapter {

  @Required
  @Size(max = 63)
  @Pattern(Patterns.DNS_LABEL)
  @JsonPropertyDescription(
      "Name clients use to address the adapter (vLLM's --lora-modules name); unique"
          + " within the model. A ModelRoute reaches it with poolModel.adapter.")
  private String name;

  @Required
  @JsonPropertyDescription("Where the adapter's weights come from.")
  private AdapterSource source;

  @Min(1)
  @Max(512)
  @JsonPropertyDescription(
      "LoRA rank of the adapter; the largest across a model's adapters sets vLLM's"
          + " --max-lora-rank. Read from the adapter's config when unset.")
  private Integer rank;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public AdapterSource getSource() {
    return source;
  }

  public void setSource(AdapterSource source) {
    this.source = source;
  }

  public Integer getRank() {
    return rank;
  }

  public void setRank(Integer rank) {
    this.rank = rank;
  }
}
