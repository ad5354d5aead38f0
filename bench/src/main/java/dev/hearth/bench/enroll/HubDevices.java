package dev.hearth.bench.enroll;

import dev.hearth.agent.AgentVersion;
import dev.hearth.agent.enroll.Enroller;
import dev.hearth.agent.enroll.Enrollment;
import dev.hearth.agent.enroll.EnrollmentRequest;
import dev.hearth.agent.enroll.EnrollmentStore;
import dev.hearth.agent.enroll.HardwareId;
import dev.hearth.agent.enroll.HubEnrollmentClient;
import dev.hearth.agent.enroll.Pause;
import dev.hearth.bench.fleet.DeviceLogin;
import dev.hearth.bench.fleet.DeviceSource;
import dev.hearth.hardware.profile.ProfileRef;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Devices enrolled with a hub. Device {@code i} keeps its enrollment in {@code <stateDir>/<i>/}, as
 * a board keeps it in {@code /var/lib/hearth}; one found there (for this hub) is used again, so a
 * second run against the same hub enrolls nothing. Missing ones get an owner-issued claim code and
 * enroll through the agent's {@link Enroller}, which honours the hub's rate limit (by default 60
 * enrollments a second from one address).
 */
public final class HubDevices implements DeviceSource {

  /** Parallel enrollments; the hub's per-address limit is the bound, not this. */
  static final int ENROLLERS = 4;

  /** How long one device keeps trying. */
  static final Duration PATIENCE = Duration.ofMinutes(10);

  private final URI hub;
  private final Supplier<OwnerSession> owner;
  private final Path stateDir;
  private final ProfileRef profile;
  private final Optional<URI> mqttOverride;
  private final PrintStream progress;

  /**
   * @param owner logs in when a device must be enrolled (not at all when every device is stored)
   * @param mqttOverride where devices connect instead of the address the hub hands out, if given
   */
  public HubDevices(
      URI hub,
      Supplier<OwnerSession> owner,
      Path stateDir,
      ProfileRef profile,
      Optional<URI> mqttOverride,
      PrintStream progress) {
    this.hub = hub;
    this.owner = owner;
    this.stateDir = stateDir;
    this.profile = profile;
    this.mqttOverride = mqttOverride;
    this.progress = progress;
  }

  @Override
  public List<DeviceLogin> logins(int count) {
    HubEnrollmentClient client =
        HubEnrollmentClient.create(
            hub, Optional.empty(), AgentVersion.current(), Clock.systemUTC());
    OwnerSession[] session = new OwnerSession[1];
    Supplier<OwnerSession> loggedIn =
        () -> {
          synchronized (session) {
            if (session[0] == null) {
              session[0] = owner.get();
            }
            return session[0];
          }
        };
    AtomicInteger enrolled = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(ENROLLERS);
    try {
      List<Future<DeviceLogin>> futures = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> login(index, client, loggedIn, enrolled)));
      }
      List<DeviceLogin> logins = new ArrayList<>(count);
      for (Future<DeviceLogin> f : futures) {
        logins.add(f.get());
      }
      progress.printf(
          Locale.ROOT,
          "fleet: %d devices ready (%d enrolled now, %d from %s)%n",
          count,
          enrolled.get(),
          count - enrolled.get(),
          stateDir);
      return logins;
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "enrolling the fleet failed: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while enrolling the fleet", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private DeviceLogin login(
      int index, HubEnrollmentClient client, Supplier<OwnerSession> owner, AtomicInteger enrolled) {
    EnrollmentStore store = new EnrollmentStore(stateDir.resolve(Integer.toString(index)));
    if (store.load() instanceof EnrollmentStore.Present present
        && present.enrollment().hub().equals(hub)) {
      return toLogin(present.enrollment());
    }
    var request =
        new EnrollmentRequest(
            owner.get().issueClaimCode(),
            new HardwareId("fleet-" + index + "-" + Long.toHexString(System.nanoTime())),
            profile,
            AgentVersion.current());
    Enroller enroller =
        new Enroller(client, store, Clock.systemUTC(), Pause.real(), new SecureRandom());
    Enroller.Outcome outcome = enroller.enroll(request, PATIENCE, Enroller.Progress.quiet());
    if (outcome instanceof Enroller.Enrolled e) {
      int n = enrolled.incrementAndGet();
      if (n % 500 == 0) {
        progress.printf(Locale.ROOT, "fleet: %d devices enrolled%n", n);
      }
      return toLogin(e.enrollment());
    }
    throw new IllegalStateException("device " + index + " did not enroll: " + outcome);
  }

  private DeviceLogin toLogin(Enrollment e) {
    return new DeviceLogin(
        e.deviceId(),
        mqttOverride.orElse(e.mqtt().uri()),
        e.mqtt().username(),
        e.mqtt().password());
  }

  @Override
  public String describe() {
    return "hub " + hub;
  }
}
