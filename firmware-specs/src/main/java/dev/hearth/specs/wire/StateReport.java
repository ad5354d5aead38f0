package dev.hearth.specs.wire;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * What the appliance is doing, published on {@code state} whenever it changes (and on connect).
 *
 * @param ts when, epoch milliseconds
 * @param seq report number, one more than the previous report, so the hub can order reports
 * @param phase the runtime's phase
 * @param program the running program's name, {@code null} when none
 * @param step the current step's name, {@code null} when none
 * @param remainingSeconds the program's estimate of time left, {@code null} when unknown
 * @param door the door switch
 * @param lock the door lock, {@code none} on appliances without one
 * @param tripped ids of the interlocks tripped right now, each at most once
 * @param outputs output name to commanded value: analog outputs as their number, digital outputs as
 *     0 (off) or 1 (on)
 */
public record StateReport(
    long ts,
    long seq,
    Phase phase,
    String program,
    String step,
    Long remainingSeconds,
    Door door,
    Lock lock,
    List<String> tripped,
    Map<String, Double> outputs)
    implements WirePayload {

  /** The runtime's phase. */
  public enum Phase implements WireEnum {
    IDLE("idle"),
    RUNNING("running"),
    PAUSED("paused"),
    FAULT_HANDLING("fault-handling"),
    FINISHED("finished"),
    FAULTED("faulted"),
    STOPPED("stopped");

    private final String wireName;

    Phase(String wireName) {
      this.wireName = wireName;
    }

    @Override
    public String wireName() {
      return wireName;
    }
  }

  /** The door switch as read. */
  public enum Door implements WireEnum {
    OPEN("open"),
    CLOSED("closed"),
    UNKNOWN("unknown");

    private final String wireName;

    Door(String wireName) {
      this.wireName = wireName;
    }

    @Override
    public String wireName() {
      return wireName;
    }
  }

  /** The door lock as sensed. */
  public enum Lock implements WireEnum {
    LOCKED("locked"),
    UNLOCKED("unlocked"),
    NONE("none");

    private final String wireName;

    Lock(String wireName) {
      this.wireName = wireName;
    }

    @Override
    public String wireName() {
      return wireName;
    }
  }

  public StateReport {
    Check.epochMillis(ts, "ts");
    Check.nonNegative(seq, "seq");
    Check.present(phase, "phase");
    if (program != null) {
      Check.label(program, "program");
    }
    if (step != null) {
      Check.label(step, "step");
    }
    if (remainingSeconds != null) {
      Check.nonNegative(remainingSeconds, "remainingSeconds");
    }
    Check.present(door, "door");
    Check.present(lock, "lock");
    tripped = Check.list(tripped, "tripped");
    var seen = new HashSet<String>();
    for (int i = 0; i < tripped.size(); i++) {
      String id = tripped.get(i);
      String at = "/tripped/" + i;
      if (!Check.NAME.matcher(id).matches()) {
        throw Check.invalid(at, "tripped[" + i + "] '" + Check.shorten(id) + "' is not an id");
      }
      if (!seen.add(id)) {
        throw Check.invalid(at, "tripped lists interlock '" + id + "' twice");
      }
    }
    outputs = Check.numbers(outputs, "outputs");
  }

  @Override
  public TopicKind topicKind() {
    return TopicKind.STATE;
  }
}
