// Calls the app's API with the caller's credentials, in the language of the screen (Accept-Language: vi unless the
// reader switched the page to English), so a problem's detail reads like the page around it. Every page script
// calls the API through here. Failures become ApiError: status 0 means the network failed (nothing reached the
// server, or no answer came back); otherwise the problem+json body is kept.
import { credentialHeaders } from './credentials.js?v={{version}}';
import { currentLanguage } from './i18n.js?v={{version}}';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? (status === 0 ? 'network' : `HTTP ${status}`));
    this.status = status;
    this.problem = problem;
  }

  get network() { return this.status === 0; }

  get errors() { return this.problem?.errors ?? {}; }
}

/**
 * api('/api/me') → { status, etag, data, response }.
 * body: an object (sent as JSON) or { bytes, type } (sent as is, e.g. a CSV file); as: 'json' or 'blob'.
 */
export async function api(path, { method = 'GET', body, headers = {}, as = 'json' } = {}) {
  const init = { method, headers: { 'Accept-Language': currentLanguage(), ...credentialHeaders(), ...headers }, cache: 'no-store' };
  if (body?.bytes !== undefined) {
    init.body = body.bytes;
    init.headers['Content-Type'] = body.type;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }

  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, null);
  }

  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON: keep the status */ }
    throw new ApiError(response.status, problem);
  }

  let data = null;
  try {
    data = response.status === 204 ? null : as === 'blob' ? await response.blob() : await response.json();
  } catch {
    throw new ApiError(0, null);
  }

  return { status: response.status, etag: response.headers.get('ETag'), data, response };
}
