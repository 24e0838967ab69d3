// The coordinator dashboard: progress and review figures per area in the caller's scope, the review queue, the
// units that have not reported, and one unit a click away: its answers and revisions, the review (accept / return,
// reopen), its follow-up (notes, remind now, a later deadline). The CSV is built here from what the page shows.
import { api } from './api.js?v={{version}}';
import { $, download, fill, focusOn, h } from './dom.js?v={{version}}';
import { fileStamp, formatDateTime, parseVietnamDateTime, percent, toCsv } from './format.js?v={{version}}';
import { onLanguageChange, t } from './i18n.js?v={{version}}';
import { errorText, isCoordinator, showError, start } from './page.js?v={{version}}';
import { answerTables, reviewStateLabel, submitterText, voices } from './receipt.js?v={{version}}';

const FILTERS = ['submitted', 'reopen', 'returned', 'accepted', 'all'];
const QUEUE_PAGE = 50;
const MAX_COMMENT = 2000;
const MAX_NOTE_TEXT = 1000;
const MAX_REASON = 500;

const app = document.getElementById('app');
const params = new URLSearchParams(location.search);
const state = {
  me: null,
  campaigns: [],
  campaignId: params.get('c'),
  district: params.get('d') ?? '',
  campaign: null, // the full campaign (checklist) of the selected one, for answer tables
  status: null,
  nonReporters: [],
  units: null, // the campaign's units in scope, its frozen roster once closed (null when they cannot be read)
  expanded: new Set(),
  detail: null, // { unit, submission, revisions, revision, link, error, notes, deadline, history, flash, drafts }
  queue: { filter: params.get('q') ?? 'submitted', items: null, error: null, shown: QUEUE_PAGE },
};
if (!FILTERS.includes(state.queue.filter)) state.queue.filter = 'submitted';

main();

async function main() {
  const me = await start(app);
  if (!me) return;
  state.me = me;
  if (!isCoordinator(me)) {
    const refuse = () => fill(app, h('div', { class: 'card' },
      h('p', { class: 'message', role: 'alert' }, t('coordinatorsOnly')),
      h('p', {}, h('a', { href: '/form' }, t('navForm')))));
    refuse();
    onLanguageChange(refuse);
    return;
  }
  onLanguageChange(render);
  await load();
}

async function load() {
  fill(app, h('p', { role: 'status' }, t('loading')));
  try {
    state.campaigns = (await api('/api/campaigns')).data;
    if (state.campaigns.length === 0) return fill(app, h('p', { class: 'message' }, t('noOpenCampaigns')));
    const now = Date.now();
    if (!state.campaigns.some(c => c.campaignId === state.campaignId)) {
      const open = state.campaigns.find(c => Date.parse(c.opensAt) <= now && now < Date.parse(c.closesAt));
      state.campaignId = (open ?? state.campaigns[0]).campaignId;
    }
    await loadCampaign();
  } catch (error) {
    showError(app, error, load);
  }
}

async function loadCampaign() {
  const id = state.campaignId;
  const [campaign, status, nonReporters, roster, items] = await Promise.all([
    api(`/api/campaigns/${id}`),
    api(`/api/campaigns/${id}/status`),
    api(`/api/campaigns/${id}/non-reporters`),
    api(`/api/campaigns/${id}/units`).catch(() => null),
    api(`/api/campaigns/${id}/least-ready-items?count=5`).catch(() => null),
    loadQueue(),
  ]);
  state.leastReady = items ? items.data : [];
  state.campaign = campaign.data;
  state.status = status.data;
  state.nonReporters = nonReporters.data;
  state.units = roster ? roster.data.areas.flatMap(area => area.units.map(unit => ({ ...unit, districtId: area.districtId, districtName: area.districtName }))) : null;
  if (state.district && !state.status.districts.some(d => d.districtId === state.district)) state.district = '';
  state.detail = null;
  rememberChoice();
  render();
}

function rememberChoice() {
  const query = new URLSearchParams({ c: state.campaignId });
  if (state.district) query.set('d', state.district);
  if (state.queue.filter !== 'submitted') query.set('q', state.queue.filter);
  history.replaceState(history.state, '', `/status?${query}`);
}

const shownDistricts = () => state.status.districts.filter(d => !state.district || d.districtId === state.district);

