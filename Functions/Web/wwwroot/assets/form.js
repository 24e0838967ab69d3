// The officer form: opened from a unit link (/form?t=…) or by a signed-in officer. Answers, difficulties and
// proposals are kept as a draft on the device until the report is submitted, so a reload, a closed tab or a dropped
// connection loses nothing. A report a coordinator returned opens with the comment and marks what changed since; an
// accepted one opens read-only with its receipt and a way to ask for it to be reopened.
import { api } from './api.js?v={{version}}';
import { $, $$, fill, focusOn, h } from './dom.js?v={{version}}';
import { daysUntil, formatDateTime, percent, readinessOf, textLength } from './format.js?v={{version}}';
import { onLanguageChange, t } from './i18n.js?v={{version}}';
import { errorText, isCoordinator, start } from './page.js?v={{version}}';
import { receipt, statusLabel } from './receipt.js?v={{version}}';

const STATUSES = ['ready', 'partial', 'not_ready', 'not_applicable'];
const MAX_NOTE = 2000;
const MAX_VOICE = 4000;
const MAX_REASON = 1000;
const VOICES = ['difficulties', 'proposals'];
const SUBMITTER_KEY = 'tet.submitter';
const app = document.getElementById('app');

const state = {
  me: null,
  campaign: null,
  unit: null,
  current: null, // the unit's submission as last read from the server (null: none yet)
  loadedEtag: null, // its ETag
  etag: null, // what the next submit says it replaces (If-Match), or null for a first submission (If-None-Match: *)
  answers: new Map(), // itemId → { status, note }
  voices: { difficulties: '', proposals: '' },
  deadline: null, // the unit's own deadline ({ deadline, campaignDeadline, extended, reason }), or null: the campaign's
  submitter: readStored(SUBMITTER_KEY) ?? { name: '', title: '', phone: '' },
  draft: null, // { savedAt, stale } when a draft was restored
  latest: null, // the newer submission loaded after a conflict
  view: 'form', // form | done | receipt | locked
  reopen: null, // { sending, error, sent } while asking for an accepted report to be reopened
  busy: false,
};
let screen = () => {};

main();

async function main() {
  const me = await start(app);
  if (!me) return;
  state.me = me;
  onLanguageChange(() => screen());
  await choose();
}

function show(render) {
  screen = render;
  render();
}

function message(text, extra = null) {
  show(() => fill(app, h('div', { class: 'card' }, h('p', { class: 'message', role: 'alert' }, text), extra)));
}

async function choose() {
  const me = state.me;
  if (me.via === 'link') {
    if (me.units.length === 0) return message(t('linkRevoked'));
    return open(me.link.campaignId, me.units[0]);
  }

  if (me.units.length === 0) {
    return show(() => fill(app, h('div', { class: 'card' },
      h('p', { class: 'message', role: 'alert' }, t('noUnits', { email: me.email ?? '' })),
      isCoordinator(me) ? h('p', {}, h('a', { href: '/status' }, t('toDashboard'))) : null)));
  }

  let campaigns;
  try {
    campaigns = (await api('/api/campaigns?open=true')).data;
  } catch (error) {
    return message(errorText(error), h('button', { type: 'button', onclick: choose }, t('retry')));
  }
  if (campaigns.length === 0) return message(t('noOpenCampaigns'));

  const params = new URLSearchParams(location.search);
  const campaign = campaigns.find(c => c.campaignId === params.get('c'));
  const unit = me.units.find(u => u.unitId === params.get('u'));
  if (campaign && unit) return open(campaign.campaignId, unit);
  if (campaigns.length === 1 && me.units.length === 1) return open(campaigns[0].campaignId, me.units[0]);
  show(() => renderChooser(campaigns, me.units));
}

function renderChooser(campaigns, units) {
  const campaignSelect = h('select', { id: 'pick-campaign' },
    campaigns.map(c => h('option', { value: c.campaignId }, `${c.title} — ${t('deadline', { date: formatDateTime(c.deadline) })}`)));
  const unitSelect = h('select', { id: 'pick-unit' },
    units.map(u => h('option', { value: u.unitId }, `${u.unitName} — ${u.districtName}`)));
  fill(app, h('form', {
    class: 'card chooser',
    'aria-labelledby': 'choose-title',
    onsubmit: event => {
      event.preventDefault();
      open(campaignSelect.value, units.find(u => u.unitId === unitSelect.value));
    },
  },
  h('h2', { id: 'choose-title' }, t('chooseTitle')),
  h('div', { class: 'field' }, h('label', { for: 'pick-campaign' }, t('campaign')), campaignSelect),
  h('div', { class: 'field' }, h('label', { for: 'pick-unit' }, t('unit')), unitSelect),
  h('button', { type: 'submit' }, t('openForm'))));
}

