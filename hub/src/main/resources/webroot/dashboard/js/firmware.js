// The firmware part of an appliance's page: the released revisions that fit it (review status,
// changelog, which one is installed), an Install button for the others, and its update history.

import { api, devicePath } from "./api.js";
import { byId, el, setText } from "./dom.js";
import * as fmt from "./format.js";

const HISTORY_LIMIT = 10;

/** States after which a device's update is over. */
const FINAL = new Set(["committed", "rolled-back", "failed", "excluded"]);

export class FirmwarePanel {
  constructor(deviceId) {
    this.deviceId = deviceId;
    this.revisions = [];
    this.history = [];
    this.installing = null;
  }

  /**
   * Reads the revisions and the history again. A hub that cannot list them (no catalog) leaves a
   * note; the rest of the page works on.
   */
  async refresh() {
    try {
      const [available, history] = await Promise.all([
        api(devicePath(this.deviceId, "/revisions")),
        api(devicePath(this.deviceId, `/updates?limit=${HISTORY_LIMIT}`)),
      ]);
      this.revisions = available.items;
      this.history = history.items;
      this.render();
    } catch (err) {
      const status = byId("install-status");
      status.dataset.state = "unavailable";
      setText(status, `Firmware cannot be listed now: ${err.detail ?? err.message}`);
    }
  }

  /** A live event of this device: update progress moves the panel on. */
  onEvent(event) {
    if (event.type !== "update-progress") {
      return;
    }
    const state = event.data?.state;
    if (this.installing && event.data?.offerId === this.installing.offerId) {
      this.installing.state = state;
      this.installing.reason = event.data?.reason ?? null;
      this.renderInstallStatus();
    }
    if (FINAL.has(state)) {
      this.refresh();
    }
  }

  render() {
    const list = byId("revisions");
    list.replaceChildren(...this.revisions.map((r) => this.revisionItem(r)));
    byId("no-revisions").hidden = this.revisions.length > 0;
    const history = byId("update-history");
    history.replaceChildren(...this.history.map((u) => historyItem(u)));
    byId("no-updates").hidden = this.history.length > 0;
  }

  revisionItem(r) {
    const channels = (r.releases ?? []).map((x) => x.channel).join(", ");
    const item = el(
      "li",
      { dataset: { revisionId: r.id, installed: String(r.installed) } },
      el("strong", {}, `${r.name} ${r.version}`),
      ` · ${channels}`,
      el("span", { class: "note" }, ` · ${review(r.reviews ?? [])}`),
      el("p", { class: "changelog" }, r.changelog ?? ""),
    );
    if (r.installed) {
      item.append(el("span", { class: "badge", dataset: { installed: "true" } }, "Installed"));
    } else {
      const button = el("button", { type: "button", class: "install" }, `Install ${r.version}`);
      button.disabled = this.installing != null && !FINAL.has(this.installing.state);
      button.addEventListener("click", () => this.install(r));
      item.append(button);
    }
    return item;
  }

  async install(r) {
    const status = byId("install-status");
    status.dataset.state = "sending";
    setText(status, `Offering ${r.name} ${r.version} to the appliance…`);
    try {
      const receipt = await api(devicePath(this.deviceId, "/installs"), {
        method: "POST",
        body: { revisionId: r.id },
      });
      this.installing = { offerId: receipt.offerId, version: r.version, state: "offered" };
      this.renderInstallStatus();
      this.render();
    } catch (err) {
      status.dataset.state = "failed";
      setText(status, `Not installed: ${err.detail}`);
    }
  }

  renderInstallStatus() {
    const i = this.installing;
    const status = byId("install-status");
    status.dataset.state = i.state;
    const why = i.reason ? ` (${i.reason})` : "";
    setText(status, `Update to ${i.version}: ${i.state}${why}`);
  }
}

function review(reviews) {
  if (!reviews.length) {
    return "not reviewed";
  }
  const r = reviews[0];
  const n = r.approvals?.length ?? 0;
  return r.met ? `approved by ${n} of ${r.threshold} maintainers` : `${n} of ${r.threshold} approvals`;
}

function historyItem(u) {
  const reason = u.reason ? ` · ${u.reason}` : "";
  const from = u.from ? ` from ${u.from}` : "";
  return el(
    "li",
    { dataset: { state: u.state } },
    `${u.release.name} ${u.release.version}${from}: ${u.state}${reason}`,
    el("span", { class: "note" }, ` · ${fmt.dateTime(u.joinedAt)}`),
  );
}