function render() {
  if (!state.status) return;
  const status = state.status;
  const districts = shownDistricts();
  const totals = state.district ? districts[0] : status;
  fill(app,
    controls(),
    h('p', { class: 'hint' },
      state.me.isCityCoordinator ? t('scopeCity') : t('scopeDistricts', { list: status.districts.map(d => d.districtName).join(', ') }),
      ' · ', t('asOf', { time: formatDateTime(status.asOf) }),
      ' · ', t('deadline', { date: formatDateTime(state.campaign.deadline) })),
    summary(totals),
    districtTable(districts, status),
    reviewQueue(totals),
    nonReporterList(),
    leastReadyList(),
    h('section', { id: 'unit-detail-area', 'aria-live': 'polite' }, state.detail ? unitDetail() : null));
}

function controls() {
  const campaignSelect = h('select', { id: 'campaign', onchange: event => { state.campaignId = event.target.value; reload(); } },
    state.campaigns.map(c => h('option', { value: c.campaignId, selected: c.campaignId === state.campaignId }, `${c.title} (${c.campaignId})`)));
  const districtSelect = h('select', { id: 'district', onchange: event => { state.district = event.target.value; state.detail = null; rememberChoice(); render(); refreshQueue(); } },
    h('option', { value: '' }, t('allDistricts')),
    state.status.districts.map(d => h('option', { value: d.districtId, selected: d.districtId === state.district }, d.districtName)));
  return h('div', { class: 'card controls' },
    h('div', { class: 'field' }, h('label', { for: 'campaign' }, t('campaign')), campaignSelect),
    h('div', { class: 'field' }, h('label', { for: 'district' }, t('district')), districtSelect),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: reload }, t('refresh')),
      h('button', { type: 'button', id: 'download-csv', onclick: downloadCsv }, t('downloadCsv'))));
}

async function reload() {
  try {
    await loadCampaign();
  } catch (error) {
    showError(app, error, reload);
  }
}

function summary(totals) {
  const item = (value, label) => h('li', {}, h('span', { class: 'value' }, value), h('span', { class: 'label' }, label));
  return h('ul', { class: 'summary', 'aria-label': t('total') },
    item(String(totals.units), t('units')),
    item(`${totals.reported}`, `${t('reported')} (${percent(totals.units ? totals.reported / totals.units : null)})`),
    item(String(totals.onTime), t('onTimeCol')),
    item(String(totals.late), t('lateCol')),
    item(String(totals.missing), t('missing')),
    item(percent(totals.readiness), t('meanReadiness')),
    hasReviewFigures() ? [
      item(String(totals.awaitingReview ?? 0), t('awaitingReview')),
      item(String(totals.returned ?? 0), t('returnedCol')),
      item(String(totals.accepted ?? 0), t('acceptedCol')),
      item(String(totals.reopenRequests ?? 0), t('reopenRequests')),
    ] : null);
}

/** The review figures come with the status once the server counts them; the page works without them. */
const hasReviewFigures = () => Boolean(state.status) && 'awaitingReview' in state.status;

/** A number with a small bar; the bar only repeats the number, so screen readers skip it. */
function stat(label, count, of, kind, text = String(count)) {
  const share = of ? Math.min(1, count / of) : 0;
  const fillBar = h('span', { class: `bar-fill ${kind}` });
  fillBar.style.width = `${Math.round(share * 100)}%`;
  return h('td', { class: 'number', 'data-label': label }, h('span', { class: 'stat' }, text, h('span', { class: 'bar', 'aria-hidden': 'true' }, fillBar)));
}

