// The hub's REST API as the dashboard uses it: JSON in and out, the session cookie the login set,
// and RFC 9457 problem documents turned into ApiError.

export const LOGIN_PAGE = "/dashboard/login.html";
export const HOME_PAGE = "/dashboard/";

/** A refused or failed request: the HTTP status and the problem document's fields. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `the hub answered ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.type = problem?.type ?? null;
    this.detail = problem?.detail ?? this.message;
    this.errors = problem?.errors ?? [];
    this.retryAfter = retryAfter == null ? null : Number(retryAfter);
  }

  /** The problem's slug, e.g. "not-found". */
  get slug() {
    return this.type?.startsWith("urn:hearth:problem:")
      ? this.type.substring("urn:hearth:problem:".length)
      : null;
  }
}

/**
 * Calls the API. On 401 the browser goes to the login page (unless `allowUnauthorized`), coming
 * back here afterwards.
 */
export async function api(path, { method = "GET", body, allowUnauthorized = false } = {}) {
  const headers = { Accept: "application/json" };
  let payload;
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: payload,
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, {
      title: "No answer",
      detail: "The hub did not answer. Check the network connection and try again.",
    });
  }
  if (response.status === 204) {
    return null;
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new ApiError(response.status, json, response.headers.get("Retry-After"));
    if (response.status === 401 && !allowUnauthorized) {
      toLogin();
    }
    throw error;
  }
  return json;
}

/** Every item of a paginated list, following `next` cursors. */
export async function allItems(path, limit = 200) {
  const items = [];
  let cursor = null;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const page = await api(
      `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}

/** The path of a device's resource, its id escaped. */
export function devicePath(deviceId, rest = "") {
  return `/api/v1/devices/${encodeURIComponent(deviceId)}${rest}`;
}

/** Sends the browser to the login page, to come back to where it is now. */
export function toLogin() {
  const here = location.pathname + location.search;
  location.assign(`${LOGIN_PAGE}?next=${encodeURIComponent(here)}`);
}

/** Where to go after logging in: a dashboard page only, never another site. */
export function safeNext(value) {
  if (typeof value === "string" && /^\/dashboard\/[A-Za-z0-9._\-/?=&%]*$/.test(value)) {
    if (!value.startsWith("//") && !value.startsWith(LOGIN_PAGE)) {
      return value;
    }
  }
  return HOME_PAGE;
}

/** Ends the session and goes to the login page. */
export async function logout() {
  try {
    await api("/api/v1/auth/logout", { method: "POST", allowUnauthorized: true });
  } finally {
    location.assign(LOGIN_PAGE);
  }
}
