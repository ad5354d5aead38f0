package dev.hearth.agent.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.specs.wire.DeviceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** enrollment.json and root.json are written atomically and for the agent's user alone. */
class EnrollmentStoreTest {

  @TempDir Path dir;

  private static Enrollment enrollment(String deviceId) {
    return new Enrollment(
        new DeviceId(deviceId),
        URI.create("https://hub.example.org"),
        Fixtures.WASHER,
        Fixtures.BOARD,
        Instant.parse("2026-05-01T08:00:00Z"),
        new Enrollment.Mqtt(URI.create("ssl://hub.example:8883"), deviceId, "pw"),
        Optional.empty());
  }

  private static Set<PosixFilePermission> permissions(Path file) throws IOException {
    return Files.getPosixFilePermissions(file);
  }

  @Test
  void savesBothFilesOwnerOnlyAndReadsTheEnrollmentBack() throws IOException {
    Path state = dir.resolve("state");
    EnrollmentStore store = new EnrollmentStore(state);
    assertThat(store.load()).isEqualTo(new EnrollmentStore.Absent());

    store.save(enrollment("wsh-1"), Fixtures.root());

    assertThat(permissions(state)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(permissions(store.enrollmentFile()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(permissions(store.rootFile()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(store.isEnrolled()).isTrue();
    assertThat(store.load()).isEqualTo(new EnrollmentStore.Present(enrollment("wsh-1")));
    try (Stream<Path> files = Files.list(state)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("enrollment.json", "root.json");
    }
  }

  @Test
  void savingAgainReplacesTheFilesWithoutLeavingTemporaries() throws IOException {
    EnrollmentStore store = new EnrollmentStore(dir);
    store.save(enrollment("wsh-1"), Fixtures.root());
    store.save(enrollment("wsh-2"), Fixtures.root());

    assertThat(((EnrollmentStore.Present) store.load()).enrollment().deviceId().value())
        .isEqualTo("wsh-2");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void aDamagedFileIsReportedWithTheWayOut() throws IOException {
    EnrollmentStore store = new EnrollmentStore(dir);
    Files.writeString(store.enrollmentFile(), "{\"deviceId\": \"wsh-1\", \"hub\": ");

    assertThat(store.load())
        .isInstanceOfSatisfying(
            EnrollmentStore.Unusable.class,
            u -> assertThat(u.why()).contains("is damaged").contains("enroll --force"));

    Files.writeString(store.enrollmentFile(), "{\"deviceId\": \"WSH 1\"}");
    assertThat(((EnrollmentStore.Unusable) store.load()).why()).contains("/deviceId");
  }

  @Test
  void aStateDirThatCannotBeMadeIsAClearErrorAndNothingIsWritten() throws IOException {
    Path aFile = Files.writeString(dir.resolve("not-a-folder"), "");
    EnrollmentStore store = new EnrollmentStore(aFile.resolve("state"));
    assertThatThrownBy(() -> store.save(enrollment("wsh-1"), Fixtures.root()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot store the enrollment in " + aFile.resolve("state"));
    assertThat(store.isEnrolled()).isFalse();
  }

  @Test
  void atomicWritesReplaceContentWholeAndKeepPermissionsTight() throws IOException {
    Path file = dir.resolve("x.json");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    AtomicFiles.write(file, "new".getBytes());

    assertThat(Files.readString(file)).isEqualTo("new");
    assertThat(permissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }
}
