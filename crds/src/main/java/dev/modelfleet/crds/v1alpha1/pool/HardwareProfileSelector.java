package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which HardwareProfiles a pool may place on. Unset or empty means all. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HardwareProfileSelector {

  @Size(max = 64)
  @JsonPropertyDescription("HardwareProfiles by name.")
  private List<@Pattern(Patterns.DNS_SUBDOMAIN) @Size(max = 253) String> names = new ArrayList<>();

  @JsonPropertyDescription(
      "HardwareProfiles whose labels include all of these (e.g."
          + " modelfleet.dev/detected: \"true\"). Combined with names by OR.")
  private Map<String, @Pattern(Patterns.LABEL_VALUE) @Size(max = 63) String> matchLabels =
      new LinkedHashMap<>();

  public List<String> getNames() {
    return names;
  }

  public void setNames(List<String> names) {
    this.names = names == null ? new ArrayList<>() : names;
  }

  public Map<String, String> getMatchLabels() {
    return matchLabels;
  }

  public void setMatchLabels(Map<String, String> matchLabels) {
    this.matchLabels = matchLabels == null ? new LinkedHashMap<>() : matchLabels;
  }
}
