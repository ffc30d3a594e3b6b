package dev.modelfleet.cli.rank;

/** Input the command cannot work with: its message is the one line the user sees. */
public final class BadInput extends Exception {
  private static final long serialVersionUID = 1L;

  public BadInput(String message) {
    super(message);
  }
}