const submissionPath = () => `/api/campaigns/${state.campaign.campaignId}/units/${state.unit.unitId}/submission`;

async function open(campaignId, unit) {
  show(() => fill(app, h('p', { role: 'status' }, t('loading'))));
  if (state.me.via !== 'link') {
    history.replaceState(history.state, '', `/form?c=${encodeURIComponent(campaignId)}&u=${encodeURIComponent(unit.unitId)}`);
  }

  try {
    const campaign = (await api(`/api/campaigns/${campaignId}`)).data;
    state.campaign = campaign;
    state.unit = unit;
    // The unit's own deadline is a detail: the form works with the campaign's when it cannot be read.
    const [, deadline] = await Promise.all([loadCurrent(), api(`${unitPath()}/deadline`).then(r => r.data).catch(() => null)]);
    state.deadline = deadline;
  } catch (error) {
    return message(errorText(error), h('button', { type: 'button', onclick: () => open(campaignId, unit) }, t('retry')));
  }

  state.answers = answersOf(state.current);
  state.voices = voicesOf(state.current);
  state.etag = state.loadedEtag;
  const draft = readStored(draftKey());
  if (draft) {
    state.answers = new Map(Object.entries(draft.answers ?? {}));
    for (const key of VOICES) state.voices[key] = draft[key] ?? state.voices[key];
    state.etag = draft.etag ?? null;
    state.draft = { savedAt: draft.savedAt, stale: state.etag !== state.loadedEtag };
  }
  if (state.current?.reviewState === 'accepted') return showLocked();
  state.view = 'form';
  show(renderForm);
}

const unitPath = () => `/api/campaigns/${state.campaign.campaignId}/units/${state.unit.unitId}`;

/** The deadline that applies to this unit: its own when a coordinator extended it, else the campaign's. */
const unitDeadline = () => state.deadline?.deadline ?? state.campaign.deadline;

/** Reads the unit's current submission (404: none yet). */
async function loadCurrent() {
  try {
    const { data, etag } = await api(submissionPath());
    state.current = data;
    state.loadedEtag = etag ?? `"r${data.revision}"`;
  } catch (error) {
    if (error.status !== 404) throw error;
    state.current = null;
    state.loadedEtag = null;
  }
}

const answersOf = submission => new Map((submission?.answers ?? []).map(a => [a.itemId, { status: a.status, note: a.note ?? '' }]));

const voicesOf = submission => ({ difficulties: submission?.difficulties ?? '', proposals: submission?.proposals ?? '' });

/** The revision a coordinator returned, when that is what the unit has now: what the officer's changes compare with. */
const returnedRevision = () => (state.current?.reviewState === 'returned' ? state.current : null);

/** Items (by id) and difficulties/proposals whose answer differs from the returned revision. */
function changesSinceReturned() {
  const returned = returnedRevision();
  if (!returned) return [];
  const before = answersOf(returned);
  const changed = [];
  for (const item of state.campaign.sections.flatMap(section => section.items)) {
    const was = before.get(item.id) ?? { status: null, note: '' };
    const now = state.answers.get(item.id) ?? { status: null, note: '' };
    if ((was.status ?? null) !== (now.status ?? null) || (was.note ?? '').trim() !== (now.note ?? '').trim()) changed.push(item.id);
  }
  const voicesBefore = voicesOf(returned);
  for (const key of VOICES) {
    if (voicesBefore[key].trim() !== state.voices[key].trim()) changed.push(key);
  }
  return changed;
}

// ---- drafts and remembered details (localStorage survives reloads and closed tabs) ----

const draftKey = () => `tet.draft.${state.campaign.campaignId}.${state.unit.unitId}`;

function readStored(key) {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

function store(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the form still works, only without a draft.
  }
}

function saveDraft() {
  const savedAt = new Date().toISOString();
  store(draftKey(), { answers: Object.fromEntries(state.answers), ...state.voices, etag: state.etag, savedAt });
  const saved = $('#draft-saved');
  if (saved) saved.textContent = t('draftSaved', { time: formatDateTime(savedAt) });
}

function discardDraft() {
  store(draftKey(), null);
  state.draft = null;
  state.latest = null;
  state.answers = answersOf(state.current);
  state.voices = voicesOf(state.current);
  state.etag = state.loadedEtag;
  renderForm();
  focusOn($('#context-title'));
}

// ---- the form ----

