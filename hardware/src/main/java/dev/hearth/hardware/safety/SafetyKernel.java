package dev.hearth.hardware.safety;

import dev.hearth.hardware.condition.Bindings;
import dev.hearth.hardware.condition.Expression;
import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Interlocks;
import dev.hearth.hardware.profile.Interlocks.DoorLock;
import dev.hearth.hardware.profile.Interlocks.Guard;
import dev.hearth.hardware.profile.Interlocks.MaxOn;
import dev.hearth.hardware.profile.Interlocks.Trip;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.hardware.safety.Decision.Refusal;
import dev.hearth.hardware.safety.SafetyEvent.Kind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enforces a profile's interlocks on every output write and every sensor reading.
 *
 * <p>Rules, in the order they are applied:
 *
 * <ul>
 *   <li>Outputs start in their safe state.
 *   <li>A write that returns an output to its safe state is always applied, except releasing the
 *       door lock while its release condition does not hold.
 *   <li>Writes that activate outputs are applied together or not at all, and only if no guard or
 *       trip would be violated by the resulting state, no latched trip or maximum on-time holds the
 *       output, every reading they depend on is known, and the kernel is not in its safe state.
 *   <li>After every reading, write and tick the kernel re-checks everything: a trip whose condition
 *       holds forces its outputs safe (and latches if so declared); an active output whose guard
 *       fails is forced safe; an output on longer than its maximum is forced safe.
 * </ul>
 *
 * Thread-safe: sensor callbacks and the program runtime may call it concurrently.
 */
public final class SafetyKernel {

  private final Profile profile;
  private final OutputDriver driver;
  private final SafetyListener listener;
  private final Clock clock;
  private final Map<String, Channel> outputs = new LinkedHashMap<>();
  private final Map<String, Channel> inputs = new HashMap<>();
  private final Interlocks rules;
  private final DoorLock lock;

  private final Map<String, Double> commanded = new HashMap<>();
  private final Map<String, Double> readings = new HashMap<>();
  private final Set<String> firingTrips = new HashSet<>();
  private final Set<String> latchedTrips = new LinkedHashSet<>();
  private final Set<String> exhaustedOutputs = new HashSet<>();
  private final Map<String, Long> activeSince = new HashMap<>();
  private String safeStateReason;
  private boolean lockHeld;

  /**
   * Creates the kernel and drives every output to its safe state at once.
   *
   * @param clock the time source for maximum on-times; a simulated clock in simulation
   */
  public SafetyKernel(Profile profile, OutputDriver driver, SafetyListener listener, Clock clock) {
    this.profile = profile;
    this.driver = driver;
    this.listener = listener;
    this.clock = clock;
    this.rules = profile.interlocks();
    this.lock = rules.lock();
    for (Channel c : profile.channels()) {
      (c.isOutput() ? outputs : inputs).put(c.name(), c);
    }
    for (Channel out : outputs.values()) {
      commanded.put(out.name(), out.safe());
      drive(out, out.safe());
    }
  }

  public Profile profile() {
    return profile;
  }

  // ---------------------------------------------------------------- writes

  /**
   * Asks for outputs to take new values. Writes to safe states are applied; activations are applied
   * all together or not at all.
   *
   * @param targets output name to value (1.0 / 0.0 for digital outputs)
   * @return which writes were refused and why; refusals are expected outcomes
   * @throws IllegalArgumentException when a name is not an output of the profile
   */
  public synchronized Decision request(Map<String, Double> targets) {
    List<Refusal> refusals = new ArrayList<>();
    Map<String, Double> toSafe = new LinkedHashMap<>();
    Map<String, Double> activations = new LinkedHashMap<>();
    for (Map.Entry<String, Double> t : targets.entrySet()) {
      Channel out = outputs.get(t.getKey());
      if (out == null) {
        throw new IllegalArgumentException(
            "'" + t.getKey() + "' is not an output of " + profile.ref());
      }
      double value = t.getValue();
      if (out.isSafe(value)) {
        if (isLock(out) && isLocked() && !releasable()) {
          refusals.add(
              new Refusal(out.name(), "door-lock", "the door stays locked: " + lock.why()));
        } else {
          toSafe.put(out.name(), value);
        }
      } else {
        activations.put(out.name(), value);
      }
    }
    List<Refusal> activationRefusals = checkActivations(toSafe, activations);
    toSafe.forEach(this::apply);
    if (activationRefusals.isEmpty()) {
      activations.forEach(this::apply);
    }
    refusals.addAll(activationRefusals);
    enforce();
    return new Decision(refusals);
  }

