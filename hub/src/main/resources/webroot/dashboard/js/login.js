// The login page: e-mail and password to a session cookie, then back where the owner came from.

import { api, safeNext } from "./api.js";
import { byId, setText } from "./dom.js";

const form = byId("login-form");
const error = byId("login-error");
const button = byId("login-button");
const next = safeNext(new URLSearchParams(location.search).get("next"));

function showError(text) {
  error.hidden = false;
  setText(error, text);
}

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const email = byId("email").value.trim();
  const password = byId("password").value;
  if (!email || !password) {
    showError("Enter your e-mail address and your password.");
    (email ? byId("password") : byId("email")).focus();
    return;
  }
  button.disabled = true;
  setText(button, "Logging in…");
  try {
    await api("/api/v1/auth/login", {
      method: "POST",
      body: { email, password },
      allowUnauthorized: true,
    });
    location.assign(next);
  } catch (err) {
    if (err.status === 401) {
      showError("The e-mail address or the password is wrong.");
    } else if (err.status === 429) {
      const wait = err.retryAfter ? ` Try again in ${err.retryAfter} seconds.` : "";
      showError(`Too many attempts.${wait}`);
    } else {
      showError(err.detail || "Logging in failed. Try again.");
    }
    byId("password").select();
    byId("password").focus();
  } finally {
    button.disabled = false;
    setText(button, "Log in");
  }
});

// Already logged in (e.g. a bookmarked login page): go straight on.
api("/api/v1/me", { allowUnauthorized: true }).then(
  () => location.replace(next),
  () => byId("email").focus(),
);