function renderForm() {
  const campaign = state.campaign;
  const now = Date.now();
  const closed = now >= Date.parse(campaign.closesAt);
  const notOpen = now < Date.parse(campaign.opensAt);
  const viaLink = state.me.via === 'link';

  const form = h('form', { id: 'report', novalidate: true, onsubmit: event => { event.preventDefault(); submit(); } },
    returnedNotice(),
    context(closed, notOpen),
    h('div', { id: 'errors' }),
    h('div', { class: 'progress', id: 'progress' },
      h('p', { class: 'progress-text' },
        h('span', {}, `${t('readiness')}: `, h('strong', { id: 'readiness-value' })),
        h('span', { id: 'answered-count' })),
      h('div', { class: 'bar', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill', id: 'readiness-fill' }))),
    h('p', { class: 'hint' }, t('requiredHint')),
    campaign.sections.map((section, s) => h('fieldset', { class: 'section' },
      h('legend', {}, h('h3', {}, `${s + 1}. ${section.title}`)),
      section.items.map((item, i) => itemFieldset(item, `${s + 1}.${i + 1}`)))),
    voicesFieldset(),
    submitterFieldset(viaLink),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'submit', class: 'primary', disabled: closed || notOpen }, t('submit')),
      h('span', { class: 'hint', id: 'draft-saved', 'aria-live': 'off' })),
    h('div', { id: 'outcome', 'aria-live': 'polite' }));
  fill(app, form);
  updateProgress();
  updateChanges();
}

/** A returned report: the coordinator's comment first, then what the officer has changed since (links to each). */
function returnedNotice() {
  const returned = returnedRevision();
  if (!returned) return null;
  return h('section', { class: 'message returned', id: 'returned', 'aria-labelledby': 'returned-title' },
    h('h2', { id: 'returned-title' }, t('returnedTitle')),
    h('p', {}, t('returnedBy', { revision: returned.revision, time: formatDateTime(returned.reviewedAt) })),
    returned.reviewComment ? h('blockquote', { class: 'review-comment', id: 'review-comment' }, returned.reviewComment) : null,
    h('p', {}, t('returnedHelp')),
    h('div', { id: 'changes' }));
}

/** Refreshes the list of changes since the returned revision and each field's "changed" mark. */
function updateChanges() {
  const where = $('#changes');
  if (!where) return;
  const changed = new Set(changesSinceReturned());
  for (const mark of $$('[data-changed-for]')) mark.hidden = !changed.has(mark.dataset.changedFor);
  for (const container of $$('[data-change-key]')) container.classList.toggle('changed', changed.has(container.dataset.changeKey));
  if (changed.size === 0) return fill(where, h('p', { class: 'hint' }, t('changedNone')));
  const links = [...changed].map(key => {
    const container = $(`[data-change-key="${CSS.escape(key)}"]`);
    const target = container?.querySelector('input:checked, input, textarea');
    const label = VOICES.includes(key) ? t(key) : container?.dataset.label ?? key;
    return h('li', {}, h('a', {
      href: target ? `#${target.id}` : '#',
      onclick: event => {
        event.preventDefault();
        target?.focus();
      },
    }, label));
  });
  fill(where, h('p', {}, t('changedCount', { n: changed.size })), h('ul', { class: 'changed-list' }, links));
}

/** "Changed since the returned revision", with what that revision said; hidden while the field matches it. */
function changedMark(key, was) {
  if (!returnedRevision()) return null;
  return h('p', { class: 'changed-mark', 'data-changed-for': key, hidden: true },
    h('span', { class: 'badge changed' }, t('changedBadge')), ' ', was);
}

function voicesFieldset() {
  const returned = returnedRevision();
  const field = key => {
    const id = `voice-${key}`;
    const input = h('textarea', { id, rows: 4, value: state.voices[key], 'aria-describedby': `count-${key} err-${key}` });
    const counter = h('p', { class: 'counter', id: `count-${key}` });
    const count = () => {
      const length = textLength(input.value);
      counter.textContent = t('noteCount', { n: length, max: MAX_VOICE });
      counter.classList.toggle('over', length > MAX_VOICE);
    };
    count();
    input.addEventListener('input', () => {
      state.voices[key] = input.value;
      clearError(key);
      count();
      saveDraft();
      updateChanges();
    });
    const was = returned ? (voicesOf(returned)[key].trim() ? t('returnedText', { text: shorten(voicesOf(returned)[key]) }) : t('returnedEmpty')) : null;
    return h('div', { class: 'field voice', 'data-change-key': key, 'data-label': t(key) },
      h('label', { for: id }, t(key), ' ', h('span', { class: 'hint' }, t('optional'))),
      changedMark(key, was),
      input,
      counter,
      h('p', { class: 'field-error', id: `err-${key}`, hidden: true }));
  };
  return h('fieldset', { class: 'section voices', id: 'voices' },
    h('legend', {}, h('h3', {}, t('voicesTitle'))),
    h('p', { class: 'hint' }, t('voicesHint')),
    VOICES.map(field));
}