  /** Convenience for a single output. */
  public Decision request(String output, double value) {
    return request(Map.of(output, value));
  }

  private List<Refusal> checkActivations(Map<String, Double> toSafe, Map<String, Double> acts) {
    List<Refusal> refusals = new ArrayList<>();
    for (Map.Entry<String, Double> a : acts.entrySet()) {
      Channel out = outputs.get(a.getKey());
      String refusedBy = heldBy(out, a.getValue());
      if (refusedBy != null) {
        refusals.add(
            new Refusal(
                out.name(),
                refusedBy.substring(0, refusedBy.indexOf('|')),
                refusedBy.substring(refusedBy.indexOf('|') + 1)));
      }
    }
    if (!refusals.isEmpty() || acts.isEmpty()) {
      return refusals;
    }
    Map<String, Double> before = new HashMap<>(commanded);
    before.putAll(toSafe);
    Map<String, Double> after = new HashMap<>(before);
    after.putAll(acts);
    for (Guard g : rules.guards()) {
      Verdict now = guardVerdict(g, after);
      if (now != Verdict.HOLDS && guardVerdict(g, before) == Verdict.HOLDS) {
        refusals.add(
            new Refusal(
                g.output(),
                g.id(),
                now == Verdict.UNKNOWN ? "no reading yet from " + g.requires().names() : g.why()));
      }
    }
    for (Trip t : rules.trips()) {
      boolean touches = t.outputs().stream().anyMatch(acts::containsKey);
      Verdict fires = evaluate(t.when(), after);
      if (touches && fires != Verdict.FAILS) {
        String out = t.outputs().stream().filter(acts::containsKey).findFirst().orElseThrow();
        refusals.add(
            new Refusal(
                out,
                t.id(),
                fires == Verdict.UNKNOWN ? "no reading yet from " + t.when().names() : t.why()));
      }
    }
    return refusals;
  }

