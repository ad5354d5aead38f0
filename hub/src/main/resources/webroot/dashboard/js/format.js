// How values read on the dashboard.

const PHASES = {
  idle: "Idle",
  running: "Running",
  paused: "Paused",
  "fault-handling": "Handling a fault",
  finished: "Finished",
  faulted: "Faulted",
  stopped: "Stopped",
};

const COMMAND_NAMES = { stop: "Stop", pause: "Pause", resume: "Resume", start: "Start" };

/** The phase of a state report as people read it. */
export function phase(value) {
  return value == null ? "Unknown" : (PHASES[value] ?? value);
}

/** Time left: "1 h 05 min", "25 min", "40 s"; minutes are rounded up. */
export function remaining(seconds) {
  if (seconds == null || !Number.isFinite(seconds)) {
    return "—";
  }
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) {
    return `${s} s`;
  }
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** Door and lock: "Closed, locked". */
export function door(report) {
  if (!report) {
    return "—";
  }
  const doorText = { open: "Open", closed: "Closed", unknown: "Unknown" }[report.door] ?? "—";
  const lockText = { locked: "locked", unlocked: "unlocked" }[report.lock];
  return lockText ? `${doorText}, ${lockText}` : doorText;
}

/** A date and time in the browser's locale: epoch milliseconds or RFC 3339 text. */
export function dateTime(value) {
  if (value == null) {
    return "—";
  }
  const date = typeof value === "number" ? new Date(value) : new Date(String(value));
  if (Number.isNaN(date.getTime())) {
    return "—";
  }
  return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
}

/** Machine-readable time for <time datetime>. */
export function isoTime(value) {
  const date = typeof value === "number" ? new Date(value) : new Date(String(value));
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

/** A reading with its unit: "42.5 °C"; digital channels read on/off. */
export function reading(value, channel) {
  if (value == null || !Number.isFinite(value)) {
    return "—";
  }
  if (channel?.digital) {
    return value !== 0 ? "on" : "off";
  }
  const number = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return channel?.unit ? `${number} ${channel.unit}` : number;
}

export function commandName(name) {
  return COMMAND_NAMES[name] ?? name;
}

/** What became of a command, as a sentence. */
export function commandStatus(command) {
  const name = commandName(command.name ?? "command");
  const message = command.message ? `: ${command.message}` : "";
  switch (command.status) {
    case "sending":
      return `Sending ${name.toLowerCase()}…`;
    case "queued":
      return `${name}: waiting to be delivered to the appliance`;
    case "sent":
      return `${name}: delivered, waiting for the appliance to answer`;
    case "ok":
      return `${name}: done`;
    case "refused":
      return `${name} refused by the appliance${message}`;
    case "error":
      return `${name} failed on the appliance${message}`;
    case "expired":
      return `${name} expired: the appliance was not reachable in time`;
    case "failed":
      return `${name} not sent${message}`;
    default:
      return `${name}: ${command.status}`;
  }
}

/** True once a command will not change any more. */
export function commandFinal(status) {
  return ["ok", "refused", "error", "expired", "failed"].includes(status);
}

/** A device's name for people. */
export function deviceName(device) {
  return device.name || device.profileName || device.id;
}
