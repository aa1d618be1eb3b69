import type { Site } from './site.js';
import { changeEntries } from './pages/timeline.js';
import { urls } from './urls.js';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const xmlText = (s: string) => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

/** A day as an Atom date-time (RFC 3339): changes are recorded by day, at midnight UTC. */
const atomDate = (day: string) => `${day}T00:00:00Z`;

/**
 * /{lang}/updates.xml: every change readers of the language see, as an Atom feed (RFC 4287),
 * newest first. Each entry's id is the change's stable address on /{lang}/updates; its link is the
 * page that changed.
 */
export function atomFeed(site: Site, lang: string): string {
  const t = site.t[lang]!;
  const base = site.config.baseUrl;
  const changes = changeEntries(site, lang);
  const language = t(`ui:languageNames.${lang}`);
  const entries = changes.map((c) => {
    const title = `${t(`ui:changeKinds.${c.kind}`)}: ${t(`positions:${c.position.id}.title`)}`;
    const summary = c.note ? t(`changes:${c.note}`) : t('ui:changes.addedNote');
    return [
      '  <entry>',
      `    <id>${xmlText(`${base}${urls.updates(lang)}#${c.anchor}`)}</id>`,
      `    <title>${xmlText(title)}</title>`,
      `    <updated>${atomDate(c.on)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(`${base}${c.position.url}`)}"/>`,
      `    <summary>${xmlText(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(lang)}">`,
    `  <id>${xmlText(`${base}${urls.feed(lang)}`)}</id>`,
    `  <title>${xmlText(t('ui:updates.feedTitle', { language }))}</title>`,
    `  <subtitle>${xmlText(t('ui:site.name'))}</subtitle>`,
    `  <updated>${atomDate(changes[0]?.on ?? site.model.lastReviewed)}</updated>`,
    `  <author><name>${xmlText(t('ui:site.name'))}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(`${base}${urls.feed(lang)}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(`${base}${urls.updates(lang)}`)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
