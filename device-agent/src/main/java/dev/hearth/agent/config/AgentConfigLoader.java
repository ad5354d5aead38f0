package dev.hearth.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.agent.config.AgentConfigDocument.CoapDoc;
import dev.hearth.agent.config.AgentConfigDocument.HardwareDoc;
import dev.hearth.agent.config.AgentConfigDocument.HubDoc;
import dev.hearth.agent.config.AgentConfigDocument.LinkDoc;
import dev.hearth.agent.config.AgentConfigDocument.LocalDoc;
import dev.hearth.agent.config.AgentConfigDocument.LogDoc;
import dev.hearth.agent.config.AgentConfigDocument.ReconnectDoc;
import dev.hearth.agent.config.AgentConfigDocument.SimulateDoc;
import dev.hearth.agent.config.AgentConfigDocument.TlsDoc;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hardware.profile.ShippedProfiles;
import dev.hearth.hardware.source.DocumentBinder;
import dev.hearth.hardware.source.LocatedTree;
import dev.hearth.hardware.source.LocatedTreeReader;
import dev.hearth.hardware.source.Problem;
import dev.hearth.hardware.source.Problems;
import dev.hearth.hardware.source.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads {@code agent.yaml} strictly: an unknown key is an error (a typo must not silently become a
 * default), absent keys take their named defaults, and every problem is reported at once with file,
 * line, key and how to fix it, e.g. {@code agent.yaml:7:14: link.keepalive: -3 — must be 5..3600
 * seconds}.
 *
 * <p>Relative paths ({@code stateDir}, {@code link.tls.caFile}) are relative to the folder of the
 * file.
 */
public final class AgentConfigLoader {

  private AgentConfigLoader() {}

  /** The outcome of loading: a configuration, or the problems that stop it from being one. */
  public sealed interface Result permits Loaded, Invalid {}

  /** A valid configuration. */
  public record Loaded(AgentConfig config) implements Result {}

  /** Not a valid configuration; {@code problems} is never empty. */
  public record Invalid(List<Problem> problems) implements Result {
    public Invalid {
      problems = List.copyOf(problems);
    }

    /** All problems, one per line, for people. */
    public String describe() {
      return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
  }

  /** Loads a configuration file; a missing or unreadable file is a problem too. */
  public static Result load(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Path dir = file.toAbsolutePath().getParent();
      return parse(file.toString(), text, dir);
    } catch (NoSuchFileException e) {
      return unreadable(
          file, "no such file; create it (see /etc/hearth/agent.yaml or device-agent/README.md)");
    } catch (IOException e) {
      return unreadable(file, "cannot read it: " + e.getMessage());
    }
  }

  /**
   * Parses configuration text; {@code name} names it in problems and relative paths are resolved
   * against {@code baseDir}.
   */
  public static Result parse(String name, String text, Path baseDir) {
    // A file whose keys are all commented out is a valid "use the defaults", not an empty document.
    LocatedTreeReader.Result read = LocatedTreeReader.read(name, hasContent(text) ? text : "{}");
    if (read instanceof LocatedTreeReader.Unreadable u) {
      return new Invalid(List.of(u.problem()));
    }
    LocatedTree tree = ((LocatedTreeReader.Read) read).tree();
    Problems problems = new Problems(tree);
    if (!tree.root().isObject()) {
      problems.add("", "must be a map of keys such as 'profile:' and 'link:'");
      return new Invalid(problems.list());
    }
    for (String section : AgentConfigDocument.SECTIONS) {
      JsonNode node = tree.root().at(section);
      if (node.isTextual() && node.textValue().isEmpty()) {
        // "tls:" with every key below it commented out: the section's defaults.
        int cut = section.lastIndexOf('/');
        JsonNode parent = tree.root().at(section.substring(0, cut));
        ((ObjectNode) parent).remove(section.substring(cut + 1));
      } else if (Leaves.given(node) && !node.isObject()) {
        problems.add(section, "must be a group of keys (indented below it), not a value");
      }
    }
    if (!problems.isEmpty()) {
      return new Invalid(problems.list());
    }
    Optional<AgentConfigDocument> doc =
        DocumentBinder.bind(tree, AgentConfigDocument.class, problems);
    if (doc.isEmpty()) {
      return new Invalid(problems.list());
    }
    AgentConfig config = new Compiler(doc.get(), problems, baseDir).compile();
    return problems.isEmpty() ? new Loaded(config) : new Invalid(problems.list());
  }

