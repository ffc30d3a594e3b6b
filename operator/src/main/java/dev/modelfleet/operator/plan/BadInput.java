package dev.modelfleet.operator.plan;

/** Input {@code modelfleet plan} cannot use; the message names the file and field. Exit 2. */
final class BadInput extends Exception {
  BadInput(String message) {
    super(message);
  }
}
