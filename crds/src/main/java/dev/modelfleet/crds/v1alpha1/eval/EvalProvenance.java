package dev.modelfleet.crds.v1alpha1.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What exactly was measured, so results can be compared. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EvalProvenance {

  @JsonPropertyDescription("Model measured (Hugging Face repo or Ollama tag, with adapter).")
  private String model;

  @JsonPropertyDescription("Engine that served it, with its version when known.")
  private String engine;

  @JsonPropertyDescription("Quantization served.")
  private String quantization;

  @JsonPropertyDescription("HardwareProfile (GPU product and count) that served it.")
  private String hardware;

  @JsonPropertyDescription("SHA-256 of the dataset used, for quality suites.")
  private String datasetHash;

  @JsonPropertyDescription("Version of the runner that measured it.")
  private String runnerVersion;

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public String getEngine() {
    return engine;
  }

  public void setEngine(String engine) {
    this.engine = engine;
  }

  public String getQuantization() {
    return quantization;
  }

  public void setQuantization(String quantization) {
    this.quantization = quantization;
  }

  public String getHardware() {
    return hardware;
  }

  public void setHardware(String hardware) {
    this.hardware = hardware;
  }

  public String getDatasetHash() {
    return datasetHash;
  }

  public void setDatasetHash(String datasetHash) {
    this.datasetHash = datasetHash;
  }

  public String getRunnerVersion() {
    return runnerVersion;
  }

  public void setRunnerVersion(String runnerVersion) {
    this.runnerVersion = runnerVersion;
  }
}
