package dev.modelfleet.crds.v1alpha1.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Where the trained adapter was written. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AdapterArtifact {

  @JsonPropertyDescription("PersistentVolumeClaim holding the adapter.")
  private String claimName;

  @JsonPropertyDescription("Directory inside the volume.")
  private String path;

  @JsonPropertyDescription("Size of the adapter files, in bytes.")
  private Long sizeBytes;

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

  public Long getSizeBytes() {
    return sizeBytes;
  }

  public void setSizeBytes(Long sizeBytes) {
    this.sizeBytes = sizeBytes;
  }
}