function districtTable(districts, status) {
  const row = (d, isTotal) => h('tr', { class: isTotal ? 'total' : null },
    h('th', { scope: 'row' }, isTotal ? t('total') : h('button', {
      type: 'button',
      class: 'link-button',
      'aria-expanded': String(state.expanded.has(d.districtId)),
      'data-district': d.districtId,
      'aria-label': t('showUnits', { district: d.districtName }),
      onclick: () => toggleDistrict(d.districtId),
    }, d.districtName)),
    h('td', { class: 'number', 'data-label': t('units') }, String(d.units)),
    stat(t('reported'), d.reported, d.units, 'on-time', `${d.reported}/${d.units}`),
    stat(t('onTimeCol'), d.onTime, d.units, 'on-time'),
    stat(t('lateCol'), d.late, d.units, 'late'),
    stat(t('missing'), d.missing, d.units, 'missing'),
    stat(t('meanReadiness'), d.readiness ?? 0, 1, 'readiness', percent(d.readiness)),
    hasReviewFigures() ? [
      h('td', { class: 'number', 'data-label': t('awaitingReview') }, String(d.awaitingReview ?? 0)),
      h('td', { class: 'number', 'data-label': t('returnedCol') }, String(d.returned ?? 0)),
      h('td', { class: 'number', 'data-label': t('acceptedCol') }, String(d.accepted ?? 0)),
      h('td', { class: 'number', 'data-label': t('reopenRequests') }, String(d.reopenRequests ?? 0)),
    ] : null);
  const rows = [];
  const columns = hasReviewFigures() ? 11 : 7;
  for (const d of districts) {
    rows.push(row(d, false));
    if (state.expanded.has(d.districtId)) rows.push(h('tr', { class: 'units-row' }, h('td', { colspan: columns }, unitList(d))));
  }
  if (!state.district) rows.push(row(status, true));
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': t('tableScroll'), tabindex: '0' },
    h('table', { id: 'districts', class: 'cards' },
      h('caption', {}, t('districtTable')),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('district')),
        h('th', { scope: 'col', class: 'number' }, t('units')),
        h('th', { scope: 'col', class: 'number' }, t('reported')),
        h('th', { scope: 'col', class: 'number' }, t('onTimeCol')),
        h('th', { scope: 'col', class: 'number' }, t('lateCol')),
        h('th', { scope: 'col', class: 'number' }, t('missing')),
        h('th', { scope: 'col', class: 'number' }, t('meanReadiness')),
        hasReviewFigures() ? ['awaitingReview', 'returnedCol', 'acceptedCol', 'reopenRequests']
          .map(key => h('th', { scope: 'col', class: 'number' }, t(key))) : null)),
      h('tbody', {}, rows)));
}

function toggleDistrict(districtId) {
  if (state.expanded.has(districtId)) state.expanded.delete(districtId);
  else state.expanded.add(districtId);
  render();
  $(`#districts button[data-district="${CSS.escape(districtId)}"]`)?.focus();
}

/** The area's units, from the campaign's roster when it can be read, else the ones that have not reported. */
function unitList(district) {
  const missing = new Map(state.nonReporters.map(n => [n.unitId, n]));
  const units = state.units
    ? state.units.filter(u => u.districtId === district.districtId)
    : state.nonReporters.filter(n => n.districtId === district.districtId);
  return h('ul', { class: 'unit-list' }, units.map(unit => h('li', {},
    unitButton(unit.unitId, unit.unitName, district),
    missing.has(unit.unitId)
      ? h('span', { class: 'badge missing' }, missing.get(unit.unitId).daysOverdue > 0 ? `${t('notReported')} · ${t('overdue', { n: missing.get(unit.unitId).daysOverdue })}` : t('notReported'))
      : h('span', { class: 'badge reported' }, t('reported')))));
}

function unitButton(unitId, unitName, district) {
  return h('button', {
    type: 'button',
    class: 'link-button',
    'data-unit': unitId,
    onclick: () => openUnit({ unitId, unitName, districtId: district.districtId, districtName: district.districtName }),
  }, unitName);
}

// The items reporting units in the whole scope are least ready on (not narrowed by the area filter).
function leastReadyList() {
  const items = state.leastReady || [];
  return h('section', { class: 'card', 'aria-labelledby': 'least-ready-title' },
    h('h2', { id: 'least-ready-title' }, t('leastReady')),
    items.length === 0 ? h('p', {}, t('noLeastReady')) : h('ol', { id: 'least-ready' },
      items.map(item => h('li', {},
        h('strong', {}, item.itemText), ` — ${item.sectionTitle}: ${percent(item.readiness)}`,
        ` (${t('leastReadyCounts', { notReady: item.notReady, partial: item.partial, answered: item.answered })})`))));
}

function nonReporterList() {
  const list = state.nonReporters
    .filter(n => !state.district || n.districtId === state.district)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.districtName.localeCompare(b.districtName, 'vi') || a.unitName.localeCompare(b.unitName, 'vi'));
  return h('section', { class: 'card', 'aria-labelledby': 'non-reporters-title' },
    h('h2', { id: 'non-reporters-title' }, `${t('nonReporters')} (${list.length})`),
    list.length === 0 ? h('p', {}, t('everyoneReported')) : h('div', { class: 'table-wrap', role: 'region', 'aria-labelledby': 'non-reporters-title', tabindex: '0' },
      h('table', { id: 'non-reporters' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('unit')),
          h('th', { scope: 'col' }, t('district')),
          h('th', { scope: 'col', class: 'number' }, t('daysOverdue')),
          h('th', { scope: 'col' }, t('remindersSent')),
          h('th', { scope: 'col' }, t('deadlineCol')),
          h('th', { scope: 'col' }, t('latestNote')))),
        h('tbody', {}, list.map(n => h('tr', {},
          h('th', { scope: 'row' }, unitButton(n.unitId, n.unitName, n)),
          h('td', {}, n.districtName),
          h('td', { class: 'number' }, String(n.daysOverdue)),
          h('td', {}, reminderSummary(n)),
          h('td', { class: 'deadline-cell' }, formatDateTime(n.deadline ?? state.campaign.deadline),
            n.extended ? [' ', h('span', { class: 'badge' }, `(${t('deadlineExtendedShort')})`)] : null),
          h('td', { class: 'latest-note' }, n.latestNote
            ? [n.latestNote.text, h('span', { class: 'hint' }, ` — ${t('noteMeta', { by: n.latestNote.by ?? '', time: formatDateTime(n.latestNote.at) })}`)]
            : '—')))))));
}

