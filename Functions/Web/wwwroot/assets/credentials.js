// What the pages send to prove who is calling: a unit link (header X-Unit-Link, kept for this tab only) or, on a
// developer's machine, a hand-made Easy Auth principal. In Azure, Easy Auth's own cookie does the work.

const LINK_KEY = 'tet.link';
const PRINCIPAL_KEY = 'tet.devPrincipal';

export const isLocalHost = ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);

/** Moves ?t= out of the address bar (and so out of history, bookmarks and screenshots) into this tab's storage. */
export function captureLink() {
  const url = new URL(location.href);
  const token = url.searchParams.get('t');
  if (!token) return false;
  sessionStorage.setItem(LINK_KEY, token);
  url.searchParams.delete('t');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  return true;
}

export const hasLink = () => sessionStorage.getItem(LINK_KEY) !== null;

export const forgetLink = () => sessionStorage.removeItem(LINK_KEY);

export const devPrincipal = () => sessionStorage.getItem(PRINCIPAL_KEY);

/** Builds the X-MS-CLIENT-PRINCIPAL value Easy Auth would send for this email (and role). */
export function signInForDevelopment(email, coordinator) {
  const claims = [
    { typ: 'preferred_username', val: email },
    { typ: 'name', val: email },
  ];
  if (coordinator) claims.push({ typ: 'roles', val: 'coordinator' });
  const json = JSON.stringify({ auth_typ: 'aad', name_typ: 'name', role_typ: 'roles', claims });
  const bytes = new TextEncoder().encode(json);
  sessionStorage.setItem(PRINCIPAL_KEY, btoa(String.fromCharCode(...bytes)));
}

export const signOutOfDevelopment = () => sessionStorage.removeItem(PRINCIPAL_KEY);

export function credentialHeaders() {
  const headers = {};
  const link = sessionStorage.getItem(LINK_KEY);
  const principal = sessionStorage.getItem(PRINCIPAL_KEY);
  if (link) headers['X-Unit-Link'] = link;
  if (principal) headers['X-MS-CLIENT-PRINCIPAL'] = principal;
  return headers;
}
