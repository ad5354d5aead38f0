// Rollouts for maintainers and admins: with ?id=, one rollout's per-group and per-state counts,
// kept live from the hub's stream (event: rollout), why it paused, and its actions; without, the
// list of rollouts.

import { ApiError, api } from "./api.js";
import { byId, el, setText } from "./dom.js";
import * as fmt from "./format.js";
import { showLiveStatus } from "./live.js";
import { showFatal, signedIn } from "./page.js";
import { mountNewRollout } from "./new-rollout.js";

const STATES = [
  "pending",
  "offered",
  "downloading",
  "verifying",
  "waiting-for-idle",
  "installing",
  "rebooting",
  "health-check",
  "committed",
  "rolled-back",
  "failed",
  "excluded",
];

const STATE_NAMES = {
  pending: "Pending",
  offered: "Offered",
  downloading: "Downloading",
  verifying: "Verifying",
  "waiting-for-idle": "Waiting for idle",
  installing: "Installing",
  rebooting: "Rebooting",
  "health-check": "Health check",
  committed: "Committed",
  "rolled-back": "Rolled back",
  failed: "Failed",
  excluded: "Excluded",
};

/** The states between offered and final: shown together as "Updating" per group. */
const UPDATING = [
  "downloading",
  "verifying",
  "waiting-for-idle",
  "installing",
  "rebooting",
  "health-check",
];

const STATUS_NAMES = {
  running: "Running",
  "awaiting-approval": "Awaiting approval",
  paused: "Paused",
  completed: "Completed",
  cancelled: "Cancelled",
};

const ACTION_DONE = {
  approve: "Approved: the next group opens.",
  pause: "Paused: no more offers until it is resumed.",
  resume: "Resumed.",
  cancel: "Cancelled.",
};

const RETRY_MS = 5000;
const FAILURE_LIMIT = 20;

const rolloutId = new URLSearchParams(location.search).get("id") ?? "";

let current = null;
let failureKey = null;
let acting = false;

function rolloutPath(id, rest = "") {
  return `/api/v1/rollouts/${encodeURIComponent(id)}${rest}`;
}

function count(counts, state) {
  return counts?.[state] ?? 0;
}

function groupName(group) {
  const size = group.percent != null ? `up to ${group.percent} %` : `${group.size} devices`;
  return `${group.index + 1} · ${size}${group.approval ? " · approval" : ""}`;
}

// ---- one rollout ----

function render(r) {
  current = r;
  document.body.dataset.status = r.status;
  setText(byId("title"), `${r.release.name} ${r.release.version}`);
  const status = byId("status");
  status.dataset.status = r.status;
  setText(status, STATUS_NAMES[r.status] ?? r.status);
  setText(
    byId("summary"),
    `${r.release.kind} for ${r.release.profiles.join(", ")} · ${r.channel} channel · ` +
      `${r.members} devices · created ${fmt.dateTime(r.createdAt)}`,
  );
  renderReason(r);
  renderTotals(r);
  renderGroups(r);
  renderActions();
  const failures = count(r.counts, "failed") + count(r.counts, "rolled-back");
  const key = `${failures}`;
  if (key !== failureKey) {
    failureKey = key;
    loadFailures().catch(() => {});
  }
}

function renderReason(r) {
  const box = byId("reason");
  if (!r.reason) {
    box.hidden = true;
    box.dataset.code = "";
    setText(box, "");
    return;
  }
  box.hidden = false;
  box.dataset.code = r.reason.code;
  const lead = {
    "error-threshold": "Paused by the error threshold: ",
    "paused-by-hand": "Paused: ",
    "awaiting-approval": "Waiting for approval: ",
    cancelled: "Cancelled: ",
  }[r.reason.code];
  setText(box, `${lead ?? ""}${r.reason.detail}`);
}

function renderTotals(r) {
  const list = byId("totals");
  if (list.children.length === 0) {
    for (const state of STATES) {
      list.append(
        el(
          "li",
          { dataset: { state } },
          el("span", {}, STATE_NAMES[state]),
          el("span", { class: "count", dataset: { count: state } }, "0"),
        ),
      );
    }
  }
  for (const state of STATES) {
    const value = String(count(r.counts, state));
    const counter = list.querySelector(`[data-count="${state}"]`);
    counter.dataset.value = value;
    setText(counter, value);
  }
}