// Reminders sent so far, the last one's time, or that the unit has no officer email to remind.
function reminderSummary(n) {
  if (n.noOfficerEmail) return t('noOfficerEmail');
  if (!n.remindersSent) return '0';
  return n.lastRemindedAt ? `${n.remindersSent} · ${formatDateTime(n.lastRemindedAt)}` : String(n.remindersSent);
}

// ---- the review queue: reported units by review state, awaiting review first (the server's order) ----

function queuePath() {
  const query = new URLSearchParams();
  if (state.district) query.set('districtId', state.district);
  const filter = state.queue.filter;
  // Reopen requests are accepted reports with a pending request: asked as accepted, narrowed here.
  if (filter !== 'all') query.set('state', filter === 'reopen' ? 'accepted' : filter);
  const text = query.toString();
  return `/api/campaigns/${state.campaignId}/reviews${text ? `?${text}` : ''}`;
}

/** Reads the queue for the chosen filter and area; a failure shows in the queue only, never stops the page. */
async function loadQueue() {
  try {
    const items = (await api(queuePath())).data;
    state.queue = { ...state.queue, items: state.queue.filter === 'reopen' ? items.filter(i => i.reopenRequested) : items, error: null, shown: QUEUE_PAGE };
  } catch (error) {
    state.queue = { ...state.queue, items: null, error };
  }
}

async function refreshQueue() {
  await loadQueue();
  const section = $('#review-queue');
  if (section) section.replaceWith(reviewQueue(shownTotals()));
}

const shownTotals = () => (state.district ? shownDistricts()[0] : state.status);

function filterCount(filter, totals) {
  if (!hasReviewFigures() || !totals) return null;
  const counts = { submitted: totals.awaitingReview, returned: totals.returned, accepted: totals.accepted, reopen: totals.reopenRequests };
  return filter in counts ? counts[filter] ?? 0 : null;
}

function filterLabel(filter) {
  return { submitted: t('awaitingReview'), reopen: t('filterReopen'), returned: t('returnedCol'), accepted: t('acceptedCol'), all: t('filterAll') }[filter];
}

function reviewQueue(totals) {
  const queue = state.queue;
  const buttons = FILTERS.map(filter => {
    const count = filterCount(filter, totals);
    return h('button', {
      type: 'button',
      'data-filter': filter,
      'aria-pressed': String(filter === queue.filter),
      onclick: async () => {
        state.queue = { ...state.queue, filter, items: null, error: null };
        rememberChoice();
        await refreshQueue();
        $(`#review-queue button[data-filter="${filter}"]`)?.focus();
      },
    }, count === null ? filterLabel(filter) : `${filterLabel(filter)} (${count})`);
  });
  let body;
  if (queue.error) body = h('p', { class: 'message error', role: 'alert' }, errorText(queue.error));
  else if (queue.items === null) body = h('p', { role: 'status' }, t('loading'));
  else if (queue.items.length === 0) body = h('p', {}, t('queueEmpty'));
  else {
    const shown = queue.items.slice(0, queue.shown);
    body = [
      h('ul', { class: 'queue', id: 'queue' }, shown.map(item => h('li', { 'data-unit-row': item.unitId },
        unitButton(item.unitId, item.unitName, item),
        h('span', { class: `badge state-${item.reviewState}` }, reviewStateLabel(item.reviewState)),
        item.reopenRequested ? h('span', { class: 'badge reopen' }, t('reopenRequestedBadge')) : null,
        h('span', { class: 'queue-meta' }, `${item.districtName} · `, t('queueLine', {
          revision: item.revision,
          time: formatDateTime(item.submittedAt),
          timeliness: item.late ? t('late') : t('onTime'),
          readiness: percent(item.readiness),
        }))))),
      queue.items.length > queue.shown ? h('button', {
        type: 'button',
        onclick: () => {
          state.queue = { ...state.queue, shown: state.queue.shown + QUEUE_PAGE };
          $('#review-queue').replaceWith(reviewQueue(shownTotals()));
          $(`#queue li:nth-child(${state.queue.shown - QUEUE_PAGE + 1}) button`)?.focus();
        },
      }, t('queueMore', { n: queue.items.length - queue.shown })) : null,
    ];
  }
  return h('section', { class: 'card', id: 'review-queue', 'aria-labelledby': 'queue-title' },
    h('h2', { id: 'queue-title' }, t('reviewQueue')),
    h('div', { class: 'filters', role: 'group', 'aria-label': t('reviewFilter') }, buttons),
    h('div', { 'aria-live': 'polite' }, body));
}

