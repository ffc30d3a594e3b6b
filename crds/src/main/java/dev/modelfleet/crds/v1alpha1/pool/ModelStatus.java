package dev.modelfleet.crds.v1alpha1.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** How one model of the pool is placed and served. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelStatus {

  @JsonPropertyDescription("The model's name from spec.models.")
  private String name;

  @JsonPropertyDescription(
      "Pending, Placed, Downloading, Serving, Evicted, Unfit (cannot fit or not"
          + " allowed) or Failed.")
  private ModelPhase phase;

  @JsonPropertyDescription("Engine chosen (auto resolved): vllm, sglang or ollama.")
  private String engine;

  @JsonPropertyDescription("HardwareProfile the replicas run on.")
  private String hardwareProfile;

  @JsonPropertyDescription("Nodes the replicas are placed on.")
  private List<String> nodes = new ArrayList<>();

  @JsonPropertyDescription("Replicas placed.")
  private Integer replicas;

  @JsonPropertyDescription("Replicas serving and passing readiness.")
  private Integer readyReplicas;

  @JsonPropertyDescription("GPUs per replica (the tensor-parallel size).")
  private Integer gpusPerReplica;

  @JsonPropertyDescription("Estimated GPU memory per replica, in GiB.")
  private Double estimatedVramGiB;

  @JsonPropertyDescription(
      "Model-cache disk the model takes on each node it is placed on, in GiB; counted against"
          + " the pool's diskGiBPerNode and the node's modelCacheDiskGiB.")
  private Double cacheDiskGiB;

  @JsonPropertyDescription("Estimated decode speed of one sequence, tokens/s.")
  private Double estimatedTokensPerSecond;

  @JsonPropertyDescription("Fused quality score, 0 to 100, used for placement and eviction.")
  private Double score;

  @JsonPropertyDescription("Why the model is in this phase, CamelCase (e.g. InsufficientVram).")
  private String reason;

  @JsonPropertyDescription(
      "A readable explanation, e.g. \"won't fit: needs 91.2 GiB, the node has 80 GiB\".")
  private String message;

  @JsonPropertyDescription("When the model last served a request (RFC 3339).")
  private String lastUsedTime;

  @JsonPropertyDescription(
      "Base URL of the model's OpenAI-compatible Service inside the cluster (e.g."
          + " http://chat-llama-8b.team.svc:8000); the gateway sends requests here.")
  private String endpoint;

  @JsonPropertyDescription("LoRA adapters being served on this model.")
  private List<String> adapters = new ArrayList<>();

  @JsonPropertyDescription("The model facts used, each with its source.")
  private List<ModelFact> facts = new ArrayList<>();

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public ModelPhase getPhase() {
    return phase;
  }

  public void setPhase(ModelPhase phase) {
    this.phase = phase;
  }

  public String getEngine() {
    return engine;
  }

  public void setEngine(String engine) {
    this.engine = engine;
  }

  public String getHardwareProfile() {
    return hardwareProfile;
  }

  public void setHardwareProfile(String hardwareProfile) {
    this.hardwareProfile = hardwareProfile;
  }

  public List<String> getNodes() {
    return nodes;
  }

  public void setNodes(List<String> nodes) {
    this.nodes = nodes == null ? new ArrayList<>() : nodes;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  public Integer getGpusPerReplica() {
    return gpusPerReplica;
  }

  public void setGpusPerReplica(Integer gpusPerReplica) {
    this.gpusPerReplica = gpusPerReplica;
  }

  public Double getEstimatedVramGiB() {
    return estimatedVramGiB;
  }

  public void setEstimatedVramGiB(Double estimatedVramGiB) {
    this.estimatedVramGiB = estimatedVramGiB;
  }

  public Double getEstimatedTokensPerSecond() {
    return estimatedTokensPerSecond;
  }

  public void setEstimatedTokensPerSecond(Double estimatedTokensPerSecond) {
    this.estimatedTokensPerSecond = estimatedTokensPerSecond;
  }

  public Double getScore() {
    return score;
  }

  public void setScore(Double score) {
    this.score = score;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getLastUsedTime() {
    return lastUsedTime;
  }

  public void setLastUsedTime(String lastUsedTime) {
    this.lastUsedTime = lastUsedTime;
  }

  public List<String> getAdapters() {
    return adapters;
  }

  public void setAdapters(List<String> adapters) {
    this.adapters = adapters == null ? new ArrayList<>() : adapters;
  }

  public List<ModelFact> getFacts() {
    return facts;
  }

  public void setFacts(List<ModelFact> facts) {
    this.facts = facts == null ? new ArrayList<>() : facts;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public Double getCacheDiskGiB() {
    return cacheDiskGiB;
  }

  public void setCacheDiskGiB(Double cacheDiskGiB) {
    this.cacheDiskGiB = cacheDiskGiB;
  }
}
