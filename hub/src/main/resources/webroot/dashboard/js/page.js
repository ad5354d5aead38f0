// What every signed-in page shares: who is logged in, the logout button, the live indicator.

import { api, logout } from "./api.js";
import { byId, setText } from "./dom.js";

/** Loads the owner (going to the login page without a session) and wires the top bar. */
export async function signedIn() {
  const me = await api("/api/v1/me");
  setText(byId("who"), me.displayName || me.email);
  const staff = byId("staff-nav");
  if (staff) {
    const roles = me.roles ?? [];
    staff.hidden = !(roles.includes("maintainer") || roles.includes("admin"));
  }
  byId("logout").addEventListener("click", () => logout());
  return me;
}

/** Shows a failure that stops the page in its main alert region. */
export function showFatal(message) {
  const box = byId("page-error");
  if (box) {
    box.hidden = false;
    setText(box, message);
  }
}