/** After a decision: the figures, the queue and the non-reporters again, the open unit kept. */
async function refreshLists() {
  const id = state.campaignId;
  try {
    const [status, nonReporters] = await Promise.all([
      api(`/api/campaigns/${id}/status`),
      api(`/api/campaigns/${id}/non-reporters`),
      loadQueue(),
    ]);
    state.status = status.data;
    state.nonReporters = nonReporters.data;
  } catch {
    // The unit's own answer already says what happened; the lists refresh with the next Refresh.
  }
}

// ---- one unit: its answers and revisions, its review, its follow-up ----

const unitBase = unit => `/api/campaigns/${state.campaignId}/units/${unit.unitId}`;

/** Optional parts of the unit view: a failure (or an older server) leaves that part out, not the whole view. */
const optional = promise => promise.then(r => r.data).catch(error => ({ error }));

async function openUnit(unit, revision = null, flash = null) {
  const drafts = state.detail?.unit.unitId === unit.unitId ? state.detail.drafts : {};
  state.detail = { unit, loading: true, drafts };
  render();
  const base = unitBase(unit);
  try {
    const [submission, revisions, notes, deadline, history] = await Promise.all([
      api(revision ? `${base}/submission?revision=${revision}` : `${base}/submission`).then(r => r.data).catch(error => {
        if (error.status === 404) return null;
        throw error;
      }),
      api(`${base}/revisions`).then(r => r.data).catch(error => {
        if (error.status === 404) return [];
        throw error;
      }),
      optional(api(`${base}/notes`)),
      optional(api(`${base}/deadline`)),
      optional(api(`${base}/reviews`)),
    ]);
    state.detail = { unit, submission, revisions, revision: submission?.revision ?? null, notes, deadline, history, flash, drafts };
  } catch (error) {
    state.detail = { unit, error, drafts };
  }
  render();
  focusOn($('#unit-flash') ?? $('#unit-detail-title'));
}

function unitDetail() {
  const { unit, submission, revisions, error, loading, link } = state.detail;
  const latest = revisions?.length ? Math.max(...revisions.map(r => r.revision)) : null;
  return h('section', { class: 'card unit-detail', 'aria-labelledby': 'unit-detail-title' },
    h('h2', { id: 'unit-detail-title' }, `${unit.unitName} · ${unit.districtName}`),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: closeUnit }, t('close')),
      h('button', { type: 'button', onclick: () => mintLink(unit) }, t('mintLink'))),
    link ? linkBox(link) : null,
    flashMessage(),
    loading ? h('p', { role: 'status' }, t('loading')) : null,
    error ? h('p', { class: 'message error', role: 'alert' }, errorText(error)) : null,
    !loading && !error && !submission ? h('p', {}, t('notReported')) : null,
    submission ? [
      h('p', {}, submission.revision === latest ? t('reportedRevision', { revision: submission.revision }) : t('showingRevision', { revision: submission.revision }),
        ` · ${formatDateTime(submission.submittedAt)} · ${submission.late ? t('late') : t('onTime')} · ${t('readiness')} ${percent(submission.readiness)}`),
      h('p', {}, `${t('submitter')}: ${submitterText(submission.submitter)}`),
    ] : null,
    submission ? reviewSection(submission, latest) : null,
    submission ? voices(submission) : null,
    !loading && !error ? followUp() : null,
    revisions?.length ? [
      h('h3', {}, t('revisions')),
      h('ol', { class: 'revisions', reversed: true }, [...revisions].sort((a, b) => b.revision - a.revision).map(r => h('li', { 'aria-current': r.revision === submission?.revision ? 'true' : null },
        h('span', {}, t('revisionLine', {
          revision: r.revision,
          time: formatDateTime(r.submittedAt),
          timeliness: r.late ? t('late') : t('onTime'),
          readiness: percent(r.readiness),
        }), r.submitterName ? ` · ${r.submitterName}` : ''),
        r.revision === submission?.revision ? null : h('button', { type: 'button', class: 'link-button', onclick: () => openUnit(unit, r.revision) }, t('showRevision', { revision: r.revision }))))),
    ] : null,
    submission ? answerTables(state.campaign, submission.answers) : null,
    reviewHistory());
}

