package dev.modelfleet.serving.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobNamesTest {

  @Test
  void shortNamesKeepTheRunNameKindAndGeneration() {
    assertThat(JobNames.of("llama-8b-latency", "eval", 2)).isEqualTo("llama-8b-latency-eval-g2");
  }

  @Test
  void longNamesAreShortenedWithAHashAndStayDistinct() {
    String a = "a".repeat(70) + "-one";
    String b = "a".repeat(70) + "-two";
    String nameA = JobNames.of(a, "eval", 12);
    assertThat(nameA).hasSizeLessThanOrEqualTo(JobNames.MAX_LENGTH).endsWith("-eval-g12");
    assertThat(nameA).isNotEqualTo(JobNames.of(b, "eval", 12));
    assertThat(nameA).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  }
}
