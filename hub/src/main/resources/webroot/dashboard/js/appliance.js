// One appliance: program progress, controls (stop, pause, resume), alerts, charts, latest readings,
// recent events, the update channel and the firmware, kept live from the hub's stream.

import { ApiError, api, devicePath } from "./api.js";
import { ChannelChart } from "./charts.js";
import { FirmwarePanel } from "./firmware.js";
import { byId, el, setText } from "./dom.js";
import * as fmt from "./format.js";
import { connectLive, showLiveStatus } from "./live.js";
import { showFatal, signedIn } from "./page.js";

const HOUR_MS = 3600 * 1000;
const POLL_MS = 3000;
const LIST_LIMIT = 20;

const deviceId = new URLSearchParams(location.search).get("id") ?? "";

const model = {
  device: null,
  profile: null,
  report: null,
  receivedAt: 0,
  /** ts of the latest cycle-started event and its program, for the progress bar */
  started: null,
  /** the most remaining time seen in this run, when the start is not known */
  longestRemaining: null,
  alerts: new Map(),
  events: new Map(),
  charts: new Map(),
  readings: new Map(),
  command: null,
};

const firmwarePanel = new FirmwarePanel(deviceId);

let pollTimer = null;

// ---- program and progress ----

function applyReport(report) {
  if (!report || (model.report && report.seq <= model.report.seq)) {
    return;
  }
  const previous = model.report;
  model.report = report;
  model.receivedAt = Date.now();
  if (!previous || previous.program !== report.program || report.phase === "idle") {
    model.longestRemaining = null;
  }
  if (report.remainingSeconds != null) {
    model.longestRemaining = Math.max(model.longestRemaining ?? 0, report.remainingSeconds);
  }
  renderProgram();
}

function remainingNow() {
  const r = model.report;
  if (!r || r.remainingSeconds == null) {
    return null;
  }
  const since = r.phase === "running" ? (Date.now() - model.receivedAt) / 1000 : 0;
  return Math.max(0, r.remainingSeconds - since);
}

/** Done as a fraction: time since the cycle started over that plus the time left. */
function progress() {
  const r = model.report;
  if (!r) {
    return null;
  }
  if (r.phase === "finished") {
    return 1;
  }
  const left = remainingNow();
  if (r.program == null || left == null || r.phase === "idle") {
    return null;
  }
  const started = model.started;
  if (started && started.program === r.program && started.ts <= r.ts) {
    const since = r.phase === "running" ? (Date.now() - model.receivedAt) / 1000 : 0;
    const elapsed = (r.ts - started.ts) / 1000 + since;
    return elapsed + left > 0 ? elapsed / (elapsed + left) : null;
  }
  const longest = model.longestRemaining;
  return longest ? Math.min(1, Math.max(0, (longest - left) / longest)) : null;
}

function renderProgram() {
  const r = model.report;
  setText(byId("phase"), fmt.phase(r?.phase));
  setText(byId("program"), r?.program ?? "—");
  setText(byId("step"), r?.step ?? "—");
  setText(byId("remaining"), fmt.remaining(remainingNow()));
  setText(byId("door"), fmt.door(r));
  document.body.dataset.phase = r?.phase ?? "unknown";
  const bar = byId("progress");
  const done = progress();
  if (done == null) {
    bar.removeAttribute("value");
    setText(byId("progress-text"), r?.program ? "Progress not known yet" : "No program running");
  } else {
    const percent = Math.round(done * 100);
    bar.value = percent;
    setText(byId("progress-text"), `${percent} % done`);
  }
  const tripped = byId("tripped");
  const trips = r?.tripped ?? [];
  tripped.hidden = trips.length === 0;
  setText(tripped, trips.length ? `Interlock tripped: ${trips.join(", ")}` : "");
  renderControls();
}

// ---- controls ----

function renderControls() {
  const phase = model.report?.phase;
  const busy = model.command?.status === "sending";
  byId("stop").disabled = busy || ["idle", "finished", "stopped"].includes(phase);
  byId("pause").disabled = busy || phase !== "running";
  byId("resume").disabled = busy || phase !== "paused";
  byId("offline-note").hidden = model.device?.presence !== "offline";
}

function renderCommand() {
  const status = byId("command-status");
  const c = model.command;
  if (!c) {
    return;
  }
  status.dataset.status = c.status;
  status.dataset.commandId = c.id ?? "";
  setText(status, fmt.commandStatus(c));
  renderControls();
}

/** Merges what is known of a command (from the API or the stream) into the one shown. */
function applyCommand(update) {
  const id = update.id ?? update.commandId;
  if (!model.command || model.command.id !== id) {
    return;
  }
  const status = update.status ?? update.outcome;
  // A late "queued" must not undo "sent" or a result.
  const rank = { sending: 0, queued: 1, sent: 2 };
  if (
    status &&
    !fmt.commandFinal(model.command.status) &&
    (rank[status] ?? 9) >= (rank[model.command.status] ?? 0)
  ) {
    model.command.status = status;
    if (update.message != null) {
      model.command.message = update.message;
    }
  }
  renderCommand();
  if (fmt.commandFinal(model.command.status)) {
    clearTimeout(pollTimer);
  }
}

