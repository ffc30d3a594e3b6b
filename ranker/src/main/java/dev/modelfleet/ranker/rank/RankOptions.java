package dev.modelfleet.ranker.rank;

/**
 * How to rank.
 *
 * @param includeUnfit keep the rows of candidates that fit on no GPU count of the node (score 0,
 *     ranked last, explained); by default they are left out
 */
public record RankOptions(boolean includeUnfit) {

  /** Won't-fit rows left out. */
  public static RankOptions defaults() {
    return new RankOptions(false);
  }

  /** The same options with won't-fit rows kept or left out. */
  public RankOptions withIncludeUnfit(boolean include) {
    return new RankOptions(include);
  }
}
