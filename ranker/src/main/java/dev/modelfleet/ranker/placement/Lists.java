package dev.modelfleet.ranker.placement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Defensive copies of request lists that keep nulls, so validation can name what is missing. */
final class Lists {
  private Lists() {}

  /** An unmodifiable copy, or null for null; null elements are kept for the validator to report. */
  static <T> List<T> copyKeepingNulls(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
