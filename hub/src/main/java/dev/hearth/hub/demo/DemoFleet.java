package dev.hearth.hub.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.agent.app.ConnectedAgent;
import dev.hearth.agent.enroll.Enrollment;
import dev.hearth.agent.runtime.ProgramAppliance;
import dev.hearth.hub.registry.Registry;
import dev.hearth.hub.store.HubStore;
import dev.hearth.specs.wire.Command;
import dev.hearth.specs.wire.StateReport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's appliances: each enrolls with the hub over HTTP with a claim code its owner issued
 * (once; later runs reuse the stored enrollment, as a board would), then runs the real agent on a
 * simulated plant in real time, connected over MQTT. A small driver starts the next program a
 * little while after each one ends, so there is always something to watch.
 */
final class DemoFleet implements AutoCloseable {

  private static final Duration REST_BETWEEN_CYCLES = Duration.ofSeconds(20);

  private final List<ConnectedAgent> agents = new ArrayList<>();
  private final ScheduledExecutorService driver =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "hearth-demo-driver");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong commandIds = new AtomicLong();

  /** Enrolls (where needed) and starts every appliance. */
  static DemoFleet start(
      List<DemoAppliance> appliances,
      Path dataDir,
      URI hubUrl,
      Registry registry,
      HubStore store,
      String ownerId,
      Clock clock) {
    DemoFleet fleet = new DemoFleet();
    try {
      for (int i = 0; i < appliances.size(); i++) {
        DemoAppliance a = appliances.get(i);
        Path stateDir = dataDir.resolve("demo/appliances/" + i).toAbsolutePath();
        Enrollment enrollment =
            SimulatedBoards.enroll(
                stateDir, a.profile(), "demo-board-" + i, hubUrl, registry, ownerId, clock);
        store.devices().rename(enrollment.deviceId().value(), a.name());
        ConnectedAgent agent = SimulatedBoards.start(stateDir, enrollment, i + 1);
        fleet.agents.add(agent);
        fleet.drive(agent.appliance(), a.programs(), i);
      }
      return fleet;
    } catch (RuntimeException e) {
      fleet.close();
      throw e;
    }
  }

  /** Starts the first program soon, and the next one a little after each cycle ends. */
  private void drive(ProgramAppliance appliance, List<String> programs, int index) {
    AtomicLong turn = new AtomicLong(index);
    long firstDelay = 2 + 3L * index;
    driver.scheduleWithFixedDelay(
        () -> {
          StateReport.Phase phase = appliance.state().phase();
          boolean resting =
              phase == StateReport.Phase.IDLE
                  || phase == StateReport.Phase.FINISHED
                  || phase == StateReport.Phase.FAULTED
                  || phase == StateReport.Phase.STOPPED;
          if (resting && restedLongEnough(appliance)) {
            String program = programs.get((int) (turn.getAndIncrement() % programs.size()));
            ObjectNode args = JsonNodeFactory.instance.objectNode().put("program", program);
            appliance.execute(
                new Command("demo-" + commandIds.incrementAndGet(), "start", args),
                ProgramAppliance.Origin.LOCAL);
          }
        },
        firstDelay,
        5,
        TimeUnit.SECONDS);
  }

  private final java.util.Map<ProgramAppliance, Long> restingSince =
      new java.util.concurrent.ConcurrentHashMap<>();

  private boolean restedLongEnough(ProgramAppliance appliance) {
    long now = System.currentTimeMillis();
    long since = restingSince.computeIfAbsent(appliance, a -> now - REST_BETWEEN_CYCLES.toMillis());
    if (now - since >= REST_BETWEEN_CYCLES.toMillis()) {
      restingSince.put(appliance, now);
      return true;
    }
    return false;
  }

  int size() {
    return agents.size();
  }

  List<ConnectedAgent> agents() {
    return List.copyOf(agents);
  }

  @Override
  public void close() {
    driver.shutdownNow();
    for (ConnectedAgent agent : agents) {
      try {
        agent.close();
      } catch (RuntimeException e) {
        // Keep closing the others: each leaves its outputs safe on its own.
      }
    }
  }
}
