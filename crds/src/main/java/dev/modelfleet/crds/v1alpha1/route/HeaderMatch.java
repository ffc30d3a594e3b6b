package dev.modelfleet.crds.v1alpha1.route;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An HTTP request header that must be present with a value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HeaderMatch {

  @Required
  @Size(max = 256)
  @Pattern(Patterns.HEADER_NAME)
  @JsonPropertyDescription("Header name, matched case-insensitively, e.g. X-Team.")
  private String name;

  @Required
  @Size(max = 1024)
  @JsonPropertyDescription("Exact value the header must have.")
  private String value;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