const shorten = text => (text.length > 120 ? `${text.slice(0, 120)}…` : text);

function context(closed, notOpen) {
  const campaign = state.campaign;
  const days = daysUntil(unitDeadline());
  const left = days > 0 ? t('daysLeft', { n: days }) : days === 0 ? t('dueToday') : t('overdue', { n: -days });
  const current = state.current;
  const canChoose = state.me.via !== 'link' && (state.me.units.length > 1);
  return h('section', { class: 'card context', 'aria-labelledby': 'context-title' },
    h('p', { class: 'unit-name' }, h('strong', {}, state.unit.unitName), ` · ${state.unit.districtName}`),
    h('h2', { id: 'context-title' }, campaign.title),
    h('p', { class: 'deadline' }, t('deadline', { date: formatDateTime(unitDeadline()) }), ' — ',
      h('span', { class: days < 0 ? 'overdue' : 'days-left' }, left)),
    deadlineNote(),
    closed ? h('p', { class: 'message error' }, t('closed', { date: formatDateTime(campaign.closesAt) })) : null,
    notOpen ? h('p', { class: 'message error' }, t('notOpenYet', { date: formatDateTime(campaign.opensAt) })) : null,
    h('p', { id: 'current' }, current
      ? [t('currentRevision', {
        revision: current.revision,
        time: formatDateTime(current.submittedAt),
        timeliness: current.late ? t('late') : t('onTime'),
        next: current.revision + 1,
      }), ' ', h('button', { type: 'button', class: 'link-button', onclick: () => showReceipt(current) }, t('viewReceipt', { revision: current.revision }))]
      : t('currentNone')),
    state.draft ? h('div', { class: 'message draft', role: 'status' },
      h('p', {}, t('draftRestored', { time: formatDateTime(state.draft.savedAt) })),
      state.draft.stale ? h('p', {}, t('draftStale')) : null,
      h('button', { type: 'button', onclick: discardDraft }, t('discardDraft'))) : null,
    canChoose ? h('p', {}, h('a', { href: '/form?choose=1', onclick: chooseAgain }, t('changeChoice'))) : null);
}

/** An extended deadline says so, with the campaign's own and the reason the coordinator gave. */
function deadlineNote() {
  const own = state.deadline;
  if (!own?.extended) return null;
  return h('p', { class: 'hint', id: 'deadline-extended' },
    t('deadlineExtended', { campaign: formatDateTime(own.campaignDeadline ?? state.campaign.deadline) }),
    own.reason ? ` ${t('reasonIs', { reason: own.reason })}` : '');
}

function chooseAgain(event) {
  event.preventDefault();
  history.replaceState(history.state, '', '/form');
  state.campaign = null;
  choose();
}

function itemFieldset(item, number) {
  const answer = state.answers.get(item.id) ?? { status: null, note: '' };
  const errorId = `err-${item.id}`;
  const latest = state.latest?.answers.find(a => a.itemId === item.id);
  const differs = state.latest && (latest?.status ?? null) !== (answer.status ?? null);
  const note = h('textarea', { id: `note-${item.id}`, rows: 3, value: answer.note ?? '', 'aria-describedby': `count-${item.id}` });
  const counter = h('p', { class: 'counter', id: `count-${item.id}` });
  const countNote = () => {
    counter.textContent = t('noteCount', { n: note.value.length, max: MAX_NOTE });
    counter.classList.toggle('over', note.value.length > MAX_NOTE);
  };
  countNote();
  note.addEventListener('input', () => {
    update(item.id, { note: note.value });
    countNote();
  });

  const returned = returnedRevision()?.answers.find(a => a.itemId === item.id);
  return h('fieldset', { class: `item${differs ? ' differs' : ''}`, id: `item-${item.id}`, 'data-label': `${number} ${item.text}`, 'data-change-key': item.id },
    h('legend', {},
      h('span', { class: 'num' }, number), ' ', item.text,
      item.required ? [' ', h('span', { class: 'req', 'aria-hidden': 'true' }, '*'), h('span', { class: 'visually-hidden' }, ` (${t('required')})`)] : null),
    h('div', { class: 'choices' }, STATUSES.map(status => h('label', { class: `choice choice-${status}` },
      h('input', {
        type: 'radio',
        id: `s-${item.id}-${status}`,
        name: `s-${item.id}`,
        value: status,
        checked: answer.status === status,
        required: item.required,
        onchange: () => update(item.id, { status }),
      }),
      h('span', {}, t(`status.${status}`))))),
    differs ? h('p', { class: 'hint latest' }, t('latestAnswer', { revision: state.latest.revision, status: statusLabel(latest?.status) })) : null,
    changedMark(item.id, t('returnedAnswer', { status: statusLabel(returned?.status) })
      + (returned?.note ? ` — ${t('note').toLowerCase()}: ${shorten(returned.note)}` : '')),
    h('details', { class: 'note', open: Boolean(answer.note) },
      h('summary', {}, t('note')),
      h('label', { for: `note-${item.id}`, class: 'visually-hidden' }, t('noteFor', { num: number })),
      note,
      counter),
    h('p', { class: 'field-error', id: errorId, hidden: true }));
}

