package dev.modelfleet.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An adapter an AdapterRun wrote to a claim is mounted read-only where the engine loads it. */
class AdapterVolumeTest {

  @Test
  void anAdapterOnAClaimIsMountedReadOnlyAndLoadedFromThere() {
    LoraAdapter tone = LoraAdapter.fromVolume("support-tone", "adapters", "support-tone", 16);
    ServingManifests manifests =
        ServingAdapters.forEngine("vllm")
            .render(TestRequests.huggingFace().adapters(List.of(tone)).build());

    Volume volume =
        TestRequests.pod(manifests).getVolumes().stream()
            .filter(v -> v.getName().equals("adapter-support-tone"))
            .findFirst()
            .orElseThrow();
    assertThat(volume.getPersistentVolumeClaim().getClaimName()).isEqualTo("adapters");
    assertThat(volume.getPersistentVolumeClaim().getReadOnly()).isTrue();
    VolumeMount mount =
        TestRequests.pod(manifests).getContainers().get(0).getVolumeMounts().stream()
            .filter(m -> m.getName().equals("adapter-support-tone"))
            .findFirst()
            .orElseThrow();
    assertThat(mount.getMountPath()).isEqualTo("/adapters/support-tone");
    assertThat(mount.getSubPath()).isEqualTo("support-tone");
    assertThat(mount.getReadOnly()).isTrue();
    assertThat(TestRequests.pod(manifests).getContainers().get(0).getArgs())
        .contains("support-tone=/adapters/support-tone");
  }

  @Test
  void aClaimNameThatIsNotADnsLabelIsRefusedNamingTheField() {
    assertThatThrownBy(() -> LoraAdapter.fromVolume("tone", "Bad_Claim", "x", 8))
        .hasMessageContaining("adapters[tone].volume");
    assertThatThrownBy(() -> LoraAdapter.fromVolume("tone", "claim", "../etc", 8))
        .hasMessageContaining("'..'");
  }
}
