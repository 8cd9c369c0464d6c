/* global fetch, URLSearchParams */
/** Small JSON client of the stationkeeper API: errors carry the server's message (400s name the parameter). */

export class ApiError extends Error {
  constructor(status, body) {
    super(body && typeof body.message === 'string' ? body.message : `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

/** GET `path` with `params` (undefined/empty values left out); resolves to the parsed JSON. */
export async function getJson(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  const url = query.size > 0 ? `${path}?${query}` : path;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  let body;
  try {
    body = await res.json();
  } catch {
    body = null; // not JSON (e.g. a proxy's error page)
  }
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

/** Shows the first warning of any response (e.g. the stale bundled sample) in the page banner, once per text. */
const shown = new Set();
export function showWarnings(banner, warnings) {
  for (const w of warnings ?? []) {
    if (!w.startsWith('WARNING') || shown.has(w)) continue;
    shown.add(w);
    banner.textContent = w.replace(/^WARNING: /, '⚠ ');
    banner.hidden = false;
  }
}

/** The page's one read of the wall clock (the app edge; the library never reads it). */
export const wallClock = () => new Date(Date.now());