function submitterFieldset(required) {
  const field = (key, label, attributes) => {
    const input = h('input', {
      id: `submitter-${key}`,
      value: state.submitter[key] ?? '',
      maxlength: 100,
      required,
      'aria-describedby': `err-submitter-${key}`,
      oninput: event => {
        state.submitter[key] = event.target.value;
        store(SUBMITTER_KEY, state.submitter);
        clearError(`submitter.${key}`);
      },
      ...attributes,
    });
    return h('div', { class: 'field' },
      h('label', { for: `submitter-${key}` }, label, required
        ? [' ', h('span', { class: 'req', 'aria-hidden': 'true' }, '*')]
        : [' ', h('span', { class: 'hint' }, t('optional'))]),
      input,
      h('p', { class: 'field-error', id: `err-submitter-${key}`, hidden: true }));
  };
  return h('fieldset', { class: 'section submitter', id: 'submitter' },
    h('legend', {}, h('h3', {}, t('submitterTitle'))),
    h('p', { class: 'hint' }, t('submitterHint')),
    field('name', t('name'), { autocomplete: 'name' }),
    field('title', t('jobTitle'), { autocomplete: 'organization-title' }),
    field('phone', t('phone'), { type: 'tel', autocomplete: 'tel', inputmode: 'tel' }),
    h('p', { class: 'field-error', id: 'err-submitter', hidden: true }));
}

function update(itemId, change) {
  const answer = { status: null, note: '', ...state.answers.get(itemId), ...change };
  state.answers.set(itemId, answer);
  clearError(`items.${itemId}`);
  saveDraft();
  updateProgress();
  updateChanges();
}

function updateProgress() {
  const items = state.campaign.sections.flatMap(section => section.items);
  const answered = items.filter(item => state.answers.get(item.id)?.status);
  const requiredLeft = items.filter(item => item.required && !state.answers.get(item.id)?.status).length;
  const readiness = readinessOf(answered.map(item => state.answers.get(item.id).status));
  $('#readiness-value').textContent = percent(readiness);
  $('#readiness-fill').style.width = `${Math.round((readiness ?? 0) * 100)}%`;
  $('#answered-count').textContent = t('answered', { n: answered.length, total: items.length })
    + (requiredLeft > 0 ? ` · ${t('requiredLeft', { n: requiredLeft })}` : '');
}

// ---- submitting ----

function requestBody() {
  const answers = [];
  for (const item of state.campaign.sections.flatMap(section => section.items)) {
    const answer = state.answers.get(item.id);
    if (!answer?.status) continue;
    const note = (answer.note ?? '').trim();
    answers.push(note ? { itemId: item.id, status: answer.status, note } : { itemId: item.id, status: answer.status });
  }
  const submitter = Object.fromEntries(['name', 'title', 'phone'].map(key => [key, (state.submitter[key] ?? '').trim()]));
  const hasSubmitter = Object.values(submitter).some(Boolean);
  const voices = Object.fromEntries(VOICES.map(key => [key, state.voices[key].trim() || null]));
  return hasSubmitter || state.me.via === 'link' ? { answers, submitter, ...voices } : { answers, ...voices };
}

/** What the form can tell before asking the server: required items without an answer, notes without a status. */
function localErrors() {
  const errors = {};
  for (const item of state.campaign.sections.flatMap(section => section.items)) {
    const answer = state.answers.get(item.id);
    if (item.required && !answer?.status) errors[`items.${item.id}`] = [t('requiredMissing')];
    else if (!answer?.status && (answer?.note ?? '').trim()) errors[`items.${item.id}`] = [t('noteNeedsStatus')];
  }
  for (const key of VOICES) {
    if (textLength(state.voices[key].trim()) > MAX_VOICE) errors[key] = [t('textTooLong', { max: MAX_VOICE })];
  }
  if (state.me.via === 'link') {
    for (const key of ['name', 'title', 'phone']) {
      if (!(state.submitter[key] ?? '').trim()) errors[`submitter.${key}`] = [t('fieldRequired')];
    }
  }
  return errors;
}