function cell(name, value) {
  return el("td", { dataset: { count: name, value: String(value) } }, String(value));
}

function renderGroups(r) {
  const rows = r.groups.map((g) => {
    const updating = UPDATING.reduce((sum, s) => sum + count(g.counts, s), 0);
    const committed = count(g.counts, "committed");
    const bar = el("progress", {
      max: String(Math.max(1, g.members)),
      value: String(committed),
      "aria-label": `Group ${g.index + 1}: ${committed} of ${g.members} committed`,
    });
    return el(
      "tr",
      {
        dataset: {
          group: String(g.index),
          open: String(g.open),
          current: String(g.index === r.currentGroup),
        },
      },
      el("td", {}, groupName(g), g.open ? null : el("span", { class: "note" }, " (closed)")),
      cell("members", g.members),
      cell("pending", count(g.counts, "pending")),
      cell("offered", count(g.counts, "offered")),
      cell("updating", updating),
      cell("committed", committed),
      cell("rolled-back", count(g.counts, "rolled-back")),
      cell("failed", count(g.counts, "failed")),
      el("td", {}, bar),
    );
  });
  byId("groups").replaceChildren(...rows);
  const window = r.window
    ? ` Offers go out between ${r.window.start} and ${r.window.end} in each owner's time zone.`
    : "";
  setText(
    byId("thresholds"),
    `A group advances once ${r.successThreshold} % of its devices committed; more than ` +
      `${r.errorThreshold} % failed or rolled back in any group pauses the rollout.${window}`,
  );
}

function renderActions() {
  const s = current?.status;
  byId("approve").disabled = acting || s !== "awaiting-approval";
  byId("pause").disabled = acting || !(s === "running" || s === "awaiting-approval");
  byId("resume").disabled = acting || s !== "paused";
  const active = s === "running" || s === "awaiting-approval" || s === "paused";
  byId("cancel").disabled = acting || !active;
  if (!active) {
    byId("cancel-confirm").hidden = true;
  }
}

async function act(action) {
  const status = byId("action-status");
  acting = true;
  renderActions();
  status.dataset.status = "sending";
  setText(status, "Sending…");
  try {
    render(await api(rolloutPath(rolloutId, `/${action}`), { method: "POST", body: {} }));
    status.dataset.status = "ok";
    setText(status, ACTION_DONE[action]);
  } catch (err) {
    status.dataset.status = "failed";
    setText(status, err.detail ?? String(err));
  } finally {
    acting = false;
    renderActions();
  }
}

async function loadFailures() {
  const list = byId("failures");
  const [failed, rolledBack] = await Promise.all([
    api(rolloutPath(rolloutId, `/devices?state=failed&limit=${FAILURE_LIMIT}`)),
    api(rolloutPath(rolloutId, `/devices?state=rolled-back&limit=${FAILURE_LIMIT}`)),
  ]);
  const items = [...failed.items, ...rolledBack.items].sort((a, b) =>
    String(b.updatedAt).localeCompare(String(a.updatedAt)),
  );
  list.replaceChildren(
    ...items.map((d) =>
      el(
        "li",
        { dataset: { deviceId: d.deviceId, state: d.state } },
        el("strong", {}, d.deviceId),
        ` ${STATE_NAMES[d.state] ?? d.state}: ${d.reason ?? "no reason given"}`,
        d.detail ? el("span", { class: "meta" }, d.detail) : null,
      ),
    ),
  );
  byId("no-failures").hidden = items.length > 0;
}

async function loadRollout() {
  render(await api(rolloutPath(rolloutId)));
}

// ---- the list ----

