package dev.hearth.agent.config;

/**
 * Section {@code log}.
 *
 * @param level {@code log.level}: the agent's log level; logs go to standard output, which
 *     systemd's journal keeps ({@code journalctl -u hearth-agent})
 */
public record LogConfig(LogLevel level) {

  public static final LogLevel DEFAULT_LEVEL = LogLevel.INFO;
  public static final LogConfig DEFAULTS = new LogConfig(DEFAULT_LEVEL);

  public LogConfig {
    new Violations()
        .check(level != null, "log.level", "is missing — " + LogLevel.choices())
        .throwIfAny();
  }
}