async function submit() {
  if (state.busy) return;
  clearAllErrors();
  fill($('#outcome'));
  const local = localErrors();
  if (Object.keys(local).length > 0) return showErrors(local);

  const body = requestBody();
  const headers = state.etag ? { 'If-Match': state.etag } : { 'If-None-Match': '*' };
  setBusy(true);
  try {
    const { data: result, etag } = await api(submissionPath(), { method: 'PUT', body, headers });
    state.etag = etag ?? `"r${result.revision}"`;
    store(draftKey(), null);
    state.draft = null;
    state.latest = null;
    state.current = await storedOrLocal(result, body);
    state.voices = voicesOf(state.current);
    state.loadedEtag = state.etag;
    state.view = 'done';
    show(renderDone);
    focusOn($('#done-title'));
  } catch (error) {
    failed(error, body);
  } finally {
    setBusy(false);
  }
}

/** The receipt shows what the server stored; if it cannot be read back now, what was sent. */
async function storedOrLocal(result, body) {
  try {
    const { data } = await api(`${submissionPath()}?revision=${result.revision}`);
    return data;
  } catch {
    return {
      ...result,
      unitName: state.unit.unitName,
      districtName: state.unit.districtName,
      submitter: body.submitter ?? null,
      submittedVia: state.me.via,
      answers: body.answers.map(a => ({ note: null, ...a })),
      difficulties: body.difficulties,
      proposals: body.proposals,
    };
  }
}

function setBusy(busy) {
  state.busy = busy;
  const button = $('#submit');
  if (!button) return;
  button.disabled = busy;
  button.textContent = busy ? t('submitting') : t('submit');
  $('#report')?.setAttribute('aria-busy', String(busy));
}

function failed(error, body) {
  const outcome = $('#outcome');
  if (error.status === 400 && error.problem?.errors) {
    return showErrors(mapServerErrors(error.errors, body.answers));
  }
  if (error.status === 409) return maybeLocked(error);
  if (error.status === 412) {
    fill(outcome, h('div', { class: 'message error', role: 'alert' },
      h('p', {}, t('conflict')),
      h('button', { type: 'button', onclick: loadLatest }, t('conflictLoad'))));
    return focusOn(outcome.firstChild);
  }
  if (error.network || error.status >= 500) {
    fill(outcome, h('div', { class: 'message error', role: 'alert' },
      h('p', {}, error.network ? t('networkSubmit') : errorText(error)),
      h('button', { type: 'button', id: 'retry', onclick: submit }, t('retry'))));
    return focusOn(outcome.firstChild);
  }
  fill(outcome, h('div', { class: 'message error', role: 'alert' }, h('p', {}, errorText(error))));
  focusOn(outcome.firstChild);
}

/** Server errors name items (items.{id}), answers by position (answers[i]…) or the submitter's fields. */
function mapServerErrors(errors, sentAnswers) {
  const mapped = {};
  for (const [key, messages] of Object.entries(errors)) {
    const position = /^answers\[(\d+)\]/.exec(key);
    const target = position && sentAnswers[Number(position[1])] ? `items.${sentAnswers[Number(position[1])].itemId}` : key;
    (mapped[target] ??= []).push(...messages);
  }
  return mapped;
}

function errorElement(key) {
  if (key.startsWith('items.')) return document.getElementById(`err-${key.slice(6)}`);
  if (VOICES.includes(key)) return document.getElementById(`err-${key}`);
  if (key.startsWith('submitter')) return document.getElementById(`err-${key.replace('.', '-')}`);
  return null;
}

function showErrors(errors) {
  const items = [];
  for (const [key, messages] of Object.entries(errors)) {
    const text = messages.join(' ');
    const at = errorElement(key);
    if (!at) {
      items.push(h('li', {}, `${key}: ${text}`));
      continue;
    }
    at.textContent = text;
    at.hidden = false;
    const container = at.closest('fieldset.item') ?? at.closest('.field') ?? at.closest('fieldset');
    container.classList.add('has-error');
    for (const input of $$('input, textarea', container)) input.setAttribute('aria-invalid', 'true');
    let label = container.querySelector('label')?.textContent ?? t('submitterTitle');
    if (key.startsWith('items.')) {
      for (const radio of $$('input[type=radio]', container)) radio.setAttribute('aria-describedby', at.id);
      if (/ghi chú|note/i.test(text)) container.querySelector('details').open = true;
      label = container.dataset.label;
    }
    const target = container.querySelector('input, textarea');
    items.push(h('li', {}, h('a', { href: `#${target.id}`, onclick: event => { event.preventDefault(); target.focus(); } }, `${label}: ${text}`)));
  }
  const summary = h('div', { class: 'error-summary', role: 'alert' },
    h('h2', {}, t('errorsTitle', { n: items.length })),
    h('ul', {}, items));
  fill($('#errors'), summary);
  focusOn(summary);
}

