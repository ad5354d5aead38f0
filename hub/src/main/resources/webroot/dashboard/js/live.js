// The hub's live stream (server-sent events at /api/v1/live) for the owner's devices.

import { api } from "./api.js";

const KINDS = ["state", "telemetry", "event", "alert", "presence", "command", "device"];
const RETRY_MS = 5000;

/**
 * Opens the stream. `onUpdate({kind, deviceId, data})` gets every update; `onReady(again)` is
 * called once the stream follows every device (`again` after a reconnect: re-read what may have
 * been missed); `onStatus("connecting" | "live" | "reconnecting" | "offline")` tells the user.
 */
export function connectLive({ onUpdate, onReady = () => {}, onStatus = () => {} }) {
  let source = null;
  let readyBefore = false;
  let retry = null;
  let closed = false;

  function open() {
    onStatus("connecting");
    source = new EventSource("/api/v1/live");
    for (const kind of KINDS) {
      source.addEventListener(kind, (e) => {
        let message;
        try {
          message = JSON.parse(e.data);
        } catch {
          return;
        }
        if (message && typeof message.deviceId === "string") {
          onUpdate({ kind, deviceId: message.deviceId, data: message.data ?? {} });
        }
      });
    }
    source.addEventListener("ready", () => {
      onStatus("live");
      const again = readyBefore;
      readyBefore = true;
      onReady(again);
    });
    source.addEventListener("error", () => {
      if (closed) {
        return;
      }
      if (source.readyState === EventSource.CLOSED) {
        // Refused (logged out, too many tabs) rather than dropped: find out which, then retry.
        onStatus("offline");
        api("/api/v1/me").then(
          () => schedule(),
          () => schedule(),
        );
      } else {
        onStatus("reconnecting");
      }
    });
  }

  function schedule() {
    if (!closed && retry === null) {
      retry = setTimeout(() => {
        retry = null;
        open();
      }, RETRY_MS);
    }
  }

  open();
  return {
    close() {
      closed = true;
      clearTimeout(retry);
      source?.close();
    },
  };
}

/** Shows the stream's state in `element` (a role="status" region). */
export function showLiveStatus(element) {
  const words = {
    connecting: "Connecting…",
    live: "Live",
    reconnecting: "Reconnecting…",
    offline: "Not live; retrying",
  };
  return (status) => {
    element.dataset.state = status;
    element.textContent = words[status] ?? status;
  };
}
