// Coordinator admin: import the roster with a preview first, create next year's campaign from an earlier one,
// download the units' report links, revoke a unit's links.
import { api } from './api.js?v={{version}}';
import { download, fill, focusOn, h } from './dom.js?v={{version}}';
import { dayOf, formatDate, formatDateTime, parseVietnamDateTime, vietnamDay } from './format.js?v={{version}}';
import { onLanguageChange, t } from './i18n.js?v={{version}}';
import { errorText, isCoordinator, start } from './page.js?v={{version}}';

/** Tết (first day of the lunar new year) by year: the dates a cloned campaign moves between. */
const TET = [
  { date: '2023-01-22', name: 'Quý Mão' },
  { date: '2024-02-10', name: 'Giáp Thìn' },
  { date: '2025-01-29', name: 'Ất Tỵ' },
  { date: '2026-02-17', name: 'Bính Ngọ' },
  { date: '2027-02-06', name: 'Đinh Mùi' },
  { date: '2028-01-26', name: 'Mậu Thân' },
];
const DAY_MS = 24 * 3600 * 1000;
const ID_PATTERN = /^[a-z0-9-]{1,64}$/;

const app = document.getElementById('app');
const state = { me: null, campaigns: [], unitIds: [], roster: null };

main();

async function main() {
  const me = await start(app);
  if (!me) return;
  state.me = me;
  if (!isCoordinator(me)) {
    fill(app, h('div', { class: 'card' }, h('p', { class: 'message', role: 'alert' }, t('coordinatorsOnly'))));
    return;
  }
  try {
    state.campaigns = (await api('/api/campaigns')).data;
    const roster = await api('/api/roster').catch(() => null);
    state.unitIds = roster ? roster.data.areas.flatMap(area => area.units.map(unit => unit.unitId)) : [];
  } catch (error) {
    fill(app, h('p', { class: 'message error', role: 'alert' }, errorText(error)));
    return;
  }
  render();
  onLanguageChange(render);
}

function render() {
  fill(app,
    state.me.isCityCoordinator ? [rosterSection(), cloneSection()] : h('p', { class: 'message' }, t('cityOnly')),
    linksSection(),
    revokeSection());
}

// ---- roster import: preview, then apply ----

function rosterSection() {
  const file = h('input', { type: 'file', id: 'roster-file', accept: '.csv,text/csv' });
  const level = h('input', { id: 'area-level', autocomplete: 'off' });
  const result = h('div', { id: 'roster-result', 'aria-live': 'polite' });
  const send = async dryRun => {
    const chosen = file.files[0];
    if (!chosen) return fill(result, h('p', { class: 'message error', role: 'alert' }, t('chooseFile')));
    const bytes = await chosen.arrayBuffer();
    const query = new URLSearchParams({ dryRun: String(dryRun) });
    if (level.value.trim()) query.set('areaLevel', level.value.trim());
    fill(result, h('p', { role: 'status' }, t('loading')));
    try {
      const { data } = await api(`/api/roster?${query}`, { method: 'PUT', body: { bytes, type: 'text/csv' } });
      fill(result, importResult(data, dryRun ? () => send(false) : null));
      if (!dryRun) state.unitIds = [...data.addedUnitIds, ...data.updatedUnitIds, ...data.reactivatedUnitIds, ...state.unitIds];
    } catch (error) {
      fill(result, error.status === 400 && error.problem?.errors
        ? rejectedRows(error.errors, new TextDecoder().decode(bytes))
        : h('p', { class: 'message error', role: 'alert' }, errorText(error)));
    }
    focusOn(result.firstChild);
  };
  return h('section', { class: 'card', 'aria-labelledby': 'roster-title' },
    h('h2', { id: 'roster-title' }, t('rosterTitle')),
    h('p', { class: 'hint' }, t('rosterHelp')),
    h('div', { class: 'field' }, h('label', { for: 'roster-file' }, t('rosterFile')), file),
    h('div', { class: 'field' }, h('label', { for: 'area-level' }, t('areaLevel')), level),
    h('div', { class: 'actions' }, h('button', { type: 'button', id: 'roster-preview', onclick: () => send(true) }, t('preview'))),
    result);
}

function importResult(data, apply) {
  const ids = list => (list.length ? h('span', { class: 'ids' }, list.join(', ')) : '');
  const row = (label, count, list) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', { class: 'number' }, String(count)), h('td', {}, ids(list)));
  return h('div', { class: data.applied ? 'message success' : 'message draft', role: 'status', id: 'roster-summary' },
    h('h3', {}, data.applied ? t('appliedTitle') : t('previewTitle')),
    h('p', {}, t('districtsUnits', { districts: data.districts, units: data.units })),
    h('table', { class: 'preview-counts' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('changeKind')), h('th', { scope: 'col', class: 'number' }, t('count')), h('th', { scope: 'col' }, t('unitId')))),
      h('tbody', {},
        row(t('added'), data.added, data.addedUnitIds),
        row(t('updated'), data.updated, data.updatedUnitIds),
        row(t('deactivated'), data.deactivated, data.deactivatedUnitIds),
        row(t('reactivated'), data.reactivated, data.reactivatedUnitIds),
        row(t('unchanged'), data.unchanged, []))),
    data.frozenCampaignIds.length ? h('p', {}, t('frozen', { list: data.frozenCampaignIds.join(', ') })) : null,
    apply ? h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', id: 'roster-apply', onclick: apply }, t('apply'))) : null);
}