function clearError(key) {
  const at = errorElement(key);
  if (!at || at.hidden) return;
  at.hidden = true;
  at.textContent = '';
  const container = at.closest('fieldset.item') ?? at.closest('.field') ?? at.closest('fieldset');
  container.classList.remove('has-error');
  for (const input of $$('input, textarea', container)) input.removeAttribute('aria-invalid');
}

function clearAllErrors() {
  for (const at of $$('.field-error')) {
    at.hidden = true;
    at.textContent = '';
  }
  for (const el of $$('.has-error')) el.classList.remove('has-error');
  for (const el of $$('[aria-invalid]')) el.removeAttribute('aria-invalid');
  fill($('#errors'));
}

/** After a conflict: read the newer report, keep what the officer typed, fill only what they left empty. */
async function loadLatest() {
  try {
    await loadCurrent();
  } catch (error) {
    return fill($('#outcome'), h('div', { class: 'message error', role: 'alert' }, h('p', {}, errorText(error))));
  }
  state.latest = state.current;
  state.etag = state.loadedEtag;
  for (const answer of state.latest?.answers ?? []) {
    if (!state.answers.get(answer.itemId)?.status) state.answers.set(answer.itemId, { status: answer.status, note: answer.note ?? '' });
  }
  for (const [key, text] of Object.entries(voicesOf(state.latest))) {
    if (!state.voices[key].trim()) state.voices[key] = text;
  }
  state.draft = null;
  saveDraft();
  renderForm();
  const outcome = $('#outcome');
  const note = h('div', { class: 'message', role: 'status' },
    h('p', {}, t('conflictLoaded', { revision: state.latest?.revision ?? 0 })),
    h('button', { type: 'button', onclick: useLatest }, t('conflictUseLatest')));
  fill(outcome, note);
  focusOn(note);
}

function useLatest() {
  state.answers = answersOf(state.latest);
  state.voices = voicesOf(state.latest);
  state.latest = null;
  saveDraft();
  renderForm();
  focusOn($('#context-title'));
}

// ---- after submitting: the result and the receipt ----

function renderDone() {
  const submission = state.current;
  fill(app,
    h('section', { class: 'card done no-print', 'aria-labelledby': 'done-title' },
      h('h2', { id: 'done-title' }, t('doneTitle')),
      h('p', { class: 'message success' }, t('submitted', {
        revision: submission.revision,
        time: formatDateTime(submission.submittedAt),
        timeliness: submission.late ? t('late') : t('onTime'),
        readiness: percent(submission.readiness),
      })),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', onclick: () => window.print() }, t('print')),
        h('button', { type: 'button', onclick: editAgain }, t('editAgain')))),
    receipt(state.campaign, submission, unitDeadline()));
}

function showReceipt(submission) {
  state.view = 'receipt';
  show(() => fill(app,
    h('div', { class: 'actions no-print' },
      h('button', { type: 'button', onclick: backToForm }, t('backToForm')),
      h('button', { type: 'button', class: 'primary', onclick: () => window.print() }, t('print'))),
    receipt(state.campaign, submission, unitDeadline())));
  focusOn($('#receipt-title'));
}

function backToForm() {
  state.view = 'form';
  show(renderForm);
  focusOn($('#context-title'));
}

function editAgain() {
  state.answers = answersOf(state.current);
  state.voices = voicesOf(state.current);
  state.etag = state.loadedEtag;
  backToForm();
}

// ---- an accepted report: read-only, with its receipt and a request to reopen it ----

/** A 409 on submit: if the report was accepted meanwhile, say so (the draft stays on the device); else the server's words. */
async function maybeLocked(error) {
  const outcome = $('#outcome');
  let accepted = error.problem?.reviewState === 'accepted';
  if (!accepted) {
    try {
      const { data } = await api(submissionPath());
      accepted = data?.reviewState === 'accepted';
    } catch {
      // Cannot tell: the server's own detail is all there is.
    }
  }
  if (!accepted) {
    fill(outcome, h('div', { class: 'message error', role: 'alert' }, h('p', {}, errorText(error))));
    return focusOn(outcome.firstChild);
  }
  saveDraft();
  fill(outcome, h('div', { class: 'message error', role: 'alert', id: 'locked-on-submit' },
    h('p', {}, t('lockedOnSubmit')),
    error.problem?.detail ? h('p', { class: 'hint' }, error.problem.detail) : null,
    h('button', { type: 'button', onclick: reopenAfterLock }, t('lockedShow'))));
  focusOn(outcome.firstChild);
}

