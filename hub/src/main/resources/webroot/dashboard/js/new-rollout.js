// The form that starts a rollout: a released revision, the channel, the groups as percentages,
// the thresholds, an optional approval between groups and an optional maintenance window.

import { api } from "./api.js";
import { byId, el, setText } from "./dom.js";

/** Fills the revision list and wires the form. */
export async function mountNewRollout() {
  const released = await api("/api/v1/revisions?status=released&limit=100");
  const select = byId("new-revision");
  select.replaceChildren(
    ...released.items.map((r) =>
      el("option", { value: r.id }, `${r.name} ${r.version} · ${r.profiles.join(", ")}`),
    ),
  );
  byId("no-released").hidden = released.items.length > 0;
  byId("new-submit").disabled = released.items.length === 0;
  byId("new-rollout").addEventListener("submit", (e) => {
    e.preventDefault();
    submit();
  });
}

/** The plan as the API takes it, or a message saying what is wrong with the form. */
function plan() {
  const percents = byId("new-groups")
    .value.split(/[\s,]+/)
    .filter((t) => t.length > 0)
    .map(Number);
  if (percents.length === 0 || percents.some((p) => !Number.isInteger(p) || p < 1 || p > 100)) {
    return { problem: "Groups must be whole percentages from 1 to 100, e.g. 10, 50, 100." };
  }
  const approval = byId("new-approval").checked;
  const body = {
    revisionId: byId("new-revision").value,
    channel: byId("new-channel").value,
    groups: percents.map((p, i) => (approval && i > 0 ? { percent: p, approval } : { percent: p })),
    successThreshold: Number(byId("new-success").value),
    errorThreshold: Number(byId("new-error").value),
  };
  const start = byId("new-window-start").value;
  const end = byId("new-window-end").value;
  if (start || end) {
    if (!start || !end) {
      return { problem: "A maintenance window needs both its start and its end." };
    }
    body.window = { start, end };
  }
  return { body };
}

async function submit() {
  const status = byId("new-status");
  const { body, problem } = plan();
  if (problem) {
    status.dataset.state = "invalid";
    setText(status, problem);
    return;
  }
  status.dataset.state = "sending";
  setText(status, "Starting…");
  try {
    const created = await api("/api/v1/rollouts", { method: "POST", body });
    location.assign(`/dashboard/rollout.html?id=${encodeURIComponent(created.id)}`);
  } catch (err) {
    status.dataset.state = "failed";
    const fields = (err.errors ?? []).map((f) => `${f.pointer}: ${f.detail}`).join("; ");
    setText(status, `Not started: ${err.detail}${fields ? ` (${fields})` : ""}`);
  }
}
