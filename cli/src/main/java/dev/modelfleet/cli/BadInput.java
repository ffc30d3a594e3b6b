package dev.modelfleet.cli;

/** Input a command cannot work with: its message is the one line the user sees. */
public final class BadInput extends Exception {
  /** The exit code of every command that rejects its input. */
  public static final int EXIT_CODE = 2;

  private static final long serialVersionUID = 1L;

  public BadInput(String message) {
    super(message);
  }

  /** A message on one line, whitespace runs folded, for {@code error: <message>}. */
  public static String oneLine(String message) {
    return message == null ? "invalid input" : message.replaceAll("\\s+", " ").trim();
  }
}