/** Every rejected row with its problems and, to find it in the file, the row's own text. */
function rejectedRows(errors, text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const rowNumber = key => (key === 'header' ? 0 : Number(/\d+/.exec(key)?.[0] ?? Number.MAX_SAFE_INTEGER));
  const entries = Object.entries(errors).sort(([a], [b]) => rowNumber(a) - rowNumber(b));
  return h('div', { class: 'message error', role: 'alert', id: 'roster-rejected' },
    h('h3', {}, t('rejectedTitle', { n: entries.length })),
    h('div', { class: 'table-wrap' }, h('table', { class: 'rejected' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('row')), h('th', { scope: 'col' }, t('problem')), h('th', { scope: 'col' }, t('content')))),
      h('tbody', {}, entries.map(([key, messages]) => {
        const number = rowNumber(key);
        return h('tr', {},
          h('th', { scope: 'row', class: 'number' }, key === 'header' ? '1' : String(number)),
          h('td', {}, messages.join(' ')),
          h('td', { class: 'content' }, lines[(key === 'header' ? 1 : number) - 1] ?? ''));
      })))));
}

// ---- a new campaign from an earlier one, dates moved to the next Tết ----

const year = tet => tet.date.slice(0, 4);

function tetBefore(campaign) {
  const deadline = vietnamDay(campaign.deadline);
  return TET.find(tet => dayOf(tet.date) >= deadline) ?? TET[TET.length - 1];
}

function cloneSection() {
  const source = h('select', { id: 'clone-source' }, state.campaigns.map(c => h('option', { value: c.campaignId }, `${c.title} (${c.campaignId})`)));
  const target = h('select', { id: 'clone-target' });
  const fields = {
    id: h('input', { id: 'clone-id', autocomplete: 'off', spellcheck: 'false' }),
    title: h('input', { id: 'clone-title', autocomplete: 'off' }),
    opensAt: h('input', { id: 'clone-opens', autocomplete: 'off', 'aria-describedby': 'clone-date-hint' }),
    deadline: h('input', { id: 'clone-deadline', autocomplete: 'off', 'aria-describedby': 'clone-date-hint' }),
    closesAt: h('input', { id: 'clone-closes', autocomplete: 'off', 'aria-describedby': 'clone-date-hint' }),
  };
  const note = h('p', { class: 'hint', id: 'clone-shift' });
  const result = h('div', { id: 'clone-result', 'aria-live': 'polite' });
  let chosen = null;

  const fillFields = () => {
    const from = tetBefore(chosen);
    const to = TET.find(tet => tet.date === target.value);
    const days = dayOf(to.date) - dayOf(from.date);
    const shift = iso => formatDateTime(new Date(Date.parse(iso) + days * DAY_MS));
    fields.id.value = (chosen.campaignId.includes(year(from)) ? chosen.campaignId.replaceAll(year(from), year(to)) : `${chosen.campaignId}-${year(to)}`).slice(0, 64);
    fields.title.value = chosen.title.replace(from.name, to.name).replaceAll(year(from), year(to));
    fields.opensAt.value = shift(chosen.opensAt);
    fields.deadline.value = shift(chosen.deadline);
    fields.closesAt.value = shift(chosen.closesAt);
    note.textContent = t('shiftNote', { days, from: from.name, fromDate: formatDate(from.date), to: to.name, toDate: formatDate(to.date) });
  };

  const pickSource = async () => {
    fill(result);
    try {
      chosen = (await api(`/api/campaigns/${source.value}`)).data;
    } catch (error) {
      return fill(result, h('p', { class: 'message error', role: 'alert' }, errorText(error)));
    }
    const from = tetBefore(chosen);
    const today = vietnamDay(new Date());
    const later = TET.filter(tet => dayOf(tet.date) > dayOf(from.date));
    const next = later.find(tet => dayOf(tet.date) > today) ?? later[later.length - 1];
    fill(target, later.map(tet => h('option', { value: tet.date, selected: tet === next }, t('tetOption', { name: tet.name, date: formatDate(tet.date) }))));
    if (later.length > 0) fillFields();
  };

  const create = async event => {
    event.preventDefault();
    if (!chosen) return;
    const id = fields.id.value.trim();
    const times = Object.fromEntries(['opensAt', 'deadline', 'closesAt'].map(key => [key, parseVietnamDateTime(fields[key].value)]));
    if (!ID_PATTERN.test(id)) return fail(fields.id, t('badId'));
    const badTime = Object.keys(times).find(key => times[key] === null);
    if (badTime) return fail(fields[badTime], t('badDate'));
    try {
      await api(`/api/campaigns/${id}`);
      return fail(fields.id, t('idExists', { id }));
    } catch (error) {
      if (error.status !== 404) return fail(fields.id, errorText(error));
    }
    try {
      const { data } = await api(`/api/campaigns/${id}`, {
        method: 'PUT',
        headers: { 'If-None-Match': '*' },
        body: {
          title: fields.title.value.trim(),
          ...times,
          digestRecipients: chosen.digestRecipients ?? [],
          sections: chosen.sections.map(section => ({
            id: section.id,
            title: section.title,
            items: section.items.map(item => ({ id: item.id, text: item.text, required: item.required })),
          })),
        },
      });
      state.campaigns = (await api('/api/campaigns')).data;
      fill(result, h('p', { class: 'message success', role: 'status' }, t('created', { id: data.campaignId, items: data.itemCount })));
    } catch (error) {
      const details = Object.entries(error.errors).map(([key, messages]) => `${key}: ${messages.join(' ')}`);
      fill(result, h('div', { class: 'message error', role: 'alert' }, h('p', {}, errorText(error)), details.length ? h('ul', {}, details.map(d => h('li', {}, d))) : null));
    }
    focusOn(result.firstChild);
  };

  const fail = (field, text) => {
    fill(result, h('p', { class: 'message error', role: 'alert' }, text));
    field.focus();
  };

  source.addEventListener('change', pickSource);
  target.addEventListener('change', fillFields);
  queueMicrotask(pickSource);
  const field = (input, label) => h('div', { class: 'field' }, h('label', { for: input.id }, label), input);
  return h('section', { class: 'card', 'aria-labelledby': 'clone-title-heading' },
    h('h2', { id: 'clone-title-heading' }, t('cloneTitle')),
    h('p', { class: 'hint' }, t('cloneHelp')),
    h('form', { onsubmit: create, novalidate: true },
      field(source, t('source')),
      field(target, t('targetTet')),
      note,
      field(fields.id, t('newId')),
      field(fields.title, t('newTitle')),
      h('p', { class: 'hint', id: 'clone-date-hint' }, t('dateHint')),
      field(fields.opensAt, t('opensAt')),
      field(fields.deadline, t('deadlineField')),
      field(fields.closesAt, t('closesAt')),
      h('button', { type: 'submit', class: 'primary', id: 'clone-create' }, t('create'))),
    result);
}

