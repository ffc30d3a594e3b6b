package dev.modelfleet.operator.route;

import java.util.Set;

/** Reads the data keys of a Secret in the route's namespace. */
@FunctionalInterface
public interface SecretLookup {

  /** The Secret's keys, or why they could not be read. */
  SecretKeys keysOf(String name);

  /** A Secret's data keys; found is false when it does not exist, error set when unreadable. */
  record SecretKeys(boolean found, Set<String> keys, String error) {
    public static SecretKeys of(Set<String> keys) {
      return new SecretKeys(true, Set.copyOf(keys), null);
    }

    public static SecretKeys missing() {
      return new SecretKeys(false, Set.of(), null);
    }

    public static SecretKeys unreadable(String error) {
      return new SecretKeys(false, Set.of(), error);
    }
  }
}
