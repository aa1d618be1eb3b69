import type { Site } from './site.js';
import { urls, type LinkMode } from './urls.js';
import { formatSize } from './format.js';
import { offlineSize } from './offline.js';

/** What a page builder returns: which view, in which language, at which address, with which data. */
export interface Page {
  view: string;
  lang: string;
  /** The page's own address, e.g. /ru/positions/deserters-protection */
  path: string;
  title: string;
  /**
   * The page's name in the browser tab and history when its title names the topic (a statement's title):
   * something neutral, such as its kind and date. '' titles the tab with the site's name alone (the start page).
   */
  tabTitle?: string;
  description: string;
  status?: number;
  /** Translation keys (prefixes like "positions:x.") whose freshness this page reports. */
  textKeys?: string[];
  /** Pages that should not be listed by search engines (errors). */
  noindex?: boolean;
  /** Pages that show a reader's answers (finder outcomes and answered questions, situation sheets): sent "private, no-store". */
  private?: boolean;
  data?: Record<string, unknown>;
}

const OG_LOCALE: Record<string, string> = { en: 'en_GB', ru: 'ru_RU', de: 'de_DE' };

function isStale(site: Site, lang: string, prefixes: string[]): boolean {
  const stale = site.content.locales.stale[lang];
  if (!stale || stale.size === 0) return false;
  for (const key of stale) if (prefixes.some((p) => key.startsWith(p))) return true;
  return false;
}

/** The address below the language folder; a page outside one (the export's /index.html, /404.html) offers each language's home. */
function restOf(page: Pick<Page, 'lang' | 'path'>): string {
  return page.path.startsWith(`/${page.lang}/`) ? page.path.slice(page.lang.length + 1) : '/';
}

/** The same page in every language, plus x-default: used by the page's <head> and by the sitemap. */
export function alternates(site: Site, page: Pick<Page, 'lang' | 'path'>): { hreflang: string; url: string }[] {
  const { content, config } = site;
  const rest = restOf(page);
  return [
    ...content.langCodes.map((code) => ({ hreflang: code, url: `${config.baseUrl}/${code}${rest}` })),
    { hreflang: 'x-default', url: `${config.baseUrl}/${content.sourceLang}${rest}` },
  ];
}

/** Renders a page with the layout: caveat, language switcher, alternates, canonical, footer. */
export function renderPage(site: Site, page: Page, linkMode: LinkMode = 'absolute'): string {
  const view = site.views.get(page.view);
  if (!view) throw new Error(`no view "${page.view}"`);
  const { content, config } = site;
  const rest = restOf(page);
  const language = content.languages.find((l) => l.code === page.lang);
  const css = site.assets.get('site.css');
  const icon = site.assets.get('favicon.svg');
  const t = site.t[page.lang];
  // The neutral name (an operator's SITE_TITLE, or the language's own): what history, tabs and previews show.
  const siteName = config.siteTitle ?? (t ? t('ui:site.title') : '');
  const tab = page.tabTitle ?? page.title;
  return view({
    ...page.data,
    lang: page.lang,
    linkMode,
    page: {
      ...page,
      /** The tab title: the page, then the site, once (the start page is titled with the site name alone). */
      documentTitle: !t || tab === siteName ? tab : tab === '' ? siteName : t('ui:site.titleFormat', { page: tab, site: siteName }),
      canonical: `${config.baseUrl}${page.path}`,
      ogLocale: OG_LOCALE[page.lang] ?? page.lang,
      alternates: page.noindex ? [] : alternates(site, page),
    },
    // an error page offers each language's start page (its own address does not exist in any language)
    langs: content.languages.map((l) => ({ code: l.code, name: l.name, url: page.view === 'error' ? urls.home(l.code) : `/${l.code}${rest}`, current: l.code === page.lang, ogLocale: OG_LOCALE[l.code] ?? l.code })),
    notices: {
      unreviewed: language?.review.status === 'unreviewed',
      stale: isStale(site, page.lang, ['ui:', ...(page.textKeys ?? [])]),
    },
    site: {
      title: siteName,
      css: css?.href,
      icon: icon?.href,
      home: urls.home(page.lang),
      feed: urls.feed(page.lang),
      contactEmail: config.contactEmail,
      about: urls.about(page.lang),
      // the footer's line: the whole guide in one file, and its size (the file itself has no such line)
      offline: page.view === 'offline' || !t ? undefined : { url: urls.offline(page.lang), size: formatSize(page.lang, offlineSize(site, page.lang)) },
      help: urls.help(page.lang),
      imprint: urls.imprint(page.lang),
      lastReviewed: site.model.lastReviewed,
      nav: [
        { url: urls.home(page.lang), key: 'ui:nav.home' },
        { url: urls.checkQuestion(page.lang), key: 'ui:nav.check' },
        { url: urls.positions(page.lang), key: 'ui:nav.positions' },
        { url: urls.timeline(page.lang), key: 'ui:nav.timeline' },
        { url: urls.glossary(page.lang), key: 'ui:nav.glossary' },
        { url: urls.help(page.lang), key: 'help:ui.title' },
        { url: urls.sources(page.lang), key: 'ui:nav.sources' },
        { url: urls.about(page.lang), key: 'ui:nav.about' },
      ],
    },
  });
}
