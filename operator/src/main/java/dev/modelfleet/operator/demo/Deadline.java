package dev.modelfleet.operator.demo;

import java.time.Duration;

/** The one time limit ({@code --timeout}) the demo's waits share. */
record Deadline(long nanos) {
  static Deadline after(Duration timeout) {
    return new Deadline(System.nanoTime() + timeout.toNanos());
  }

  Duration remaining() {
    return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
  }
}
