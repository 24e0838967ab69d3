// What every page shares: the language button, who is signed in, the sign-in panel, and error messages.
import { api } from './api.js?v={{version}}';
import {
  captureLink, devPrincipal, forgetLink, hasLink, isLocalHost, signInForDevelopment, signOutOfDevelopment,
} from './credentials.js?v={{version}}';
import { fill, focusOn, h } from './dom.js?v={{version}}';
import { onLanguageChange, setUpLanguage, t } from './i18n.js?v={{version}}';

/**
 * Sets up the page and asks GET /api/me who is calling. Returns the profile, or null after showing the sign-in
 * panel (or the reason a unit link was refused) in `where`.
 */
export async function start(where) {
  setUpLanguage(document.getElementById('lang'));
  captureLink();
  const linkUsed = hasLink();
  try {
    const { data: me } = await api('/api/me');
    renderAccount(me);
    onLanguageChange(() => renderAccount(me));
    return me;
  } catch (error) {
    if (error.status === 401) {
      // A refused link is of no further use in this tab; the message says why it was refused.
      if (linkUsed) forgetLink();
      const render = () => renderSignIn(where, linkUsed ? error.problem?.detail ?? '' : null);
      render();
      onLanguageChange(render);
      focusOn(where.querySelector('h2'));
    } else {
      showError(where, error, () => location.reload());
    }
    return null;
  }
}

export const isCoordinator = me => me.isCityCoordinator || me.coordinatedDistricts.length > 0;

function renderAccount(me) {
  const account = document.getElementById('account');
  if (!account) return;
  if (me.via === 'link') {
    fill(account, h('span', { text: t('viaLink') }));
    return;
  }
  const signOut = devPrincipal()
    ? h('button', { type: 'button', class: 'link-button', onclick: () => { signOutOfDevelopment(); location.reload(); } }, t('signOut'))
    : h('a', { href: `/.auth/logout?post_logout_redirect_uri=${encodeURIComponent(location.pathname)}` }, t('signOut'));
  fill(account, h('span', { text: t('signedInAs', { who: me.email ?? me.name ?? '' }) }), ' ', signOut);
}

function renderSignIn(where, linkRefusal) {
  const explanation = linkRefusal === null
    ? [h('p', {}, t('needSignIn'))]
    : [h('p', { class: 'message error', role: 'alert' }, t('linkRefused', { detail: linkRefusal })), h('p', {}, t('linkRefusedHelp'))];
  const aad = isLocalHost ? null : h('p', {}, h('a', {
    class: 'button',
    href: `/.auth/login/aad?post_login_redirect_uri=${encodeURIComponent(location.pathname + location.search)}`,
  }, t('signInAad')));
  fill(where, h('section', { class: 'card sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h2', { id: 'sign-in-title' }, t('signInTitle')),
    explanation,
    aad,
    isLocalHost ? developmentSignIn() : null));
}

/** Local runs have no Easy Auth: make the principal it would send, for the email typed here. */
function developmentSignIn() {
  const email = h('input', { id: 'dev-email', type: 'email', required: true, autocomplete: 'email', spellcheck: 'false' });
  const coordinator = h('input', { id: 'dev-coordinator', type: 'checkbox' });
  const form = h('form', { class: 'dev-sign-in', 'aria-labelledby': 'dev-title' },
    h('h3', { id: 'dev-title' }, t('devTitle')),
    h('div', { class: 'field' }, h('label', { for: 'dev-email' }, t('devEmail')), email),
    h('div', { class: 'check' }, coordinator, h('label', { for: 'dev-coordinator' }, t('devCoordinator'))),
    h('button', { type: 'submit', id: 'dev-submit', class: 'primary' }, t('devSubmit')),
    h('p', { class: 'hint' }, t('devNote')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!email.reportValidity()) return;
    signInForDevelopment(email.value.trim(), coordinator.checked);
    location.reload();
  });
  return form;
}

/** The words for a failed call: the server's own detail when it sent one. */
export function errorText(error) {
  if (error.network) return t('networkError');
  return error.problem?.detail ?? t('serverError', { status: error.status, detail: error.message });
}

/** Shows an error in `where`, with a Retry button when `retry` is given. */
export function showError(where, error, retry) {
  fill(where, h('div', { class: 'message error', role: 'alert' },
    h('p', {}, errorText(error)),
    retry ? h('button', { type: 'button', onclick: retry }, t('retry')) : null));
}