  /** Why {@code out} may not take {@code value} regardless of other outputs, or null. */
  private String heldBy(Channel out, double value) {
    if (!out.accepts(value)) {
      return "range|"
          + out.name()
          + " accepts "
          + (out.isDigital() ? "on or off" : out.range())
          + ", not "
          + value;
    }
    if (safeStateReason != null) {
      return "safe-state|everything is held in its safe state: "
          + safeStateReason
          + "; reset first";
    }
    if (exhaustedOutputs.contains(out.name())) {
      MaxOn m =
          rules.maxOn().stream()
              .filter(x -> x.output().equals(out.name()))
              .findFirst()
              .orElseThrow();
      return m.id() + "|" + m.why();
    }
    for (String id : latchedTrips) {
      Trip t = trip(id);
      if (t.outputs().contains(out.name())) {
        return t.id() + "|latched: " + t.why();
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- readings and time

  /**
   * Records a sensor reading and enforces every interlock against it at once, on the caller's
   * thread, before returning.
   *
   * @throws IllegalArgumentException when {@code input} is not an input of the profile
   */
  public synchronized void reading(String input, double value) {
    if (!inputs.containsKey(input)) {
      throw new IllegalArgumentException("'" + input + "' is not an input of " + profile.ref());
    }
    readings.put(input, value);
    enforce();
  }

  /** Checks maximum on-times and pending lock releases; call it often (every 100 ms). */
  public synchronized void tick() {
    long now = clock.millis();
    for (MaxOn m : rules.maxOn()) {
      Long since = activeSince.get(m.output());
      if (since != null && now - since >= (long) (m.seconds() * 1000)) {
        exhaustedOutputs.add(m.output());
        forceSafe(outputs.get(m.output()));
        emit(
            Kind.MAX_ON_EXCEEDED,
            m.id(),
            m.id(),
            List.of(m.output()),
            m.output() + " was on for " + (now - since) / 1000 + " s: " + m.why());
      }
    }
    enforce();
  }

  /**
   * Drives every output to its safe state and holds it there until {@link #reset()}: on stop, on a
   * crash of the program runtime, on a missed watchdog deadline.
   */
  public synchronized void enterSafeState(String reason) {
    safeStateReason = reason;
    List<String> forced = new ArrayList<>();
    for (Channel out : outputs.values()) {
      if (!out.isSafe(commanded.get(out.name()))) {
        forced.add(out.name());
      }
      forceSafe(out);
    }
    emit(Kind.SAFE_STATE, "", "", forced, "safe state: " + reason);
  }

  /**
   * Leaves the safe state and clears latched trips and exhausted on-times, unless a latched trip's
   * condition still holds.
   */
  public synchronized Decision reset() {
    List<Refusal> refusals = new ArrayList<>();
    for (String id : latchedTrips) {
      Trip t = trip(id);
      Verdict v = evaluate(t.when(), commanded);
      if (v != Verdict.FAILS) {
        refusals.add(
            new Refusal(
                String.join(",", t.outputs()), id, "the condition still holds: " + t.why()));
      }
    }
    if (!refusals.isEmpty()) {
      return new Decision(refusals);
    }
    for (String id : latchedTrips) {
      emit(Kind.CLEARED, id, "", List.of(), id + " cleared");
    }
    latchedTrips.clear();
    exhaustedOutputs.clear();
    safeStateReason = null;
    return Decision.allowed();
  }

  // ---------------------------------------------------------------- enforcement

  /** Re-checks every trip and guard against the current state until nothing changes. */
  private void enforce() {
    boolean changed = true;
    for (int round = 0; changed && round <= outputs.size(); round++) {
      changed = enforceTrips() | enforceGuards();
    }
    if (lockHeld && releasable()) {
      lockHeld = false;
      apply(lock.output(), outputs.get(lock.output()).safe());
      emit(Kind.LOCK_RELEASED, "door-lock", "", List.of(lock.output()), "door lock released");
    }
  }

  private boolean enforceTrips() {
    boolean changed = false;
    for (Trip t : rules.trips()) {
      if (evaluate(t.when(), commanded) != Verdict.HOLDS) {
        firingTrips.remove(t.id());
        continue;
      }
      boolean rising = firingTrips.add(t.id());
      if (t.latch()) {
        latchedTrips.add(t.id());
      }
      List<String> forced = new ArrayList<>();
      for (String name : t.outputs()) {
        if (forceSafe(outputs.get(name))) {
          forced.add(name);
        }
      }
      changed |= !forced.isEmpty();
      if (rising || !forced.isEmpty()) {
        emit(Kind.TRIPPED, t.id(), t.alarm(), forced, t.why());
      }
    }
    return changed;
  }

  private boolean enforceGuards() {
    boolean changed = false;
    for (Guard g : rules.guards()) {
      Verdict v = guardVerdict(g, commanded);
      if (v != Verdict.HOLDS && forceSafe(outputs.get(g.output()))) {
        changed = true;
        emit(
            Kind.GUARD_TRIPPED,
            g.id(),
            g.id(),
            List.of(g.output()),
            (v == Verdict.UNKNOWN ? "reading lost: " : "") + g.why());
      }
    }
    return changed;
  }

  /** HOLDS when the guard is satisfied or does not apply in {@code state}. */
  private Verdict guardVerdict(Guard g, Map<String, Double> state) {
    Channel out = outputs.get(g.output());
    if (out.isSafe(state.get(g.output()))) {
      return Verdict.HOLDS;
    }
    if (g.when() != null) {
      Verdict applies = evaluate(g.when(), state);
      if (applies == Verdict.FAILS) {
        return Verdict.HOLDS;
      }
      if (applies == Verdict.UNKNOWN) {
        return Verdict.UNKNOWN;
      }
    }
    return evaluate(g.requires(), state);
  }

  /** Drives {@code out} to its safe state; true if it was not there. Holds a locked lock. */
  private boolean forceSafe(Channel out) {
    if (out.isSafe(commanded.get(out.name()))) {
      return false;
    }
    if (isLock(out) && !releasable()) {
      if (!lockHeld) {
        lockHeld = true;
        emit(Kind.LOCK_HELD, "door-lock", "", List.of(), "door lock held: " + lock.why());
      }
      return false;
    }
    apply(out.name(), out.safe());
    return true;
  }

  private void apply(String name, double value) {
    Channel out = outputs.get(name);
    double previous = commanded.get(name);
    if (previous == value) {
      return;
    }
    commanded.put(name, value);
    if (out.isSafe(value)) {
      activeSince.remove(name);
    } else if (out.isSafe(previous)) {
      activeSince.put(name, clock.millis());
    }
    if (!drive(out, value) && !out.isSafe(value)) {
      enterSafeState("the hardware refused " + name + " = " + out.format(value));
    }
  }

  private boolean drive(Channel out, double value) {
    try {
      driver.drive(out, value);
      return true;
    } catch (RuntimeException e) {
      emit(
          Kind.DRIVE_FAILED,
          "",
          "drive-failed",
          List.of(out.name()),
          "could not drive " + out.name() + " to " + out.format(value) + ": " + e.getMessage());
      return false;
    }
  }

  // ---------------------------------------------------------------- evaluation

  private enum Verdict {
    HOLDS,
    FAILS,
    UNKNOWN
  }

  private Verdict evaluate(Expression e, Map<String, Double> outputState) {
    try {
      return e.holds(new State(outputState)) ? Verdict.HOLDS : Verdict.FAILS;
    } catch (NoReading missing) {
      return Verdict.UNKNOWN;
    }
  }

  /** Outputs from a (possibly hypothetical) output state, inputs from the latest readings. */
  private final class State implements Bindings {
    private final Map<String, Double> outputState;

    State(Map<String, Double> outputState) {
      this.outputState = outputState;
    }

    @Override
    public double channel(String name) {
      Double v = outputState.get(name);
      if (v == null) {
        v = readings.get(name);
      }
      if (v == null || v.isNaN()) {
        throw NoReading.INSTANCE;
      }
      return v;
    }
  }

  /** Thrown while evaluating when an input has not reported yet; never escapes the kernel. */
  private static final class NoReading extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final NoReading INSTANCE = new NoReading();

    private NoReading() {
      super("no reading", null, false, false);
    }
  }

  private boolean isLock(Channel out) {
    return lock != null && lock.output().equals(out.name());
  }

  private boolean isLocked() {
    return lock != null && !outputs.get(lock.output()).isSafe(commanded.get(lock.output()));
  }

  private boolean releasable() {
    return lock == null || evaluate(lock.releaseWhen(), commanded) == Verdict.HOLDS;
  }

  private Trip trip(String id) {
    return rules.trips().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  private void emit(Kind kind, String interlock, String alarm, List<String> forced, String msg) {
    listener.onSafetyEvent(
        new SafetyEvent(kind, interlock, alarm, List.copyOf(forced), msg, clock.millis()));
  }

  // ---------------------------------------------------------------- observation

  /** The value each output is commanded to, in declaration order. */
  public synchronized Map<String, Double> outputs() {
    Map<String, Double> out = new LinkedHashMap<>();
    outputs.keySet().forEach(n -> out.put(n, commanded.get(n)));
    return Collections.unmodifiableMap(out);
  }

  public synchronized double output(String name) {
    return commanded.get(name);
  }

  /** The latest reading of {@code input}, NaN before the first. */
  public synchronized double reading(String input) {
    return readings.getOrDefault(input, Double.NaN);
  }

  /** Interlocks currently firing or latched, in order. */
  public synchronized Set<String> tripped() {
    Set<String> out = new LinkedHashSet<>(latchedTrips);
    out.addAll(firingTrips);
    exhaustedOutputs.forEach(
        o ->
            rules.maxOn().stream().filter(m -> m.output().equals(o)).forEach(m -> out.add(m.id())));
    return Collections.unmodifiableSet(out);
  }

  /** Why everything is held safe, or null when it is not. */
  public synchronized String safeStateReason() {
    return safeStateReason;
  }

  /** True while the door lock is held locked waiting for its release condition. */
  public synchronized boolean lockHeld() {
    return lockHeld;
  }
}
