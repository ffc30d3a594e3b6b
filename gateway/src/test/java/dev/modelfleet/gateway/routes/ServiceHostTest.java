package dev.modelfleet.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelfleet.gateway.routes.ServiceEndpoints.ServiceHost;
import org.junit.jupiter.api.Test;

class ServiceHostTest {
  @Test
  void readsServiceAndNamespaceFromClusterDnsNames() {
    assertThat(ServiceHost.parse("http://pool-llama.team-a.svc:8000"))
        .contains(new ServiceHost("pool-llama", "team-a"));
    assertThat(ServiceHost.parse("http://pool-llama.team-a.svc.cluster.local:8000/v1"))
        .contains(new ServiceHost("pool-llama", "team-a"));
  }

  @Test
  void anythingElseNamesNoService() {
    assertThat(ServiceHost.parse("http://127.0.0.1:8000")).isEmpty();
    assertThat(ServiceHost.parse("https://api.openai.com/v1")).isEmpty();
    assertThat(ServiceHost.parse("http://engine.team-a:8000")).isEmpty();
    assertThat(ServiceHost.parse("not a url")).isEmpty();
    assertThat(ServiceHost.parse(null)).isEmpty();
  }
}
