package dev.modelfleet.crds.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A file or directory inside a PersistentVolumeClaim in the resource's own namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VolumePath {

  @Required
  @Size(max = 253)
  @Pattern(Patterns.DNS_SUBDOMAIN)
  @JsonPropertyDescription(
      "Name of the PersistentVolumeClaim, in the same namespace as this resource.")
  private String claimName;

  @Required
  @Size(min = 1, max = 1024)
  @Pattern(Patterns.VOLUME_PATH)
  @JsonPropertyDescription(
      "Path relative to the root of the volume, e.g. datasets/support/train.jsonl. No"
          + " leading slash and no '..' or hidden segments.")
  private String path;

  public String getClaimName() {
    return claimName;
  }

  public void setClaimName(String claimName) {
    this.claimName = claimName;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }
}
