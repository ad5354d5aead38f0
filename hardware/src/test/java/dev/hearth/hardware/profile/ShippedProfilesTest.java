package dev.hearth.hardware.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Loads every profile shipped in {@code hardware/profiles} from disk and from the jar. */
class ShippedProfilesTest {

  private static final Path PROFILES = Path.of("profiles");

  @TestFactory
  Stream<DynamicTest> everyProfileOnDiskLoadsWithoutProblems() throws IOException {
    return folders().stream()
        .map(
            id ->
                DynamicTest.dynamicTest(
                    id,
                    () -> {
                      ProfileLoader.Result result =
                          ProfileLoader.load(PROFILES.resolve(id).resolve("profile.yaml"));
                      assertThat(result)
                          .as(() -> result instanceof ProfileLoader.Invalid i ? i.describe() : "")
                          .isInstanceOf(ProfileLoader.Loaded.class);
                      Profile profile = ((ProfileLoader.Loaded) result).profile();
                      assertThat(profile.ref().id()).isEqualTo(id);
                      assertThat(PROFILES.resolve(id).resolve("WIRING.md")).exists();
                    }));
  }

  @Test
  void theIndexNamesExactlyTheFoldersOnDisk() throws IOException {
    assertThat(ShippedProfiles.IDS).containsExactlyInAnyOrderElementsOf(folders());
  }

  @Test
  void everyShippedProfileLoadsFromTheClasspath() {
    assertThat(ShippedProfiles.all())
        .extracting(p -> p.ref().id())
        .containsExactlyElementsOf(ShippedProfiles.IDS);
    assertThat(ShippedProfiles.get("open-washer@1").remoteStart()).isTrue();
    assertThat(ShippedProfiles.get("open-microwave").remoteStart()).isFalse();
    assertThat(ShippedProfiles.find("open-washer@2")).isEmpty();
  }

  @Test
  void everyOutputDeclaresASafeStateAndEveryProfileHasInterlocks() {
    for (Profile p : ShippedProfiles.all()) {
      assertThat(p.outputs()).allSatisfy(c -> assertThat(c.accepts(c.safe())).isTrue());
      assertThat(p.interlocks().guards()).isNotEmpty();
      assertThat(p.interlocks().trips()).isNotEmpty();
      assertThat(p.interlocks().maxOn()).isNotEmpty();
    }
  }

  private static List<String> folders() throws IOException {
    try (Stream<Path> dirs = Files.list(PROFILES)) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
    }
  }
}
