package dev.modelfleet.registry;

/** A registry entry, snapshot or override that breaks the format; the message names the field. */
public final class RegistryFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** A problem with {@code field}, written as a path such as "models[2].parametersB". */
  public RegistryFormatException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The path of the field at fault, e.g. "models[2].parametersB". */
  public String field() {
    return field;
  }
}
