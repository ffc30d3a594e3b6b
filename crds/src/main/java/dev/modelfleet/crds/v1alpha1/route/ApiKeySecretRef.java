package dev.modelfleet.crds.v1alpha1.route;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A Secret holding API keys allowed to call a route. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ApiKeySecretRef {

  @Required
  @Size(max = 253)
  @Pattern(Patterns.DNS_SUBDOMAIN)
  @JsonPropertyDescription("Name of the Secret, in the route's namespace.")
  private String name;

  @Size(max = 253)
  @Pattern(Patterns.CONFIG_KEY)
  @JsonPropertyDescription(
      "Only this key's value is an allowed API key. Unset means every value in the" + " Secret is.")
  private String key;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
