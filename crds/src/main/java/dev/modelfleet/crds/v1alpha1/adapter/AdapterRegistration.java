package dev.modelfleet.crds.v1alpha1.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.modelfleet.crds.v1alpha1.common.Patterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * The pool that serves the adapter once trained. On success the operator adds the adapter to the
 * pool model's {@code adapters} (one guarded patch, recorded as an Event on both resources), so the
 * pool's engine serves it and lists it in status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AdapterRegistration {

  @Required
  @Size(max = 253)
  @Pattern(Patterns.DNS_SUBDOMAIN)
  @JsonPropertyDescription("ModelPool in the same namespace.")
  private String pool;

  @Size(max = 63)
  @Pattern(Patterns.DNS_LABEL)
  @JsonPropertyDescription(
      "Pool model to serve the adapter on. Defaults to baseModel.poolModel.model;"
          + " required when baseModel is a huggingFaceRepo.")
  private String model;

  @Required
  @Size(max = 63)
  @Pattern(Patterns.DNS_LABEL)
  @JsonPropertyDescription(
      "Name the adapter is served under; routes address it as poolModel.adapter.")
  private String adapterName;

  public String getPool() {
    return pool;
  }

  public void setPool(String pool) {
    this.pool = pool;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public String getAdapterName() {
    return adapterName;
  }

  public void setAdapterName(String adapterName) {
    this.adapterName = adapterName;
  }
}
