// A submission as people read it: the unit's receipt (printed as its copy of the official report) and the
// answer tables the dashboard shows for a unit.
import { h } from './dom.js?v={{version}}';
import { formatDateTime, percent } from './format.js?v={{version}}';
import { t } from './i18n.js?v={{version}}';

export const statusLabel = status => (status ? t(`status.${status}`) : t('noAnswer'));

/** Every answer, one table per checklist section; answers to items no longer in the checklist come last. */
export function answerTables(campaign, answers) {
  const byItem = new Map(answers.map(answer => [answer.itemId, answer]));
  const tables = campaign.sections.map((section, s) => table(
    `${s + 1}. ${section.title}`,
    section.items.map((item, i) => [`${s + 1}.${i + 1}`, item.text, byItem.get(item.id)])));
  const known = new Set(campaign.sections.flatMap(section => section.items.map(item => item.id)));
  const others = answers.filter(answer => !known.has(answer.itemId));
  if (others.length > 0) tables.push(table(t('other'), others.map(answer => ['', answer.itemId, answer])));
  return tables;
}

function table(caption, rows) {
  return h('table', { class: 'answers' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('item')), h('th', { scope: 'col' }, t('answer')), h('th', { scope: 'col' }, t('note')))),
    h('tbody', {}, rows.map(([number, text, answer]) => h('tr', {},
      h('th', { scope: 'row' }, number ? h('span', { class: 'num' }, number, ' ') : null, text),
      h('td', { class: `answer answer-${answer?.status ?? 'none'}` }, statusLabel(answer?.status)),
      h('td', { class: 'note' }, answer?.note ?? '')))));
}

export function submitterText(submitter) {
  return submitter ? [submitter.name, submitter.title, submitter.phone].filter(Boolean).join(' — ') : '—';
}

/** The difficulties and proposals of a revision, each under its heading; nothing when both are empty. */
export function voices(submission, headingLevel = 'h3') {
  const blocks = ['difficulties', 'proposals']
    .filter(key => submission[key])
    .map(key => h('div', { class: `voice-text voice-${key}` }, h(headingLevel, {}, t(key)), h('p', { class: 'free-text' }, submission[key])));
  return blocks.length ? h('div', { class: 'voices-read' }, blocks) : null;
}

/** "Accepted", "Returned" or "Awaiting review", as the review state is named on every page. */
export const reviewStateLabel = state => (state ? t(`reviewState.${state}`) : '');

/**
 * The receipt of one revision: unit, campaign, revision, time, timeliness (against the unit's own deadline when it has
 * one), submitter, every answer, then the difficulties and proposals.
 */
export function receipt(campaign, submission, deadline = campaign.deadline) {
  const fact = (label, value) => [h('dt', {}, label), h('dd', {}, value)];
  const late = submission.late ? t('late') : t('onTime');
  const timeliness = `${late[0].toUpperCase()}${late.slice(1)} (${t('deadline', { date: formatDateTime(deadline) })})`;
  return h('section', { class: 'receipt', id: 'receipt', 'aria-labelledby': 'receipt-title' },
    h('h2', { id: 'receipt-title' }, t('receiptTitle')),
    h('dl', { class: 'facts' },
      fact(t('unit'), `${submission.unitName} (${submission.unitId})`),
      fact(t('district'), submission.districtName),
      fact(t('campaign'), `${campaign.title} (${campaign.campaignId})`),
      fact(t('revision'), String(submission.revision)),
      fact(t('submittedAt'), formatDateTime(submission.submittedAt)),
      fact(t('timeliness'), timeliness),
      fact(t('readiness'), percent(submission.readiness)),
      fact(t('submitter'), submitterText(submission.submitter)),
      submission.submittedVia ? fact(t('submittedVia'), viaText(submission.submittedVia)) : null,
      submission.reviewState === 'accepted' && submission.reviewedAt
        ? fact(t('reviewStateLabel'), `${reviewStateLabel('accepted')} (${formatDateTime(submission.reviewedAt)})`) : null),
    answerTables(campaign, submission.answers),
    voices(submission),
    h('p', { class: 'hint' }, t('receiptNote')));
}

function viaText(via) {
  const text = t(`via.${via}`);
  return text === `via.${via}` ? via : text;
}
