package dev.hearth.bench.hub;

import dev.hearth.agent.AgentVersion;
import dev.hearth.agent.enroll.Enrollment;
import dev.hearth.agent.enroll.EnrollmentStore;
import dev.hearth.agent.enroll.HardwareId;
import dev.hearth.hardware.profile.ProfileRef;
import dev.hearth.hub.registry.EnrollmentOutcome;
import dev.hearth.hub.registry.EnrollmentRequest;
import dev.hearth.hub.registry.Registry;
import dev.hearth.specs.wire.DeviceId;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Enrolls a fleet inside the hub's JVM, through the hub's own {@code EnrollmentService} (the code
 * behind {@code POST /api/v1/enrollments}) with an owner-issued claim code per device, and keeps
 * each device's enrollment where {@link dev.hearth.bench.enroll.HubDevices} finds it ({@code
 * <state>/<i>/enrollment.json}, written by the agent's {@link EnrollmentStore}), so the fleet
 * connects with hub-issued credentials and enrolls nothing itself.
 *
 * <p>Why: the hub lets one address enroll one device a second once a burst of 60 is spent ({@code
 * RegistryConfig.DEFAULT_ENROLL_PER_ADDRESS}), and every simulated device comes from 127.0.0.1, so
 * enrolling 10,000 over HTTP takes almost three hours. Each device here counts as an address of its
 * own for that limit; nothing else differs.
 */
final class FleetProvisioning {

  private final Registry registry;
  private final Clock clock;

  FleetProvisioning(Registry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * Makes sure devices {@code 0..count-1} under {@code state} are enrolled with {@code hub}.
   *
   * @return how many were enrolled now (the rest were already)
   */
  int provision(URI hub, String ownerId, ProfileRef profile, Path state, int count) {
    int enrolled = 0;
    for (int i = 0; i < count; i++) {
      EnrollmentStore store = new EnrollmentStore(state.resolve(Integer.toString(i)));
      if (store.load() instanceof EnrollmentStore.Present present
          && present.enrollment().hub().equals(hub)) {
        continue;
      }
      HardwareId hardwareId =
          new HardwareId("fleet-" + i + "-" + Long.toHexString(System.nanoTime()));
      var request =
          new EnrollmentRequest(
              registry.claims().issueCode(ownerId).code(),
              hardwareId.value(),
              profile,
              AgentVersion.current());
      EnrollmentOutcome outcome = registry.enrollment().enroll(request, "bench-provision-" + i);
      if (!(outcome instanceof EnrollmentOutcome.Enrolled e)) {
        throw new IllegalStateException("device " + i + " was not enrolled: " + outcome);
      }
      Enrollment enrollment =
          new Enrollment(
              new DeviceId(e.deviceId()),
              hub,
              profile,
              hardwareId,
              clock.instant(),
              new Enrollment.Mqtt(e.mqttUri(), e.deviceId(), e.credentials().password()),
              Optional.empty());
      store.save(enrollment, e.root());
      enrolled++;
    }
    return enrolled;
  }
}
