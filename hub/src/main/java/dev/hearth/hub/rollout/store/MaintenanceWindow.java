package dev.hearth.hub.rollout.store;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When offers may go out, as local times of day in each device owner's time zone: {@code
 * 02:00–05:00} means between two and five at night wherever the owner lives. A window whose end is
 * before its start spans midnight ({@code 23:00–02:00}). The start is inside, the end is not.
 *
 * @param start local time the window opens, whole minutes
 * @param end local time the window closes, whole minutes, not equal to {@code start}
 */
public record MaintenanceWindow(LocalTime start, LocalTime end) {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  public MaintenanceWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    start = start.truncatedTo(ChronoUnit.MINUTES);
    end = end.truncatedTo(ChronoUnit.MINUTES);
    if (start.equals(end)) {
      throw new InvalidPlanException(
          "/window", "the window opens and closes at " + text(start) + "; make it last a while");
    }
  }

  /**
   * Reads {@code HH:mm} times.
   *
   * @throws InvalidPlanException naming {@code /window/start} or {@code /window/end}
   */
  public static MaintenanceWindow parse(String start, String end) {
    return new MaintenanceWindow(time(start, "/window/start"), time(end, "/window/end"));
  }

  private static LocalTime time(String text, String pointer) {
    try {
      return LocalTime.parse(text, HH_MM);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new InvalidPlanException(pointer, "write a local time as HH:mm, e.g. 02:00");
    }
  }

  /** Whether offers may go out at {@code now} to an owner living in {@code zone}. */
  public boolean isOpen(Instant now, ZoneId zone) {
    LocalTime t = now.atZone(zone).toLocalTime();
    if (start.isBefore(end)) {
      return !t.isBefore(start) && t.isBefore(end);
    }
    return !t.isBefore(start) || t.isBefore(end);
  }

  /**
   * The next time the window closes after {@code now} in {@code zone}: an offer made inside the
   * window expires then, so no device starts an update once its owner's window is over.
   */
  public Instant closesAfter(Instant now, ZoneId zone) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime close = local.toLocalDate().atTime(end).atZone(zone);
    if (!close.toInstant().isAfter(now)) {
      close = local.toLocalDate().plusDays(1).atTime(end).atZone(zone);
    }
    return close.toInstant();
  }

  /** {@code 02:00}. */
  public static String text(LocalTime time) {
    return HH_MM.format(time);
  }

  @Override
  public String toString() {
    return text(start) + "–" + text(end);
  }
}
