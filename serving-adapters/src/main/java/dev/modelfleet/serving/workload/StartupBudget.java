package dev.modelfleet.serving.workload;

/** How long an engine may take to come up the first time, when it downloads the model itself. */
public final class StartupBudget {

  /**
   * Seconds allowed besides the download: loading weights onto the GPUs, CUDA graph capture and
   * torch.compile, which vLLM and SGLang report in minutes for large models.
   */
  public static final int WARM_UP_SECONDS = 900;

  /**
   * Slowest sustained download speed planned for, MiB/s: a conservative figure for a cluster
   * pulling from the Hugging Face Hub over a shared uplink; a faster link simply starts sooner.
   */
  public static final int SLOWEST_DOWNLOAD_MIB_PER_SECOND = 50;

  /**
   * Longest budget given, a day: past that a download is stuck rather than slow, and the kubelet
   * should restart the container.
   */
  public static final int MAX_SECONDS = 86_400;

  private static final int MIB_PER_GIB = 1024;

  private StartupBudget() {}

  /**
   * Seconds to allow an engine that downloads up to {@code cacheDiskGiB} before serving: a full
   * cache at the slowest planned speed, plus warm-up, at most {@link #MAX_SECONDS}.
   */
  public static int forDownload(double cacheDiskGiB) {
    double downloadSeconds = cacheDiskGiB * MIB_PER_GIB / SLOWEST_DOWNLOAD_MIB_PER_SECOND;
    return (int) Math.min(MAX_SECONDS, WARM_UP_SECONDS + Math.ceil(downloadSeconds));
  }
}
