package dev.hearth.hub.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreConfigTest {

  @Test
  void theDefaultIsAnH2FileUnderData() {
    StoreConfig config = StoreConfig.defaults();

    assertThat(config.vendor()).isEqualTo(StoreConfig.Vendor.H2);
    assertThat(config.h2Path()).isEqualTo(Path.of(StoreConfig.DEFAULT_H2_PATH));
    assertThat(config.poolSize()).isEqualTo(StoreConfig.DEFAULT_POOL_SIZE);
    assertThat(config.jdbcUrl())
        .startsWith("jdbc:h2:file:")
        .contains(";MODE=PostgreSQL", ";WRITE_DELAY=0", ";DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void anH2PathMayStartAtTheHomeDirectory() {
    assertThat(StoreConfig.builder().url("h2:~/hearth/db").build().h2Path())
        .isEqualTo(Path.of(System.getProperty("user.home"), "hearth", "db"));
  }

  @Test
  void inMemoryH2IsForTests() {
    StoreConfig config = StoreConfig.h2Memory("t1");

    assertThat(config.inMemory()).isTrue();
    assertThat(config.jdbcUrl()).startsWith("jdbc:h2:mem:t1;").doesNotContain("WRITE_DELAY");
  }

  @Test
  void postgresBatchesInsertsIntoMultiRowStatements() {
    StoreConfig config = StoreConfig.postgres("jdbc:postgresql://db:5432/hearth", "hub", "s3cret");

    assertThat(config.vendor()).isEqualTo(StoreConfig.Vendor.POSTGRESQL);
    assertThat(config.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db:5432/hearth?reWriteBatchedInserts=true");
    assertThat(StoreConfig.postgres("jdbc:postgresql://db/hearth?ssl=true", "hub", "").jdbcUrl())
        .endsWith("?ssl=true&reWriteBatchedInserts=true");
    assertThat(config.toString()).doesNotContain("s3cret");
  }

  @Test
  void keysAreReadFromAMap() {
    StoreConfig config =
        StoreConfig.fromMap(
            Map.of(
                "store.url", "jdbc:postgresql://db/hearth",
                "store.user", "hub",
                "store.password", "pw",
                "store.poolSize", "16",
                "store.connectTimeout", "PT3S",
                "store.schema", "hearth"));

    assertThat(config.user()).isEqualTo("hub");
    assertThat(config.poolSize()).isEqualTo(16);
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.schema()).isEqualTo("hearth");
    assertThat(StoreConfig.fromMap(Map.of())).isEqualTo(StoreConfig.defaults());
  }

  @Test
  void aBadValueNamesItsKeyAndTheFix() {
    assertThatThrownBy(() -> StoreConfig.builder().poolSize(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("store.poolSize is 0")
        .hasMessageContaining("between 1 and");
    assertThatThrownBy(() -> StoreConfig.fromMap(Map.of("store.poolSize", "many")))
        .hasMessageStartingWith("store.poolSize is 'many'");
    assertThatThrownBy(() -> StoreConfig.builder().url("mysql://x").build())
        .hasMessageStartingWith("store.url is 'mysql://x'")
        .hasMessageContaining("jdbc:postgresql://");
    assertThatThrownBy(() -> StoreConfig.builder().url("h2:./x;WRITE_DELAY=500").build())
        .hasMessageStartingWith("store.url carries H2 settings");
    assertThatThrownBy(() -> StoreConfig.builder().url("h2:mem:").build())
        .hasMessageStartingWith("store.url names no database");
    assertThatThrownBy(() -> StoreConfig.builder().schema("Robert'); DROP").build())
        .hasMessageStartingWith("store.schema is");
    assertThatThrownBy(() -> StoreConfig.builder().connectTimeout(Duration.ofMillis(10)).build())
        .hasMessageStartingWith("store.connectTimeout is");
    assertThatThrownBy(() -> StoreConfig.fromMap(Map.of("store.h2.fsyncOnCommit", "yes")))
        .hasMessageStartingWith("store.h2.fsyncOnCommit is 'yes'");
  }
}
