package dev.modelfleet.serving.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReportCodecTest {

  @Test
  void roundTripsFiguresRoundedToFourDigits() {
    RunReport report =
        new RunReport(
            "modelfleet-eval 1",
            "meta-llama/Llama-3.1-8B-Instruct",
            "sha256:ab",
            List.of(
                new RunReport.Metric("ttft_p50", 123.456789, "ms", 4, null),
                new RunReport.Metric("accuracy", 87.5, "percent", null, "arithmetic"),
                new RunReport.Metric("adapter_size_bytes", 67_108_864, "bytes", null, null)),
            0);

    RunReport back = RunReportCodec.decode(RunReportCodec.encode(report));

    assertThat(back.runnerVersion()).isEqualTo("modelfleet-eval 1");
    assertThat(back.servedModel()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(back.datasetHash()).isEqualTo("sha256:ab");
    assertThat(back.metrics())
        .containsExactly(
            new RunReport.Metric("ttft_p50", 123.5, "ms", 4, null),
            new RunReport.Metric("accuracy", 87.5, "percent", null, "arithmetic"),
            new RunReport.Metric("adapter_size_bytes", 67_108_864, "bytes", null, null));
    assertThat(back.dropped()).isZero();
  }

  @Test
  void figuresBeyondTheLimitAreDroppedAndCounted() {
    List<RunReport.Metric> many = new ArrayList<>();
    for (int step = 1; step <= 400; step++) {
      many.add(
          new RunReport.Metric("output_tokens_per_second", 1000.0 + step, "tokens/s", step, null));
    }
    String json = RunReportCodec.encode(new RunReport("v", null, null, many, 0));

    assertThat(json.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(RunReportCodec.TERMINATION_MESSAGE_LIMIT);
    RunReport back = RunReportCodec.decode(json);
    assertThat(back.metrics().size() + back.dropped()).isEqualTo(400);
    assertThat(back.dropped()).isPositive();
    assertThat(back.metrics().get(0).concurrency()).isEqualTo(1);
  }

  @Test
  void theLargestLatencyRunFitsWhole() {
    // 16 concurrency steps (the CRD's maximum) of the latency suite's eight figures.
    List<RunReport.Metric> figures = new ArrayList<>();
    for (int step = 0; step < 16; step++) {
      int c = 4096 - step;
      figures.add(new RunReport.Metric("ttft_p50", 1234.567, "ms", c, null));
      figures.add(new RunReport.Metric("ttft_p95", 2345.678, "ms", c, null));
      figures.add(new RunReport.Metric("itl_p50", 45.6789, "ms", c, null));
      figures.add(new RunReport.Metric("itl_p95", 78.9123, "ms", c, null));
      figures.add(new RunReport.Metric("e2e_latency_p50", 12345.67, "ms", c, null));
      figures.add(new RunReport.Metric("output_tokens_per_second", 12345.67, "tokens/s", c, null));
      figures.add(new RunReport.Metric("requests_per_second", 123.4567, "requests/s", c, null));
      figures.add(new RunReport.Metric("error_rate", 0.01234, "ratio", c, null));
    }
    RunReport report =
        new RunReport("modelfleet-eval 1", "meta-llama/Llama-3.1-70B-Instruct", null, figures, 0);

    assertThat(RunReportCodec.decode(RunReportCodec.encode(report)).dropped()).isZero();
  }

  @Test
  void malformedMessagesSayWhatIsWrong() {
    assertThatThrownBy(() -> RunReportCodec.decode("Traceback (most recent call last): ..."))
        .isInstanceOf(RunReportCodec.MalformedReportException.class)
        .hasMessageStartingWith("not JSON");
    assertThatThrownBy(() -> RunReportCodec.decode(""))
        .hasMessage("the termination message is empty");
    assertThatThrownBy(() -> RunReportCodec.decode("{\"v\":\"9\",\"m\":[]}"))
        .hasMessageContaining("unknown report format \"9\"");
    assertThatThrownBy(
            () ->
                RunReportCodec.decode(
                    "{\"v\":\"1\",\"k\":[[\"ttft_p50\",\"ms\"]],\"m\":[[0,\"fast\",1,null]]}"))
        .hasMessageContaining("figure 0 is not [name index, number, concurrency, task]");
    assertThatThrownBy(() -> RunReportCodec.decode("{\"v\":\"1\",\"k\":[],\"m\":[[3,1.0,1,null]]}"))
        .hasMessageContaining("figure 0 is not");
    assertThatThrownBy(() -> RunReportCodec.decode("{\"v\":\"1\"}"))
        .hasMessageContaining("fields k (names and units) and m (figures) must be lists");
  }
}