  private static boolean hasContent(String text) {
    return text.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
  }

  /** The JSON pointer of a dotted key: {@code link.keepalive} is {@code /link/keepalive}. */
  static String pointer(String key) {
    return key.isEmpty() ? "" : "/" + key.replace('.', '/');
  }

  private static Invalid unreadable(Path file, String message) {
    return new Invalid(List.of(new Problem(SourceLocation.unknown(file.toString()), "", message)));
  }

  /** Turns a bound document into records, recording every problem it finds. */
  private static final class Compiler {
    private final AgentConfigDocument doc;
    private final Problems problems;
    private final Leaves leaves;
    private final Path baseDir;

    Compiler(AgentConfigDocument doc, Problems problems, Path baseDir) {
      this.doc = doc;
      this.problems = problems;
      this.leaves = new Leaves(problems);
      this.baseDir = baseDir;
    }

    AgentConfig compile() {
      Optional<ProfileRef> profile = profile();
      HardwareConfig hardware = hardware();
      Path stateDir = path(leaves.text(doc.stateDir(), "stateDir", "/var/lib/hearth"), "stateDir");
      HubConfig hub = hub();
      LinkConfig link = link();
      LocalConfig local = local();
      LogConfig log = log();
      return build(
          () ->
              new AgentConfig(
                  profile,
                  hardware,
                  or(stateDir, AgentConfig.DEFAULT_STATE_DIR),
                  hub,
                  link,
                  local,
                  log),
          AgentConfig.DEFAULTS);
    }

    private Optional<ProfileRef> profile() {
      String text = leaves.text(doc.profile(), "profile", "open-washer@1");
      if (text == null) {
        return Optional.empty();
      }
      ProfileRef ref;
      try {
        ref = ProfileRef.parse(text);
      } catch (IllegalArgumentException e) {
        leaves.bad("profile", e.getMessage());
        return Optional.empty();
      }
      if (ShippedProfiles.find(ref.toString()).isEmpty()) {
        String shipped =
            ShippedProfiles.all().stream()
                .map(p -> p.ref().toString())
                .collect(Collectors.joining(", "));
        leaves.bad("profile", text + " — no such profile; this agent knows " + shipped);
        return Optional.empty();
      }
      return Optional.of(ref);
    }

    private HardwareConfig hardware() {
      HardwareDoc h = doc.hardware();
      if (h == null) {
        return HardwareConfig.DEFAULTS;
      }
      HardwareProvider provider =
          leaves.choice(
              h.provider(), "hardware.provider", HardwareProvider::of, HardwareProvider.choices());
      SimulateDoc s = h.simulate();
      Long seed =
          s == null
              ? null
              : leaves.integer(s.seed(), "hardware.simulate.seed", "a whole number, e.g. 42");
      return build(
          () ->
              new HardwareConfig(
                  or(provider, HardwareConfig.DEFAULT_PROVIDER),
                  new HardwareConfig.Simulate(or(seed, HardwareConfig.Simulate.DEFAULT_SEED))),
          HardwareConfig.DEFAULTS);
    }

    private HubConfig hub() {
      HubDoc h = doc.hub();
      String text = h == null ? null : leaves.text(h.url(), "hub.url", "https://hub.example.org");
      if (text == null) {
        return HubConfig.DEFAULTS;
      }
      HubUrl.Checked url = HubUrl.parse(text);
      if (!url.ok()) {
        return or(leaves.bad("hub.url", url.problem()), HubConfig.DEFAULTS);
      }
      return build(() -> HubConfig.at(url.url()), HubConfig.DEFAULTS);
    }

