// The coordinator dashboard: progress per area in the caller's scope, the units that have not reported, and one
// unit's answers and revisions a click away. The CSV is built here from what the page shows.
import { api } from './api.js?v={{version}}';
import { $, download, fill, focusOn, h } from './dom.js?v={{version}}';
import { fileStamp, formatDateTime, percent, toCsv } from './format.js?v={{version}}';
import { onLanguageChange, t } from './i18n.js?v={{version}}';
import { errorText, isCoordinator, showError, start } from './page.js?v={{version}}';
import { answerTables, submitterText } from './receipt.js?v={{version}}';

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
  detail: null, // { unit, submission, revisions, revision, link, error }
};

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
    nonReporterList(),
    leastReadyList(),
    h('section', { id: 'unit-detail-area', 'aria-live': 'polite' }, state.detail ? unitDetail() : null));
}

function controls() {
  const campaignSelect = h('select', { id: 'campaign', onchange: event => { state.campaignId = event.target.value; reload(); } },
    state.campaigns.map(c => h('option', { value: c.campaignId, selected: c.campaignId === state.campaignId }, `${c.title} (${c.campaignId})`)));
  const districtSelect = h('select', { id: 'district', onchange: event => { state.district = event.target.value; state.detail = null; rememberChoice(); render(); } },
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
    item(percent(totals.readiness), t('meanReadiness')));
}

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
    stat(t('meanReadiness'), d.readiness ?? 0, 1, 'readiness', percent(d.readiness)));
  const rows = [];
  for (const d of districts) {
    rows.push(row(d, false));
    if (state.expanded.has(d.districtId)) rows.push(h('tr', { class: 'units-row' }, h('td', { colspan: 7 }, unitList(d))));
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
        h('th', { scope: 'col', class: 'number' }, t('meanReadiness')))),
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
          h('th', { scope: 'col' }, t('remindersSent')))),
        h('tbody', {}, list.map(n => h('tr', {},
          h('th', { scope: 'row' }, unitButton(n.unitId, n.unitName, n)),
          h('td', {}, n.districtName),
          h('td', { class: 'number' }, String(n.daysOverdue)),
          h('td', {}, reminderSummary(n))))))));
}

// Reminders sent so far, the last one's time, or that the unit has no officer email to remind.
function reminderSummary(n) {
  if (n.noOfficerEmail) return t('noOfficerEmail');
  if (!n.remindersSent) return '0';
  return n.lastRemindedAt ? `${n.remindersSent} · ${formatDateTime(n.lastRemindedAt)}` : String(n.remindersSent);
}

// ---- one unit: its answers and revisions ----

async function openUnit(unit, revision = null) {
  state.detail = { unit, loading: true };
  render();
  const base = `/api/campaigns/${state.campaignId}/units/${unit.unitId}`;
  try {
    const [submission, revisions] = await Promise.all([
      api(revision ? `${base}/submission?revision=${revision}` : `${base}/submission`).then(r => r.data).catch(error => {
        if (error.status === 404) return null;
        throw error;
      }),
      api(`${base}/revisions`).then(r => r.data).catch(error => {
        if (error.status === 404) return [];
        throw error;
      }),
    ]);
    state.detail = { unit, submission, revisions, revision: submission?.revision ?? null };
  } catch (error) {
    state.detail = { unit, error };
  }
  render();
  focusOn($('#unit-detail-title'));
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
    loading ? h('p', { role: 'status' }, t('loading')) : null,
    error ? h('p', { class: 'message error', role: 'alert' }, errorText(error)) : null,
    !loading && !error && !submission ? h('p', {}, t('notReported')) : null,
    submission ? [
      h('p', {}, submission.revision === latest ? t('reportedRevision', { revision: submission.revision }) : t('showingRevision', { revision: submission.revision }),
        ` · ${formatDateTime(submission.submittedAt)} · ${submission.late ? t('late') : t('onTime')} · ${t('readiness')} ${percent(submission.readiness)}`),
      h('p', {}, `${t('submitter')}: ${submitterText(submission.submitter)}`),
    ] : null,
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
    submission ? answerTables(state.campaign, submission.answers) : null);
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