async function send(name) {
  clearTimeout(pollTimer);
  model.command = { id: null, name, status: "sending", message: null };
  renderCommand();
  try {
    const record = await api(devicePath(deviceId, "/commands"), {
      method: "POST",
      body: { name },
    });
    model.command = { id: record.id, name, status: "sending", message: null };
    applyCommand(record);
    poll();
  } catch (err) {
    model.command = { id: null, name, status: "failed", message: err.detail };
    renderCommand();
  }
}

/** Follows the command until it has a result; the stream usually tells first. */
function poll() {
  const c = model.command;
  if (!c?.id || fmt.commandFinal(c.status)) {
    return;
  }
  pollTimer = setTimeout(async () => {
    try {
      applyCommand(await api(devicePath(deviceId, `/commands/${encodeURIComponent(c.id)}`)));
    } catch {
      // The next poll or the stream will tell.
    }
    poll();
  }, POLL_MS);
}

// ---- alerts and events ----

function upsertAlert(alert) {
  model.alerts.set(alert.id, { ...alert, open: alert.clearedAt == null });
}

function renderAlerts() {
  const list = byId("alerts");
  const alerts = [...model.alerts.values()].sort(
    (a, b) => b.open - a.open || String(b.raisedAt).localeCompare(String(a.raisedAt)),
  );
  const items = alerts.slice(0, LIST_LIMIT).map((a) => {
    const state = a.open ? "open" : `cleared ${fmt.dateTime(a.clearedAt)}`;
    return el(
      "li",
      {
        class: "alert",
        dataset: { alertId: a.id, open: String(a.open), severity: a.severity, rule: a.rule },
      },
      el("span", {}, a.message),
      el(
        "time",
        { datetime: fmt.isoTime(a.raisedAt) },
        `${a.severity} · ${fmt.dateTime(a.raisedAt)} · ${state}`,
      ),
    );
  });
  // Replace only what changed, so the live region announces new alerts, not the whole list.
  const shown = [...list.children].map((li) => li.dataset.alertId + li.textContent).join("|");
  const next = items.map((li) => li.dataset.alertId + li.textContent).join("|");
  if (shown !== next) {
    list.replaceChildren(...items);
  }
  byId("no-alerts").hidden = alerts.length > 0;
}

/** Events from the API ({at}) and the stream ({ts}) alike. */
function upsertEvent(event) {
  const ts = event.ts ?? Date.parse(event.at);
  model.events.set(event.seq, { ...event, ts });
  if (
    event.type === "cycle-started" &&
    event.data?.program &&
    (!model.started || ts > model.started.ts)
  ) {
    model.started = { ts, program: event.data.program };
  }
}

function renderEvents() {
  const events = [...model.events.values()].sort((a, b) => b.seq - a.seq).slice(0, LIST_LIMIT);
  byId("events").replaceChildren(
    ...events.map((e) =>
      el(
        "li",
        { dataset: { type: e.type, severity: e.severity } },
        el("span", {}, e.message || e.type),
        el("time", { datetime: fmt.isoTime(e.ts) }, `${e.type} · ${fmt.dateTime(e.ts)}`),
      ),
    ),
  );
}

// ---- readings and charts ----

function renderReadings() {
  const channels = model.profile?.channels ?? {};
  const rows = [...model.readings.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, point]) =>
      el(
        "tr",
        { dataset: { channel: name } },
        el("th", { scope: "row" }, channels[name]?.label ?? name),
        el("td", {}, fmt.reading(point.v, channels[name])),
      ),
    );
  byId("readings").replaceChildren(...rows);
}

function applyTelemetry(data) {
  for (const [channel, value] of Object.entries(data.values ?? {})) {
    const seen = model.readings.get(channel);
    if (!seen || data.ts >= seen.t) {
      model.readings.set(channel, { t: data.ts, v: value });
    }
    model.charts.get(channel)?.append(data.ts, value);
  }
  renderReadings();
}

async function loadCharts() {
  await Promise.all(
    [...model.charts.values()].map(async (chart) => {
      const series = await api(
        devicePath(deviceId, `/telemetry?channel=${encodeURIComponent(chart.chart.channel)}`),
      );
      chart.load(series.points);
    }),
  );
}

function buildCharts() {
  const box = byId("charts");
  const charts = model.profile?.charts ?? [];
  byId("no-charts").hidden = charts.length > 0;
  for (const c of charts) {
    const chart = new ChannelChart(c, HOUR_MS);
    model.charts.set(c.channel, chart);
    box.append(chart.figure);
    chart.start();
  }
}

// ---- device, update channel ----

function renderDevice() {
  const d = model.device;
  setText(byId("name"), fmt.deviceName(d));
  document.title = `${fmt.deviceName(d)} · Hearth`;
  const presence = byId("presence");
  presence.dataset.presence = d.presence;
  setText(presence, d.presence === "online" ? "Online" : "Offline");
  setText(byId("profile"), `${d.profileName ?? d.profile} · ${d.id}`);
  for (const radio of document.querySelectorAll('input[name="channel"]')) {
    radio.checked = radio.value === d.channel;
  }
  const firmware = d.firmware ? `${d.firmware.name} ${d.firmware.version}` : "none";
  setText(
    byId("versions"),
    `Agent ${d.agentVersion ?? "unknown"} · firmware ${firmware}` +
      (d.channel ? "" : " · no update channel chosen yet"),
  );
  renderControls();
}

