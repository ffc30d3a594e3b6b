package dev.modelfleet.serving;

import dev.modelfleet.serving.ollama.OllamaAdapter;
import dev.modelfleet.serving.sglang.SglangAdapter;
import dev.modelfleet.serving.vllm.VllmAdapter;
import java.util.List;
import java.util.Locale;

/** The serving adapter for each engine ModelFleet runs. */
public final class ServingAdapters {

  /** Engine names {@link #forEngine} accepts, in the order error messages list them. */
  public static final List<String> ENGINES =
      List.of(VllmAdapter.ENGINE, SglangAdapter.ENGINE, OllamaAdapter.ENGINE);

  private static final ServingAdapter VLLM = new VllmAdapter();
  private static final ServingAdapter SGLANG = new SglangAdapter();
  private static final ServingAdapter OLLAMA = new OllamaAdapter();

  private ServingAdapters() {}

  /** The adapter for {@code engine} ("vllm", "sglang" or "ollama", any case). */
  public static ServingAdapter forEngine(String engine) {
    String key = engine == null ? "" : engine.trim().toLowerCase(Locale.ROOT);
    return switch (key) {
      case VllmAdapter.ENGINE -> VLLM;
      case SglangAdapter.ENGINE -> SGLANG;
      case OllamaAdapter.ENGINE -> OLLAMA;
      default ->
          throw new IllegalArgumentException(
              "engine: unknown engine '"
                  + engine
                  + "'; use one of "
                  + String.join(", ", ENGINES)
                  + " (a pool's engine 'auto' must be resolved to one of them before rendering)");
    };
  }
}
