package dev.modelfleet.ranker.model;

/** A config.json that cannot describe a model: names the field that is missing or wrong. */
public final class ConfigJsonException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** A problem with {@code field}; the message says what and, where it helps, what was tried. */
  public ConfigJsonException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The config.json field at fault, e.g. "hidden_size"; "(document)" for unreadable JSON. */
  public String field() {
    return field;
  }
}
