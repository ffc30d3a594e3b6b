package dev.modelfleet.crds.v1alpha1.route;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** Extra conditions a request must meet to use this route. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RouteMatch {

  @Size(max = 8)
  @JsonPropertyDescription(
      "Headers that must all match. When several routes share a model name, the"
          + " gateway uses the one with the most matching headers, and a route without"
          + " match last.")
  private List<HeaderMatch> headers = new ArrayList<>();

  public List<HeaderMatch> getHeaders() {
    return headers;
  }

  public void setHeaders(List<HeaderMatch> headers) {
    this.headers = headers == null ? new ArrayList<>() : headers;
  }
}