/** What the last action did (or why it was refused), read out and focused. */
function flashMessage() {
  const flash = state.detail.flash;
  if (!flash) return null;
  return h('div', { class: `message ${flash.kind}`, id: 'unit-flash', role: flash.kind === 'error' ? 'alert' : 'status' },
    flash.lines.map(line => h('p', {}, line)));
}

/** A textarea whose text survives re-rendering (language switch, another action), with a counter. */
function textBox(key, label, max, rows = 3) {
  const drafts = state.detail.drafts;
  const id = `unit-${key}`;
  const input = h('textarea', { id, rows, value: drafts[key] ?? '', 'aria-describedby': `${id}-count` });
  const counter = h('p', { class: 'counter', id: `${id}-count` });
  const count = () => {
    counter.textContent = t('noteCount', { n: input.value.length, max });
    counter.classList.toggle('over', input.value.length > max);
  };
  count();
  input.addEventListener('input', () => {
    drafts[key] = input.value;
    count();
  });
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, counter);
}

function reviewSection(submission, latest) {
  const reviewState = submission.reviewState;
  if (!reviewState) return null;
  const isLatest = submission.revision === latest || latest === null;
  return h('section', { class: 'review-box', id: 'review', 'aria-labelledby': 'review-title' },
    h('h3', { id: 'review-title' }, isLatest ? t('reviewOf', { revision: submission.revision }) : t('reviewStateLabel')),
    h('p', {}, h('span', { class: `badge state-${reviewState}`, id: 'review-state' }, t('reviewStateIs', { state: reviewStateLabel(reviewState) })),
      submission.reviewedAt ? ` ${t('reviewedAtBy', { time: formatDateTime(submission.reviewedAt) })}` : ''),
    submission.reviewComment ? [h('p', {}, t('lastComment')), h('blockquote', { class: 'review-comment' }, submission.reviewComment)] : null,
    submission.reopenRequestedAt ? h('div', { class: 'message draft', id: 'reopen-request' },
      h('p', {}, t('reopenRequestLine', { time: formatDateTime(submission.reopenRequestedAt) })),
      submission.reopenReason ? h('blockquote', {}, submission.reopenReason) : null) : null,
    !isLatest ? h('p', { class: 'hint' }, t('reviewOlder'))
      : reviewState === 'accepted' ? reopenForm(submission)
        : decisionForm(submission));
}

function decisionForm(submission) {
  const returned = submission.reviewState === 'returned';
  return h('form', { id: 'decision', novalidate: true, onsubmit: event => event.preventDefault() },
    textBox('comment', t('reviewComment'), MAX_COMMENT),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', id: 'accept', onclick: () => decide(submission, 'accepted') }, t('accept')),
      // A report returned at this revision waits for the unit; returning it again says nothing new.
      returned ? null : h('button', { type: 'button', id: 'return', onclick: () => decide(submission, 'returned') }, t('returnReport'))));
}

function reopenForm() {
  return h('form', { id: 'reopen', novalidate: true, onsubmit: event => { event.preventDefault(); reopen(); } },
    textBox('reopen', t('reopenComment'), MAX_COMMENT),
    h('button', { type: 'submit', id: 'reopen-button' }, t('reopenAction')));
}

/** Runs one action on the open unit, then shows the unit again with its outcome (or the refusal's words). */
async function act(call, success, { reloadLists = false } = {}) {
  const { unit, revision } = state.detail;
  try {
    const result = await call();
    if (reloadLists) await refreshLists();
    return openUnit(unit, null, { kind: 'success', lines: [success(result?.data)] });
  } catch (error) {
    const lines = error.problem?.errors ? Object.values(error.errors).flat() : [errorText(error)];
    if (reloadLists) await refreshLists();
    return openUnit(unit, error.status === 409 ? null : revision, { kind: 'error', lines });
  }
}

function localError(text) {
  state.detail = { ...state.detail, flash: { kind: 'error', lines: [text] } };
  render();
  focusOn($('#unit-flash'));
}