// ---- unit links ----

function linksSection() {
  const campaign = h('select', { id: 'links-campaign' }, state.campaigns.map(c => h('option', { value: c.campaignId }, `${c.title} (${c.campaignId})`)));
  const result = h('div', { id: 'links-result', 'aria-live': 'polite' });
  const fetchLinks = async () => {
    try {
      const { data, response } = await api(`/api/campaigns/${campaign.value}/links`, { as: 'blob' });
      const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `links-${campaign.value}.csv`;
      download(name, data);
      fill(result, h('p', { class: 'message success', role: 'status' }, t('downloaded', { file: name })));
    } catch (error) {
      fill(result, h('p', { class: 'message error', role: 'alert' }, errorText(error)));
    }
  };
  return h('section', { class: 'card', 'aria-labelledby': 'links-title' },
    h('h2', { id: 'links-title' }, t('linksTitle')),
    h('p', { class: 'hint' }, t('linksHelp')),
    h('div', { class: 'field' }, h('label', { for: 'links-campaign' }, t('campaign')), campaign),
    h('button', { type: 'button', id: 'links-download', onclick: fetchLinks }, t('downloadLinks')),
    result);
}

function revokeSection() {
  const unit = h('input', { id: 'revoke-unit', list: 'unit-ids', autocomplete: 'off', spellcheck: 'false' });
  const result = h('div', { id: 'revoke-result', 'aria-live': 'polite' });
  const revoke = async event => {
    event.preventDefault();
    const unitId = unit.value.trim().toLowerCase();
    if (!ID_PATTERN.test(unitId)) {
      fill(result, h('p', { class: 'message error', role: 'alert' }, t('badId')));
      return unit.focus();
    }
    if (!window.confirm(t('revokeConfirm', { unit: unitId }))) return;
    try {
      await api(`/api/units/${unitId}/links/revoke`, { method: 'POST' });
      fill(result, h('p', { class: 'message success', role: 'status' }, t('revoked', { unit: unitId })));
    } catch (error) {
      fill(result, h('p', { class: 'message error', role: 'alert' }, errorText(error)));
    }
  };
  return h('section', { class: 'card', 'aria-labelledby': 'revoke-title' },
    h('h2', { id: 'revoke-title' }, t('revokeTitle')),
    h('p', { class: 'hint' }, t('revokeHelp')),
    h('form', { onsubmit: revoke, novalidate: true },
      h('div', { class: 'field' }, h('label', { for: 'revoke-unit' }, t('unitId')), unit),
      h('datalist', { id: 'unit-ids' }, state.unitIds.map(id => h('option', { value: id }))),
      h('button', { type: 'submit', id: 'revoke-submit' }, t('revoke'))),
    result);
}
