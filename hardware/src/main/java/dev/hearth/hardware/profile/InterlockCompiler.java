package dev.hearth.hardware.profile;

import dev.hearth.hardware.condition.Expression;
import dev.hearth.hardware.condition.ExpressionCompiler;
import dev.hearth.hardware.condition.Type;
import dev.hearth.hardware.profile.Interlocks.DoorLock;
import dev.hearth.hardware.profile.Interlocks.Guard;
import dev.hearth.hardware.profile.Interlocks.MaxOn;
import dev.hearth.hardware.profile.Interlocks.Trip;
import dev.hearth.hardware.profile.ProfileDocument.GuardDoc;
import dev.hearth.hardware.profile.ProfileDocument.InterlocksDoc;
import dev.hearth.hardware.profile.ProfileDocument.LockDoc;
import dev.hearth.hardware.profile.ProfileDocument.MaxOnDoc;
import dev.hearth.hardware.profile.ProfileDocument.TripDoc;
import dev.hearth.hardware.source.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Compiles the {@code interlocks} of a profile and checks them against its channels. */
final class InterlockCompiler {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  private final Map<String, Channel> channels;
  private final Problems problems;
  private final ExpressionCompiler expressions;
  private final Set<String> ids = new HashSet<>();

  InterlockCompiler(Map<String, Channel> channels, Problems problems, ExpressionCompiler expr) {
    this.channels = channels;
    this.problems = problems;
    this.expressions = expr;
  }

  Interlocks compile(InterlocksDoc doc) {
    if (doc == null) {
      problems.add("/interlocks", "is required: an appliance without interlocks is not safe");
      return new Interlocks(List.of(), List.of(), List.of(), null);
    }
    List<Guard> guards = new ArrayList<>();
    List<Trip> trips = new ArrayList<>();
    List<MaxOn> maxOn = new ArrayList<>();
    each(doc.guards(), "/interlocks/guards", (at, g) -> guard(at, g).ifPresent(guards::add));
    each(doc.trips(), "/interlocks/trips", (at, t) -> trip(at, t).ifPresent(trips::add));
    each(doc.maxOn(), "/interlocks/maxOn", (at, m) -> maxOn(at, m).ifPresent(maxOn::add));
    DoorLock lock = doc.lock() == null ? null : lock("/interlocks/lock", doc.lock()).orElse(null);
    return new Interlocks(guards, trips, maxOn, lock);
  }

  private interface Item<T> {
    void accept(String at, T item);
  }

  private static <T> void each(List<T> items, String at, Item<T> action) {
    if (items != null) {
      for (int i = 0; i < items.size(); i++) {
        action.accept(at + "/" + i, items.get(i));
      }
    }
  }

  private Optional<Guard> guard(String at, GuardDoc g) {
    boolean ok = id(at, g.id()) & output(at + "/output", g.output()) & why(at, g.why());
    Optional<Expression> when = expressions.compileOptional(at + "/when", g.when(), Type.BOOLEAN);
    Optional<Expression> requires =
        expressions.compile(at + "/requires", g.requires(), Type.BOOLEAN);
    if (!ok || requires.isEmpty() || (g.when() != null && when.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new Guard(g.id(), g.output(), when.orElse(null), requires.get(), g.why()));
  }

  private Optional<Trip> trip(String at, TripDoc t) {
    boolean ok = id(at, t.id()) & why(at, t.why());
    Optional<Expression> when = expressions.compile(at + "/when", t.when(), Type.BOOLEAN);
    List<String> outputs = t.outputs() == null ? List.of("all") : t.outputs();
    if (!outputs.equals(List.of("all"))) {
      for (int i = 0; i < outputs.size(); i++) {
        ok &= output(at + "/outputs/" + i, outputs.get(i));
      }
    }
    if (t.alarm() == null || !ID.matcher(t.alarm()).matches()) {
      problems.add(at + "/alarm", "a trip raises an alarm; name it in lower-case-with-dashes");
      ok = false;
    }
    if (!ok || when.isEmpty()) {
      return Optional.empty();
    }
    List<String> resolved =
        outputs.equals(List.of("all"))
            ? channels.values().stream().filter(Channel::isOutput).map(Channel::name).toList()
            : List.copyOf(outputs);
    return Optional.of(
        new Trip(t.id(), when.get(), resolved, Boolean.TRUE.equals(t.latch()), t.alarm(), t.why()));
  }

  private Optional<MaxOn> maxOn(String at, MaxOnDoc m) {
    boolean ok = id(at, m.id()) & output(at + "/output", m.output()) & why(at, m.why());
    Optional<Double> seconds = ExpressionCompiler.duration(m.max(), problems, at + "/max");
    if (!ok || seconds.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new MaxOn(m.id(), m.output(), seconds.get(), m.why()));
  }

  private Optional<DoorLock> lock(String at, LockDoc l) {
    boolean ok = output(at + "/output", l.output()) & why(at, l.why());
    Channel out = channels.get(l.output());
    if (out != null && !out.isDigital()) {
      problems.add(at + "/output", "the lock output must be a digital output (on = locked)");
      ok = false;
    }
    Channel sensor = channels.get(l.sensor());
    if (sensor == null || sensor.isOutput() || !sensor.isDigital()) {
      problems.add(at + "/sensor", "must name a digital input that reports the latch");
      ok = false;
    }
    Optional<Expression> release =
        expressions.compile(at + "/releaseWhen", l.releaseWhen(), Type.BOOLEAN);
    if (!ok || release.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DoorLock(l.output(), l.sensor(), release.get(), l.why()));
  }

  private boolean id(String at, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      problems.add(at + "/id", "every interlock needs an id in lower-case-with-dashes");
      return false;
    }
    if (!ids.add(id)) {
      problems.add(at + "/id", "interlock id '" + id + "' is used twice");
      return false;
    }
    return true;
  }

  private boolean output(String at, String name) {
    Channel c = name == null ? null : channels.get(name);
    if (c == null || !c.isOutput()) {
      problems.add(at, "'" + name + "' is not an output channel of this profile");
      return false;
    }
    return true;
  }

  private boolean why(String at, String why) {
    if (why == null || why.isBlank()) {
      problems.add(at + "/why", "say what this interlock prevents: reviewers and owners read it");
      return false;
    }
    return true;
  }
}
