package dev.hearth.agent.cli;

import dev.hearth.hardware.profile.Channel;
import dev.hearth.hardware.profile.Profile;
import dev.hearth.specs.runtime.Phase;
import dev.hearth.specs.runtime.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line about a running appliance: program, step, time left, and its key temperatures and levels
 * (every numeric input of the profile), e.g. {@code cotton-40 · heat · 0:47:12 left · water_level
 * 12.1 L · water_temp 31.2 °C · drum_speed 37.5 rpm}.
 */
final class StatusLine {

  private final List<Channel> gauges;

  StatusLine(Profile profile) {
    this.gauges = profile.inputs().stream().filter(c -> !c.isDigital()).toList();
  }

  String format(RunStatus status, Map<String, Double> readings) {
    StringBuilder out = new StringBuilder();
    out.append(status.program() == null ? "idle" : status.program());
    if (status.phase() == Phase.PAUSED) {
      out.append(" · PAUSED");
    } else if (status.phase() == Phase.FAULT_HANDLING) {
      out.append(" · bringing to rest");
    } else if (!status.phase().isActive() && status.phase() != Phase.IDLE) {
      out.append(" · ").append(status.phase().name().toLowerCase(Locale.ROOT));
    }
    if (status.step() != null) {
      out.append(" · ").append(status.step());
    }
    if (status.remainingSeconds() != null) {
      out.append(" · ")
          .append(clock(Duration.ofSeconds(status.remainingSeconds())))
          .append(" left");
    }
    for (Channel g : gauges) {
      Double v = readings.get(g.name());
      out.append(" · ").append(g.name()).append(' ');
      out.append(v == null ? "?" : number(v));
      if (g.unit() != null && !g.unit().isEmpty()) {
        out.append(' ').append(g.unit());
      }
    }
    return out.toString();
  }

  /** {@code H:MM:SS}. */
  static String clock(Duration d) {
    long s = Math.max(0, d.getSeconds());
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.1f", v);
  }
}