    private LinkConfig link() {
      LinkDoc l = doc.link();
      if (l == null) {
        return LinkConfig.DEFAULTS;
      }
      var keepalive = leaves.seconds(l.keepalive(), "link.keepalive", 30);
      ReconnectDoc r = l.reconnect();
      var min = r == null ? null : leaves.seconds(r.min(), "link.reconnect.min", 1);
      var max = r == null ? null : leaves.seconds(r.max(), "link.reconnect.max", 120);
      Long outbox = leaves.bytes(l.outboxBytes(), "link.outboxBytes");
      TlsDoc t = l.tls();
      String caText = t == null ? null : leaves.text(t.caFile(), "link.tls.caFile", "ca.pem");
      Optional<Path> caFile = Optional.ofNullable(path(caText, "link.tls.caFile"));
      caFile
          .filter(f -> !Files.isReadable(f))
          .ifPresent(
              f ->
                  leaves.bad(
                      "link.tls.caFile",
                      f
                          + " — "
                          + (Files.exists(f) ? "cannot be read by this user" : "no such file")
                          + "; put your hub's CA certificate (PEM) there, or remove the key to"
                          + " trust the system's certificate authorities"));
      Long qos = leaves.integer(l.telemetryQos(), "link.telemetryQos", "0 or 1");
      LinkConfig.Reconnect reconnect =
          build(
              () ->
                  new LinkConfig.Reconnect(
                      or(min, LinkConfig.Reconnect.DEFAULT_MIN),
                      or(max, LinkConfig.Reconnect.DEFAULT_MAX)),
              LinkConfig.Reconnect.DEFAULTS);
      LinkConfig.Tls tls = build(() -> new LinkConfig.Tls(caFile), LinkConfig.Tls.DEFAULTS);
      return build(
          () ->
              new LinkConfig(
                  or(keepalive, LinkConfig.DEFAULT_KEEPALIVE),
                  reconnect,
                  or(outbox, LinkConfig.DEFAULT_OUTBOX_BYTES),
                  tls,
                  qos == null ? LinkConfig.DEFAULT_TELEMETRY_QOS : clampToInt(qos)),
          LinkConfig.DEFAULTS);
    }

    private LocalConfig local() {
      LocalDoc l = doc.local();
      CoapDoc c = l == null ? null : l.coap();
      if (c == null) {
        return LocalConfig.DEFAULTS;
      }
      Boolean enabled = leaves.bool(c.enabled(), "local.coap.enabled");
      String bind = leaves.text(c.bind(), "local.coap.bind", "0.0.0.0");
      Long port = leaves.integer(c.port(), "local.coap.port", "a UDP port number, e.g. 5683");
      LocalConfig.Coap coap =
          build(
              () ->
                  new LocalConfig.Coap(
                      or(enabled, true),
                      or(bind, LocalConfig.Coap.DEFAULT_BIND),
                      port == null ? LocalConfig.Coap.DEFAULT_PORT : clampToInt(port)),
              LocalConfig.Coap.DEFAULTS);
      return new LocalConfig(coap);
    }

    private LogConfig log() {
      LogDoc l = doc.log();
      LogLevel level =
          l == null
              ? null
              : leaves.choice(l.level(), "log.level", LogLevel::of, LogLevel.choices());
      return level == null ? LogConfig.DEFAULTS : new LogConfig(level);
    }

    /** Builds a record; its violations become located problems and the fallback stands in. */
    private <T> T build(Supplier<T> constructor, T fallback) {
      try {
        return constructor.get();
      } catch (InvalidConfigException e) {
        e.violations().forEach(v -> problems.add(pointer(v.key()), v.message()));
        return fallback;
      }
    }

    private Path resolve(String text) {
      Path p = Path.of(text);
      return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p).normalize();
    }

    /** A path value, or null (with a problem) when the text is not a path at all. */
    private Path path(String text, String key) {
      if (text == null) {
        return null;
      }
      try {
        return resolve(text);
      } catch (java.nio.file.InvalidPathException e) {
        return leaves.bad(key, "'" + text + "' — not a path: " + e.getReason());
      }
    }

    private static <T> T or(T value, T fallback) {
      return value == null ? fallback : value;
    }

    /** Out-of-range longs stay out of range as ints, so the record reports them. */
    private static int clampToInt(long value) {
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
  }
}
