// api.js is the pages' one way to call Dateline's JSON API. It builds query
// strings from plain objects (arrays become repeated parameters, empty
// values are left out) and turns the API's error bodies,
// {"error":{"code":…,"message":…}}, into ApiError so that a page can show
// the server's own message instead of a bare status code.

/** ApiError is a failed API call, carrying the server's code and message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** query builds a query string from an object, skipping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    for (const x of Array.isArray(v) ? v : [v]) {
      if (x !== undefined && x !== null && x !== '') q.append(k, String(x));
    }
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/**
 * api GETs /api/v1/<path> with params and returns the decoded JSON. It
 * throws ApiError for an error answer and for a network failure, so callers
 * have one kind of error to show. signal (optional) cancels the request.
 */
export async function api(path, params, signal) {
  const url = '/api/v1/' + path + query(params);
  let res;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The server could not be reached (' + err.message + ').');
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(res.status, 'bad_response', `The server answered ${res.status} without JSON.`);
  }
  if (!res.ok) {
    const e = (body && body.error) || {};
    throw new ApiError(res.status, e.code || 'error', e.message || `The server answered ${res.status}.`);
  }
  return body;
}

/**
 * post sends body as JSON to /api/v1/<path> with the server's token and
 * returns the decoded answer; errors are ApiError, as for api.
 */
export async function post(path, body, token) {
  let res;
  try {
    res = await fetch('/api/v1/' + path, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
      body: JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, 'network', 'The server could not be reached (' + err.message + ').');
  }
  let out = null;
  try {
    out = await res.json();
  } catch {
    throw new ApiError(res.status, 'bad_response', `The server answered ${res.status} without JSON.`);
  }
  if (!res.ok) {
    const e = (out && out.error) || {};
    throw new ApiError(res.status, e.code || 'error', e.message || `The server answered ${res.status}.`);
  }
  return out;
}
