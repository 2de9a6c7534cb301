// The translation state in the editor's lists. Decap's list summary sees only the Chinese entry,
// so each entry card (a link to #/collections/<kind>/entries/<slug>, Decap's own address) gets a
// badge from the translation report, and the list a line saying how fresh that report is.
import { badgeFor, freshnessNote, type TranslationListReport } from '../lib/cms/translationList';

let report: TranslationListReport | undefined;

async function load() {
  try {
    const response = await fetch('/admin/translations.json', { cache: 'no-store' });
    report = response.ok ? ((await response.json()) as TranslationListReport) : undefined;
  } catch {
    report = undefined;
  }
  decorate(true);
}

const entryAddress = /#\/collections\/([^/]+)\/entries\/([^/?]+)$/;

function decorate(refresh = false) {
  if (!report) return;
  const rows = new Map(report.publications.map((row) => [`${row.kind}/${row.slug}`, row]));
  let firstCard: HTMLAnchorElement | undefined;
  for (const card of document.querySelectorAll<HTMLAnchorElement>('a[href*="/collections/"][href*="/entries/"]')) {
    const match = entryAddress.exec(card.getAttribute('href') ?? '');
    const row = match && rows.get(`${match[1]}/${decodeURIComponent(match[2]!)}`);
    if (!row) continue;
    firstCard ??= card;
    const existing = card.querySelector<HTMLElement>('[data-translation-badge]');
    if (existing && !refresh) continue;
    const { text, details } = badgeFor(row);
    const badge = existing ?? document.createElement('span');
    badge.dataset.translationBadge = row.state;
    const label = details ? `${text}（${details}）` : text;
    if (badge.textContent !== label) badge.textContent = label;
    if (!existing) card.append(badge);
  }
  // The note goes just before the list of cards, not among them.
  const list = firstCard?.parentElement?.parentElement;
  let note = list?.previousElementSibling instanceof HTMLElement && 'translationAsOf' in list.previousElementSibling.dataset ? list.previousElementSibling : undefined;
  if (list && !note) {
    note = document.createElement('p');
    note.dataset.translationAsOf = '';
    list.before(note);
  }
  // Only a change of text: setting the same text again would wake the observer for ever.
  const text = freshnessNote(report);
  if (note && note.textContent !== text) note.textContent = text;
}

/** Badges on every list Decap draws; the report is read again whenever the address changes. */
export function showTranslationStates() {
  void load();
  new MutationObserver(() => decorate()).observe(document.body, { childList: true, subtree: true });
  window.addEventListener('hashchange', () => void load());
}