async function decide(submission, decision) {
  const drafts = state.detail.drafts;
  const comment = (drafts.comment ?? '').trim();
  if (decision === 'returned' && !comment) return localError(t('commentRequired'));
  if (comment.length > MAX_COMMENT) return localError(t('textTooLong', { max: MAX_COMMENT }));
  const { unit } = state.detail;
  const sent = submission.revision;
  try {
    await api(`${unitBase(unit)}/review`, { method: 'POST', body: { decision, comment: comment || null, revision: sent } });
  } catch (error) {
    const lines = error.problem?.errors ? Object.values(error.errors).flat() : [errorText(error)];
    await refreshLists();
    // A stale revision: the unit changed the report meanwhile. Show the newest; the comment typed stays.
    await openUnit(unit, null, { kind: 'error', lines });
    const now = state.detail.submission?.revision;
    if (error.status === 409 && now !== undefined && now !== sent) {
      state.detail.flash = { kind: 'error', lines: [t('staleRevision'), errorText(error)] };
      render();
      focusOn($('#unit-flash'));
    }
    return;
  }
  drafts.comment = '';
  await refreshLists();
  await openUnit(unit, null, { kind: 'success', lines: [t(decision === 'accepted' ? 'acceptedDone' : 'returnedDone', { revision: sent })] });
}

async function reopen() {
  const drafts = state.detail.drafts;
  const comment = (drafts.reopen ?? '').trim();
  if (!comment) return localError(t('commentRequired'));
  if (comment.length > MAX_COMMENT) return localError(t('textTooLong', { max: MAX_COMMENT }));
  await act(async () => {
    const result = await api(`${unitBase(state.detail.unit)}/reopen`, { method: 'POST', body: { comment } });
    drafts.reopen = '';
    return result;
  }, () => t('reopenedDone'), { reloadLists: true });
}

function reviewHistory() {
  const history = state.detail.history;
  if (!Array.isArray(history) || history.length === 0) return null;
  return [
    h('h3', {}, t('reviewHistory')),
    h('ol', { class: 'revisions', id: 'review-history' }, history.map(row => h('li', {},
      h('span', {}, t('historyLine', {
        decision: t(`decision.${row.decision}`),
        revision: row.revision,
        time: formatDateTime(row.at ?? row.reviewedAt),
        by: row.by ?? row.reviewedBy ?? '',
      })),
      row.comment ? h('blockquote', {}, row.comment) : null))),
  ];
}

// ---- follow-up: the unit's deadline, remind now, notes ----

function followUp() {
  const { deadline, notes } = state.detail;
  const hasDeadline = deadline && !deadline.error;
  return h('section', { class: 'follow-up', id: 'follow-up', 'aria-labelledby': 'follow-up-title' },
    h('h3', { id: 'follow-up-title' }, t('followUp')),
    h('p', { id: 'unit-deadline' }, t('deadlineOfUnit', { date: formatDateTime(hasDeadline ? deadline.deadline : state.campaign.deadline) }),
      hasDeadline && deadline.extended ? ` (${t('deadlineExtendedShort')}${deadline.reason ? ` — ${t('reasonIs', { reason: deadline.reason })}` : ''})` : ''),
    h('div', { class: 'actions' }, h('button', { type: 'button', id: 'remind-now', onclick: remindNow }, t('remindNow'))),
    extendForm(hasDeadline ? deadline : null),
    h('h3', { id: 'notes-title' }, t('notesTitle')),
    Array.isArray(notes)
      ? (notes.length === 0 ? h('p', {}, t('noNotes')) : h('ul', { class: 'notes-list', id: 'notes' }, notes.map(note => h('li', {},
        h('p', { class: 'note-text' }, note.text),
        h('p', { class: 'note-meta' }, t('noteMeta', { by: note.by ?? '', time: formatDateTime(note.at) }))))))
      : notes?.error ? h('p', { class: 'message error' }, errorText(notes.error)) : null,
    h('form', { id: 'add-note', novalidate: true, 'aria-labelledby': 'notes-title', onsubmit: event => { event.preventDefault(); addNote(); } },
      textBox('note', t('noteNew'), MAX_NOTE_TEXT, 2),
      h('button', { type: 'submit', id: 'add-note-button' }, t('noteAdd'))));
}

function remindNow() {
  return act(
    () => api(`${unitBase(state.detail.unit)}/remind`, { method: 'POST' }),
    data => t('remindQueued', { time: formatDateTime(data?.queuedAt ?? new Date()) }),
    { reloadLists: true });
}

