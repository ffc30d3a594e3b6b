package dev.modelfleet.crds.v1alpha1.hardware;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.ModelFleetStatus;
import java.util.ArrayList;
import java.util.List;

/** Which nodes a profile matched, what they add up to, and how sure detection is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HardwareProfileStatus extends ModelFleetStatus {

  @JsonPropertyDescription(
      "Detected (the operator wrote the spec from Node labels) or Override (a person wrote it;"
          + " the operator only writes status).")
  private ProfileSource source;

  @JsonPropertyDescription(
      "high when the GPU product is in the catalog; low when memory or bandwidth had to be"
          + " guessed (see the Warning condition).")
  private DetectionConfidence confidence;

  @JsonPropertyDescription("The GPU catalog entry the product matched, if any.")
  private String catalogEntry;

  @JsonPropertyDescription("Names of the nodes this profile matched, sorted.")
  private List<String> nodes = new ArrayList<>();

  @JsonPropertyDescription("How many nodes this profile matched.")
  private Integer nodeCount;

  @JsonPropertyDescription("Totals over the matched nodes.")
  private HardwareTotals totals;

  public ProfileSource getSource() {
    return source;
  }

  public void setSource(ProfileSource source) {
    this.source = source;
  }

  public DetectionConfidence getConfidence() {
    return confidence;
  }

  public void setConfidence(DetectionConfidence confidence) {
    this.confidence = confidence;
  }

  public String getCatalogEntry() {
    return catalogEntry;
  }

  public void setCatalogEntry(String catalogEntry) {
    this.catalogEntry = catalogEntry;
  }

  public List<String> getNodes() {
    return nodes;
  }

  public void setNodes(List<String> nodes) {
    this.nodes = nodes == null ? new ArrayList<>() : nodes;
  }

  public Integer getNodeCount() {
    return nodeCount;
  }

  public void setNodeCount(Integer nodeCount) {
    this.nodeCount = nodeCount;
  }

  public HardwareTotals getTotals() {
    return totals;
  }

  public void setTotals(HardwareTotals totals) {
    this.totals = totals;
  }
}