async function chooseChannel(e) {
  const radio = e.target;
  const status = byId("channel-status");
  const before = model.device.channel;
  setText(status, `Saving ${radio.value}…`);
  status.dataset.state = "saving";
  try {
    model.device = await api(devicePath(deviceId), {
      method: "PATCH",
      body: { channel: radio.value },
    });
    renderDevice();
    status.dataset.state = "saved";
    setText(status, `Update channel set to ${model.device.channel}.`);
  } catch (err) {
    model.device.channel = before;
    renderDevice();
    status.dataset.state = "failed";
    setText(status, `Not saved: ${err.detail}`);
  }
}

// ---- loading and live updates ----

/** Reads everything; live updates merge by sequence number or time, so this may repeat. */
async function loadAll() {
  const asked = Date.now();
  const [device, state, alerts, events, latest, commands] = await Promise.all([
    api(devicePath(deviceId)),
    api(devicePath(deviceId, "/state")),
    api(devicePath(deviceId, `/alerts?limit=${LIST_LIMIT}`)),
    api(devicePath(deviceId, `/events?limit=${LIST_LIMIT}`)),
    api(devicePath(deviceId, "/telemetry/latest")),
    api(devicePath(deviceId, "/commands?limit=1")),
  ]);
  model.device = { ...device, presence: state.presence };
  applyReport(state.report);
  const pushed = [...model.alerts.values()].filter((a) => a.liveAt >= asked);
  model.alerts = new Map();
  alerts.items.forEach(upsertAlert);
  pushed.forEach((a) => model.alerts.set(a.id, a));
  events.items.forEach(upsertEvent);
  for (const [channel, point] of Object.entries(latest.channels)) {
    const seen = model.readings.get(channel);
    if (!seen || point.t >= seen.t) {
      model.readings.set(channel, point);
    }
  }
  if (!model.command && commands.items.length) {
    const last = commands.items[0];
    model.command = { id: last.id, name: last.name, status: last.status, message: last.message };
    renderCommand();
    poll();
  }
  renderDevice();
  renderProgram();
  renderAlerts();
  renderEvents();
  renderReadings();
  await Promise.all([loadCharts(), firmwarePanel.refresh()]);
}

function onUpdate({ kind, deviceId: id, data }) {
  if (id !== deviceId || !model.device) {
    return;
  }
  switch (kind) {
    case "state":
      applyReport(data);
      break;
    case "telemetry":
      applyTelemetry(data);
      break;
    case "alert":
      model.alerts.set(data.id, { ...data, open: data.clearedAt == null, liveAt: Date.now() });
      renderAlerts();
      break;
    case "event":
      upsertEvent(data);
      renderEvents();
      renderProgram();
      firmwarePanel.onEvent(data);
      break;
    case "presence":
      model.device.presence = data.presence;
      if (data.agentVersion) {
        model.device.agentVersion = data.agentVersion;
      }
      if (data.firmwareName) {
        const before = model.device.firmware?.version;
        model.device.firmware = { name: data.firmwareName, version: data.firmwareVersion };
        if (before !== data.firmwareVersion) {
          firmwarePanel.refresh();
        }
      }
      renderDevice();
      break;
    case "command":
      applyCommand(data);
      break;
    default:
      break;
  }
}

async function main() {
  await signedIn();
  if (!/^[A-Za-z0-9._:-]{1,64}$/.test(deviceId)) {
    showFatal("No appliance was named. Pick one from your appliances.");
    return;
  }
  let device;
  try {
    device = await api(devicePath(deviceId));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      showFatal("You have no appliance with this id.");
      return;
    }
    throw err;
  }
  model.device = device;
  try {
    model.profile = await api(`/dashboard/profiles/${encodeURIComponent(device.profile)}`);
  } catch {
    model.profile = { charts: [], channels: {} };
  }
  byId("appliance").hidden = false;
  renderDevice();
  buildCharts();
  for (const name of ["stop", "pause", "resume"]) {
    byId(name).addEventListener("click", () => send(name));
  }
  for (const radio of document.querySelectorAll('input[name="channel"]')) {
    radio.addEventListener("change", chooseChannel);
  }
  const failed = (err) => showFatal(`Could not load the appliance: ${err.detail ?? err}`);
  await loadAll().catch(failed);
  connectLive({
    onUpdate,
    onStatus: showLiveStatus(byId("live-status")),
    onReady: () =>
      loadAll()
        .then(() => (document.body.dataset.live = "ready"))
        .catch(failed),
  });
  setInterval(() => {
    if (model.report?.phase === "running") {
      renderProgram();
    }
  }, 1000);
}

main().catch((err) => {
  if (err?.status !== 401) {
    showFatal(`The page could not start: ${err.detail ?? err}`);
  }
});
