package dev.modelfleet.ranker.model;

import java.util.List;

/**
 * The result of looking a repository id up in the catalog.
 *
 * @param model the entry found
 * @param requested the id as asked for
 * @param matchedId the catalog id or alias that matched
 * @param kind how the match was made
 * @param strippedSuffixes mirror suffixes removed before matching, e.g. ["-GGUF"]
 */
public record CatalogMatch(
    CatalogModel model,
    String requested,
    String matchedId,
    Kind kind,
    List<String> strippedSuffixes) {

  /** How an id matched, from the most to the least certain. */
  public enum Kind {
    /** The catalog id itself, ignoring case. */
    EXACT,
    /** An alias of the entry, ignoring case. */
    ALIAS,
    /** The id or an alias once mirror suffixes such as -GGUF were removed. */
    MIRROR_SUFFIX_STRIPPED,
    /** The same model name under another organisation (a mirror), when only one entry has it. */
    NAME_ONLY
  }

  /** Copies the list. */
  public CatalogMatch {
    strippedSuffixes = strippedSuffixes == null ? List.of() : List.copyOf(strippedSuffixes);
  }
}