function rolloutCard(r) {
  const committed = count(r.counts, "committed");
  const failures = count(r.counts, "failed") + count(r.counts, "rolled-back");
  const fact = (label, value) => el("div", {}, el("dt", {}, label), el("dd", {}, value));
  return el(
    "li",
    { class: "card rollout-card", dataset: { rolloutId: r.id } },
    el(
      "div",
      { class: "card-head" },
      el(
        "h2",
        {},
        el(
          "a",
          { href: `/dashboard/rollout.html?id=${encodeURIComponent(r.id)}` },
          `${r.release.name} ${r.release.version}`,
        ),
      ),
      el(
        "span",
        { class: "badge rollout-status", dataset: { status: r.status } },
        STATUS_NAMES[r.status] ?? r.status,
      ),
    ),
    el("p", { class: "profile" }, `${r.channel} · ${r.release.profiles.join(", ")} · ${r.id}`),
    el(
      "dl",
      { class: "facts" },
      fact("Devices", String(r.members)),
      fact("Committed", String(committed)),
      fact("Failed", String(failures)),
      fact("Group", `${r.currentGroup + 1} of ${r.groups.length}`),
    ),
  );
}

async function loadList() {
  const page = await api("/api/v1/rollouts?limit=50");
  byId("rollout-list").replaceChildren(...page.items.map(rolloutCard));
  byId("no-rollouts").hidden = page.items.length > 0;
}

function updateCard(r) {
  const old = byId("rollout-list").querySelector(`[data-rollout-id="${CSS.escape(r.id)}"]`);
  if (old) {
    old.replaceWith(rolloutCard(r));
  } else {
    loadList().catch(() => {});
  }
}

// ---- live ----

/**
 * Follows the hub's live stream for `event: rollout` (sent to maintainers and admins); `onReady`
 * runs each time the stream is (re)established, to re-read what may have been missed.
 */
function follow(onRollout, onReady) {
  const showStatus = showLiveStatus(byId("live-status"));
  let source = null;
  function open() {
    showStatus("connecting");
    source = new EventSource("/api/v1/live");
    source.addEventListener("rollout", (e) => {
      let message;
      try {
        message = JSON.parse(e.data);
      } catch {
        return;
      }
      if (message && typeof message.rolloutId === "string" && message.data) {
        onRollout(message.rolloutId, message.data);
      }
    });
    source.addEventListener("ready", () => {
      showStatus("live");
      onReady();
    });
    source.addEventListener("error", () => {
      if (source.readyState === EventSource.CLOSED) {
        showStatus("offline");
        setTimeout(open, RETRY_MS);
      } else {
        showStatus("reconnecting");
      }
    });
  }
  open();
}

// ---- start ----

async function main() {
  const me = await signedIn();
  const roles = me.roles ?? [];
  if (!roles.includes("maintainer") && !roles.includes("admin")) {
    showFatal("Rollouts are managed by maintainers and admins; your account is neither.");
    return;
  }
  const failed = (err) => showFatal(`Could not load: ${err.detail ?? err}`);
  if (!rolloutId) {
    byId("rollouts").hidden = false;
    await Promise.all([loadList(), mountNewRollout()]).catch(failed);
    follow(
      (id, data) => updateCard(data),
      () =>
        loadList()
          .then(() => (document.body.dataset.live = "ready"))
          .catch(failed),
    );
    return;
  }
  if (!/^[A-Za-z0-9._:-]{1,64}$/.test(rolloutId)) {
    showFatal("That is not a rollout id. Pick a rollout from the list.");
    return;
  }
  try {
    await loadRollout();
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      showFatal("There is no rollout with this id.");
      return;
    }
    throw err;
  }
  byId("rollout").hidden = false;
  for (const action of ["approve", "pause", "resume"]) {
    byId(action).addEventListener("click", () => act(action));
  }
  byId("cancel").addEventListener("click", () => {
    byId("cancel-confirm").hidden = false;
    byId("cancel-yes").focus();
  });
  byId("cancel-no").addEventListener("click", () => {
    byId("cancel-confirm").hidden = true;
    byId("cancel").focus();
  });
  byId("cancel-yes").addEventListener("click", () => {
    byId("cancel-confirm").hidden = true;
    act("cancel");
  });
  follow(
    (id, data) => {
      if (id === rolloutId) {
        render(data);
      }
    },
    () =>
      loadRollout()
        .then(() => (document.body.dataset.live = "ready"))
        .catch(failed),
  );
}

main().catch((err) => {
  if (err?.status !== 401) {
    showFatal(`The page could not start: ${err.detail ?? err}`);
  }
});
