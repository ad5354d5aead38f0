package dev.hearth.specs.trust;

import dev.hearth.specs.canonical.InvalidFieldException;
import java.util.HashSet;
import java.util.List;

/**
 * The keys that act in one role and how many of them must sign: k of n.
 *
 * @param keyids the role's keys, each listed once; not empty
 * @param threshold how many distinct keys of the role must sign, 1 to {@code keyids.size()}
 */
public record Role(List<String> keyids, int threshold) {

  public Role {
    keyids = List.copyOf(keyids);
    if (keyids.isEmpty()) {
      throw new InvalidFieldException("/keyids", "must list at least one keyid");
    }
    for (int i = 0; i < keyids.size(); i++) {
      if (!KeyIds.isWellFormed(keyids.get(i))) {
        throw new InvalidFieldException(
            "/keyids/" + i, "must be a keyid: 64 lower-case hex digits");
      }
    }
    if (new HashSet<>(keyids).size() != keyids.size()) {
      throw new InvalidFieldException(
          "/keyids", "lists a key twice; a key counts once towards a threshold");
    }
    if (threshold < 1 || threshold > keyids.size()) {
      throw new InvalidFieldException(
          "/threshold",
          "must be 1 to " + keyids.size() + " (the number of keyids), got " + threshold);
    }
  }

  public static Role of(int threshold, String... keyids) {
    return new Role(List.of(keyids), threshold);
  }

  public boolean contains(String keyid) {
    return keyids.contains(keyid);
  }
}
