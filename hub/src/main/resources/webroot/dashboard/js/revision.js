// Firmware revisions for maintainers: with ?id=, one revision as a reviewer needs it (changelog,
// the profile's quorum and who signed, every simulator run, the program diff against the previous
// release) and, once approved, its release to a channel; without, the list, newest first.

import { ApiError, api } from "./api.js";
import { byId, el, setText } from "./dom.js";
import { showFatal, signedIn } from "./page.js";

const revisionId = new URLSearchParams(location.search).get("id") ?? "";

function revisionPath(id, rest = "") {
  return `/api/v1/revisions/${encodeURIComponent(id)}${rest}`;
}

// ---- the list ----

async function showList() {
  const page = await api("/api/v1/revisions?limit=100");
  byId("revision-list").replaceChildren(
    ...page.items.map((r) =>
      el(
        "li",
        { dataset: { revisionId: r.id, status: r.status } },
        el("a", { href: `/dashboard/revision.html?id=${encodeURIComponent(r.id)}` }, `${r.name} ${r.version}`),
        ` · ${r.kind} · ${r.profiles.join(", ")} · ${r.status}`,
      ),
    ),
  );
  byId("no-revisions").hidden = page.items.length > 0;
  byId("revisions").hidden = false;
}

// ---- one revision ----

function render(r) {
  setText(byId("title"), `${r.name} ${r.version}`);
  document.title = `${r.name} ${r.version} · Hearth`;
  const status = byId("status");
  status.dataset.status = r.status;
  setText(status, r.status);
  setText(
    byId("facts"),
    `${r.kind} for ${r.profiles.join(", ")} · ${r.artifact.size} bytes · SHA-256 ${r.artifact.sha256.substring(0, 12)}…`,
  );
  setText(byId("changelog"), r.changelog ?? "");
  byId("reviews").replaceChildren(
    ...r.reviews.map((v) =>
      el(
        "li",
        { dataset: { profile: v.profile, met: String(v.met) } },
        `${v.profile}: ${v.approvals.length} of ${v.threshold} maintainer approvals` +
          (v.met ? " · quorum met" : ""),
      ),
    ),
  );
  byId("signatures").replaceChildren(
    ...r.signatures.map((s) => el("li", {}, `${s.role} by ${s.holder} (${s.keyid.substring(0, 12)}…)`)),
  );
  setText(byId("approve-command"), `hearth fw approve ${r.id} --hub ${location.origin} --key YOUR.key`);
  byId("release").hidden = !(r.status === "approved" || r.status === "released");
  renderReports(r);
  renderDiff(r.diff);
}

function renderReports(r) {
  setText(
    byId("report-summary"),
    r.reports.length
      ? `${r.reportSummary.passed} of ${r.reportSummary.runs} runs passed (faults included: a run that a fault stops safely passes)`
      : "No simulator runs for this revision.",
  );
  byId("reports").replaceChildren(
    ...r.reports.map((run) =>
      el(
        "tr",
        { dataset: { passed: String(run.passed) } },
        el("td", {}, run.program ?? ""),
        el("td", {}, run.fault?.name ?? "none"),
        el("td", { title: run.summary ?? "" }, `${run.outcome}${run.passed ? "" : " ✗"}`),
        el("td", {}, run.seconds != null ? `${Math.round(run.seconds / 60)} min` : "—"),
        el("td", {}, run.energyWh != null ? `${run.energyWh} Wh` : "—"),
        el("td", {}, run.waterLitres != null ? `${run.waterLitres} L` : "—"),
      ),
    ),
  );
}

function renderDiff(diff) {
  const box = byId("diff");
  if (!diff) {
    setText(byId("diff-base"), "Not a program bundle: no program diff.");
    box.replaceChildren();
    return;
  }
  setText(
    byId("diff-base"),
    diff.previousRevisionId
      ? `Against the previous release, ${diff.previousVersion}.`
      : diff.previousVersion
        ? `The first release of this line, against what the agent ships (${diff.previousVersion}).`
        : "The first release of this line: every file is new.",
  );
  box.replaceChildren(
    ...diff.files.map((f) =>
      el(
        "details",
        { dataset: { path: f.path } },
        el("summary", {}, `${f.path} (${f.change})`),
        el("pre", { class: "diff" }, f.unified ?? ""),
      ),
    ),
  );
}

async function release(channel) {
  const status = byId("release-status");
  status.dataset.state = "sending";
  setText(status, `Releasing to ${channel}…`);
  try {
    await api(revisionPath(revisionId, "/releases"), { method: "POST", body: { channel } });
    status.dataset.state = "released";
    setText(status, `Released to ${channel}.`);
    render(await api(revisionPath(revisionId)));
  } catch (err) {
    status.dataset.state = "failed";
    setText(status, `Not released: ${err.detail}`);
  }
}

async function main() {
  await signedIn();
  if (!revisionId) {
    await showList();
    document.body.dataset.live = "ready";
    return;
  }
  if (!/^[A-Za-z0-9._:-]{1,64}$/.test(revisionId)) {
    showFatal("That is not a revision id. Pick one from the list.");
    return;
  }
  let r;
  try {
    r = await api(revisionPath(revisionId));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      showFatal("There is no revision with this id.");
      return;
    }
    throw err;
  }
  render(r);
  byId("revision").hidden = false;
  byId("release-stable").addEventListener("click", () => release("stable"));
  byId("release-beta").addEventListener("click", () => release("beta"));
  document.body.dataset.live = "ready";
}

main().catch((err) => showFatal(`Could not load: ${err.detail ?? err.message ?? err}`));
