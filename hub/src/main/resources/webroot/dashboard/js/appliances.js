// "My appliances": a card per device with its live state, presence and open alerts.

import { allItems, api, devicePath } from "./api.js";
import { byId, el, setText } from "./dom.js";
import * as fmt from "./format.js";
import { connectLive, showLiveStatus } from "./live.js";
import { showFatal, signedIn } from "./page.js";

/** deviceId → {device, report, receivedAt, alerts: Map(id → alert), card} */
const appliances = new Map();
const list = byId("appliances");

function cardFor(device) {
  const titleId = `title-${device.id}`;
  const field = (name, label) =>
    el("div", {}, el("dt", {}, label), el("dd", { dataset: { field: name } }, "—"));
  const card = el(
    "li",
    { class: "card", dataset: { deviceId: device.id } },
    el(
      "div",
      { class: "card-head" },
      el(
        "h2",
        { id: titleId },
        el("a", { href: `/dashboard/appliance.html?id=${encodeURIComponent(device.id)}` }),
      ),
      el("span", { class: "badge", dataset: { field: "presence" } }),
    ),
    el("p", { class: "profile", dataset: { field: "profile" } }),
    el(
      "dl",
      { class: "facts" },
      field("phase", "Phase"),
      field("program", "Program"),
      field("step", "Step"),
      field("remaining", "Remaining"),
      field("door", "Door"),
    ),
    el("p", { class: "card-alerts", dataset: { field: "alerts", count: "0" }, "aria-live": "polite" }),
  );
  card.setAttribute("aria-labelledby", titleId);
  return card;
}

function render(entry) {
  const { device, report, card } = entry;
  const q = (name) => card.querySelector(`[data-field="${name}"]`);
  setText(card.querySelector("h2 a"), fmt.deviceName(device));
  const presence = q("presence");
  presence.dataset.presence = device.presence;
  setText(presence, device.presence === "online" ? "Online" : "Offline");
  setText(q("profile"), `${device.profileName ?? device.profile} · ${device.id}`);
  card.dataset.phase = report?.phase ?? "unknown";
  setText(q("phase"), fmt.phase(report?.phase));
  setText(q("program"), report?.program ?? "—");
  setText(q("step"), report?.step ?? "—");
  setText(q("remaining"), fmt.remaining(remainingNow(entry)));
  setText(q("door"), fmt.door(report));
  const open = [...entry.alerts.values()].filter((a) => a.open);
  const alerts = q("alerts");
  alerts.dataset.count = String(open.length);
  if (open.length === 0) {
    setText(alerts, "No open alerts");
  } else {
    open.sort((a, b) => String(b.raisedAt).localeCompare(String(a.raisedAt)));
    const more = open.length > 1 ? ` (+${open.length - 1} more)` : "";
    setText(alerts, `⚠ ${open[0].message}${more}`);
  }
}

/** The report's remaining time, counted down since it arrived while the program runs. */
function remainingNow(entry) {
  const r = entry.report;
  if (!r || r.remainingSeconds == null) {
    return null;
  }
  if (r.phase !== "running") {
    return r.remainingSeconds;
  }
  return Math.max(0, r.remainingSeconds - (Date.now() - entry.receivedAt) / 1000);
}

function applyReport(entry, report) {
  if (report && (entry.report == null || report.seq > entry.report.seq)) {
    entry.report = report;
    entry.receivedAt = Date.now();
  }
}

function upsertAlert(entry, alert, liveAt = 0) {
  entry.alerts.set(alert.id, { ...alert, open: alert.clearedAt == null, liveAt });
}

async function load(device) {
  let entry = appliances.get(device.id);
  if (!entry) {
    entry = { device, report: null, receivedAt: 0, alerts: new Map(), card: cardFor(device) };
    appliances.set(device.id, entry);
    list.append(entry.card);
  }
  entry.device = device;
  const asked = Date.now();
  const [state, alerts] = await Promise.all([
    api(devicePath(device.id, "/state")),
    api(devicePath(device.id, "/alerts?open=true&limit=50")),
  ]);
  entry.device.presence = state.presence;
  applyReport(entry, state.report);
  // The open alerts as read, plus any pushed live while reading (cleared ones drop out).
  const pushed = [...entry.alerts.values()].filter((a) => a.liveAt >= asked);
  entry.alerts = new Map();
  for (const alert of alerts.items) {
    upsertAlert(entry, alert);
  }
  for (const alert of pushed) {
    entry.alerts.set(alert.id, alert);
  }
  render(entry);
}

async function loadAll() {
  const devices = await allItems("/api/v1/devices");
  const ids = new Set(devices.map((d) => d.id));
  for (const [id, entry] of appliances) {
    if (!ids.has(id)) {
      entry.card.remove();
      appliances.delete(id);
    }
  }
  await Promise.all(devices.map(load));
  byId("loading").hidden = true;
  byId("empty").hidden = appliances.size > 0;
}

function onUpdate({ kind, deviceId, data }) {
  if (kind === "device") {
    api(devicePath(deviceId)).then(load).then(() => (byId("empty").hidden = true));
    return;
  }
  const entry = appliances.get(deviceId);
  if (!entry) {
    return;
  }
  switch (kind) {
    case "state":
      applyReport(entry, data);
      break;
    case "presence":
      entry.device.presence = data.presence;
      break;
    case "alert":
      upsertAlert(entry, data, Date.now());
      break;
    default:
      return;
  }
  render(entry);
}

async function claim(e) {
  e.preventDefault();
  const input = byId("claim-code");
  const status = byId("claim-status");
  const code = input.value.trim();
  if (!code) {
    setText(status, "Enter the code the appliance shows.");
    input.focus();
    return;
  }
  try {
    const device = await api("/api/v1/claims", { method: "POST", body: { claimCode: code } });
    await load(device);
    byId("empty").hidden = true;
    input.value = "";
    setText(status, `Added ${fmt.deviceName(device)}.`);
  } catch (err) {
    setText(status, err.detail);
    input.focus();
  }
}

async function main() {
  await signedIn();
  byId("claim-form").addEventListener("submit", claim);
  const failed = (err) => showFatal(`Could not load your appliances: ${err.detail ?? err}`);
  loadAll().catch(failed);
  connectLive({
    onUpdate,
    onStatus: showLiveStatus(byId("live-status")),
    // Once the stream follows every device (and after each reconnect), read what it may have
    // missed; updates merge by sequence number, so reading twice does no harm.
    onReady: () =>
      loadAll()
        .then(() => (document.body.dataset.live = "ready"))
        .catch(failed),
  });
  // Remaining times count down between reports.
  setInterval(() => {
    for (const entry of appliances.values()) {
      if (entry.report?.phase === "running") {
        render(entry);
      }
    }
  }, 1000);
}

main().catch((err) => {
  if (err?.status !== 401) {
    showFatal(`The dashboard could not start: ${err.detail ?? err}`);
  }
});