async function reopenAfterLock() {
  try {
    await loadCurrent();
  } catch (error) {
    return fill($('#outcome'), h('div', { class: 'message error', role: 'alert' }, h('p', {}, errorText(error))));
  }
  if (state.current?.reviewState === 'accepted') return showLocked();
  backToForm();
}

function showLocked() {
  state.view = 'locked';
  state.reopen = null;
  state.draft = readStored(draftKey()) ? { ...(state.draft ?? {}), kept: true } : state.draft;
  show(renderLocked);
}

function renderLocked() {
  const submission = state.current;
  const requested = submission.reopenRequestedAt;
  fill(app,
    h('section', { class: 'card context no-print', 'aria-labelledby': 'context-title' },
      h('p', { class: 'unit-name' }, h('strong', {}, state.unit.unitName), ` · ${state.unit.districtName}`),
      h('h2', { id: 'context-title' }, state.campaign.title),
      h('p', { class: 'deadline' }, t('deadline', { date: formatDateTime(unitDeadline()) })),
      deadlineNote(),
      h('div', { class: 'message success', id: 'accepted' },
        h('h3', {}, t('acceptedTitle')),
        // reviewComment is the newest return's: it belongs to an earlier revision, not to this acceptance.
        h('p', {}, t('acceptedText', { revision: submission.reviewedRevision ?? submission.revision, time: formatDateTime(submission.reviewedAt) }))),
      state.draft?.kept ? h('p', { class: 'message draft' }, t('draftKeptLocked')) : null,
      requested ? h('div', { class: 'message', id: 'reopen-pending', role: 'status' },
        h('p', {}, t('reopenPending', { time: formatDateTime(requested) })),
        submission.reopenReason ? h('blockquote', {}, submission.reopenReason) : null)
        : reopenForm(),
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => window.print() }, t('print')))),
    receipt(state.campaign, submission, unitDeadline()));
}

function reopenForm() {
  const reopen = state.reopen ?? {};
  const reason = h('textarea', { id: 'reopen-reason', rows: 3, required: true, value: reopen.reason ?? '', 'aria-describedby': 'reopen-count reopen-error' });
  const counter = h('p', { class: 'counter', id: 'reopen-count' });
  const count = () => {
    counter.textContent = t('noteCount', { n: reason.value.length, max: MAX_REASON });
    counter.classList.toggle('over', reason.value.length > MAX_REASON);
  };
  count();
  reason.addEventListener('input', () => {
    state.reopen = { ...state.reopen, reason: reason.value };
    count();
  });
  const error = h('p', { class: 'field-error', id: 'reopen-error', role: 'alert', hidden: !reopen.error }, reopen.error ?? '');
  return h('form', {
    class: 'reopen-request',
    id: 'reopen-request',
    'aria-labelledby': 'reopen-title',
    novalidate: true,
    onsubmit: event => {
      event.preventDefault();
      requestReopening(reason.value);
    },
  },
  h('h3', { id: 'reopen-title' }, t('reopenRequest')),
  h('p', { class: 'hint' }, t('reopenHelp')),
  h('div', { class: 'field' }, h('label', { for: 'reopen-reason' }, t('reopenReason')), reason, counter, error),
  h('button', { type: 'submit', class: 'primary', id: 'reopen-send', disabled: reopen.sending }, reopen.sending ? t('submitting') : t('reopenSend')));
}

async function requestReopening(text) {
  const reason = text.trim();
  const local = !reason ? t('reasonRequired') : reason.length > MAX_REASON ? t('textTooLong', { max: MAX_REASON }) : null;
  if (local) {
    state.reopen = { reason: text, error: local };
    renderLocked();
    return focusOn($('#reopen-reason'));
  }
  state.reopen = { reason: text, sending: true };
  renderLocked();
  try {
    await api(`${unitPath()}/reopen-request`, { method: 'POST', body: { reason } });
    await loadCurrent();
  } catch (error) {
    state.reopen = { reason: text, error: error.problem?.errors ? Object.values(error.errors).flat().join(' ') : errorText(error) };
    renderLocked();
    return focusOn($('#reopen-reason'));
  }
  state.reopen = null;
  if (state.current?.reviewState !== 'accepted') return backToForm();
  renderLocked();
  focusOn($('#reopen-pending'));
}
