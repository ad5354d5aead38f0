package dev.hearth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small community, made through the CLI as its members would: a root key holder, a contributor
 * (alice), two maintainers of open-washer@1 (bob and carol, threshold 2) and the hub, with their
 * keys and a root metadata file signed offline.
 */
final class Community {

  final Path dir;
  final Path root;

  private Community(Path dir, Path root) {
    this.dir = dir;
    this.root = root;
  }

  /** Generates every key and writes {@code root.json} in {@code dir}. */
  static Community in(Path dir) {
    for (String who : List.of("root", "alice", "bob", "carol", "hub")) {
      Cli.Run run = Cli.hearth("keys", "generate", "--out", dir.resolve(who), "--owner", who);
      assertThat(run.exitCode()).as(run.toString()).isZero();
    }
    Community community = new Community(dir, dir.resolve("root.json"));
    Cli.Run init = Cli.hearth(community.rootInit(community.root).toArray());
    assertThat(init.exitCode()).as(init.toString()).isZero();
    return community;
  }

  /** The arguments of {@code hearth root init} for this community, writing {@code out}. */
  List<Object> rootInit(Path out) {
    List<Object> args = new ArrayList<>();
    args.addAll(List.of("root", "init", "--key", key("root")));
    args.addAll(List.of("--contributor", pub("alice")));
    args.addAll(List.of("--maintainer", "open-washer@1=" + pub("bob")));
    args.addAll(List.of("--maintainer", "open-washer@1=" + pub("carol")));
    args.addAll(List.of("--profile-threshold", "open-washer@1=2"));
    args.addAll(List.of("--hub", pub("hub"), "--expires", "365d", "--out", out));
    return args;
  }

  /** The private key file of {@code who}. */
  Path key(String who) {
    return dir.resolve(who + ".key");
  }

  /** The public key file of {@code who}. */
  Path pub(String who) {
    return dir.resolve(who + ".pub");
  }
}