async function addNote() {
  const drafts = state.detail.drafts;
  const text = (drafts.note ?? '').trim();
  if (!text) return localError(t('noteRequired'));
  if (text.length > MAX_NOTE_TEXT) return localError(t('textTooLong', { max: MAX_NOTE_TEXT }));
  await act(async () => {
    const result = await api(`${unitBase(state.detail.unit)}/notes`, { method: 'POST', body: { text } });
    drafts.note = '';
    return result;
  }, () => t('noteAdded'), { reloadLists: true });
}

function extendForm(deadline) {
  const drafts = state.detail.drafts;
  drafts.deadline ??= formatDateTime(deadline?.deadline ?? state.campaign.deadline);
  const input = h('input', {
    id: 'unit-new-deadline',
    value: drafts.deadline,
    inputmode: 'numeric',
    autocomplete: 'off',
    'aria-describedby': 'unit-new-deadline-hint',
    oninput: event => { drafts.deadline = event.target.value; },
  });
  return h('form', { id: 'extend', novalidate: true, 'aria-labelledby': 'extend-title', onsubmit: event => { event.preventDefault(); extend(); } },
    h('h4', { id: 'extend-title' }, t('extendTitle')),
    h('div', { class: 'field' },
      h('label', { for: 'unit-new-deadline' }, t('extendDeadline')),
      input,
      h('p', { class: 'hint', id: 'unit-new-deadline-hint' }, t('dateHint'))),
    textBox('reason', t('extendReason'), MAX_REASON, 2),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'extend-button' }, t('extendSave')),
      deadline?.extended ? h('button', { type: 'button', id: 'extend-clear', onclick: clearExtension }, t('extendClear')) : null));
}

async function extend() {
  const drafts = state.detail.drafts;
  const deadline = parseVietnamDateTime(drafts.deadline);
  const reason = (drafts.reason ?? '').trim();
  if (!deadline) return localError(t('badDate'));
  if (!reason) return localError(t('reasonRequired'));
  if (reason.length > MAX_REASON) return localError(t('textTooLong', { max: MAX_REASON }));
  await act(async () => {
    const result = await api(`${unitBase(state.detail.unit)}/deadline`, { method: 'PUT', body: { deadline, reason } });
    drafts.reason = '';
    drafts.deadline = undefined;
    return result;
  }, data => t('extendedDone', { date: formatDateTime(data?.deadline ?? deadline) }), { reloadLists: true });
}

function clearExtension() {
  state.detail.drafts.deadline = undefined;
  return act(() => api(`${unitBase(state.detail.unit)}/deadline`, { method: 'DELETE' }), () => t('extendCleared'), { reloadLists: true });
}

function closeUnit() {
  const unitId = state.detail.unit.unitId;
  state.detail = null;
  render();
  document.querySelector(`button[data-unit="${CSS.escape(unitId)}"]`)?.focus();
}

async function mintLink(unit) {
  try {
    const { data } = await api(`/api/campaigns/${state.campaignId}/units/${unit.unitId}/link`, { method: 'POST' });
    state.detail = { ...state.detail, link: data };
  } catch (error) {
    state.detail = { ...state.detail, link: { error } };
  }
  render();
  focusOn($('#minted-link') ?? $('#unit-detail-title'));
}

function linkBox(link) {
  if (link.error) return h('p', { class: 'message error', role: 'alert' }, errorText(link.error));
  const input = h('input', { id: 'minted-link', readonly: true, value: link.url, 'aria-label': t('mintLink') });
  const done = h('span', { class: 'hint', role: 'status' });
  return h('div', {},
    h('p', {}, t('linkCreated', { time: formatDateTime(link.expiresAt) })),
    h('div', { class: 'link-box' }, input, h('button', {
      type: 'button',
      onclick: async () => {
        input.select();
        try {
          await navigator.clipboard.writeText(link.url);
        } catch {
          document.execCommand('copy');
        }
        done.textContent = t('copied');
      },
    }, t('copy'))),
    done);
}

// ---- CSV of what is shown ----

function downloadCsv() {
  const districts = shownDistricts();
  const row = d => [d.districtId ?? '', d.districtName ?? t('total'), d.units, d.reported, d.onTime, d.late, d.missing, d.readiness === null ? '' : Math.round(d.readiness * 100)];
  const rows = [
    ['district_id', 'district_name', 'units', 'reported', 'on_time', 'late', 'missing', 'readiness_percent'],
    ...districts.map(row),
  ];
  if (!state.district) rows.push(row({ ...state.status, districtId: '', districtName: t('total') }));
  const stamp = fileStamp(state.status.asOf);
  download(`status-${state.campaignId}-${stamp}.csv`, toCsv(rows));
}
