import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { StatusKind } from '../content/schema.js';
import { VIEWS_DIR } from '../paths.js';
import { formatDate, formatDateRange, paragraphs } from './format.js';
import type { Translate } from './i18n.js';
import { statusWords } from './statusWords.js';
import { typeset } from './typography.js';
import { linkFrom, type LinkMode } from './urls.js';

export type Template = Handlebars.TemplateDelegate;

/** Compiles every view and partial once, with the helpers the views use. */
export function compileViews(translators: Record<string, Translate>, dir = VIEWS_DIR): Map<string, Template> {
  const hb = Handlebars.create();
  const root = (options: Handlebars.HelperOptions) => options.data.root as { lang: string; page: { path: string }; linkMode: LinkMode };
  hb.registerHelper('t', function (key: string, options: Handlebars.HelperOptions) {
    const r = root(options);
    const t = translators[r.lang];
    if (!t) throw new Error(`no translator for ${r.lang}`);
    return t(key, options.hash as Record<string, unknown>);
  });
  hb.registerHelper('statusWords', (kind: StatusKind, id: string, options: Handlebars.HelperOptions) => {
    const t = translators[root(options).lang];
    if (!t) throw new Error(`no translator for ${root(options).lang}`);
    return statusWords(t, kind, id);
  });
  hb.registerHelper('date', (d: string | undefined, options: Handlebars.HelperOptions) => (d ? formatDate(root(options).lang, d) : ''));
  // a day, or a span of days when `until` is given ("22–23 September 2022")
  hb.registerHelper('dateSpan', (d: string | undefined, until: unknown, options: Handlebars.HelperOptions) => {
    if (!d) return '';
    const lang = root(options).lang;
    return typeof until === 'string' && until ? formatDateRange(lang, d, until) : formatDate(lang, d);
  });
  // A dash between two parts of a line, in the language's own typography ("\u00A0— " in Russian, "\u00A0– " in German): one per language
  const dashes = new Map<string, string>();
  hb.registerHelper('dash', (options: Handlebars.HelperOptions) => {
    const lang = root(options).lang;
    let dash = dashes.get(lang);
    if (dash === undefined) {
      dash = typeset(lang, 'a - a').slice(1, -1);
      dashes.set(lang, dash);
    }
    return dash;
  });
  // A text that ends a sentence: its full stop, unless it already ends with one ("30 ноября 2026 г.")
  hb.registerHelper('stop', (text: unknown) => {
    const s = String(text ?? '');
    return s.endsWith('.') ? s : `${s}.`;
  });
  hb.registerHelper('paras', (text: string) => paragraphs(String(text)));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('href', (target: string, options: Handlebars.HelperOptions) => {
    const r = root(options);
    return linkFrom(r.linkMode, r.page.path, target);
  });
  // An address as text that lines may break anywhere but next to a hyphen, so that "…/deserters-" on paper is never
  // taken for a word split at the end of a line; the characters stay as they are for copying.
  const address = (url: string) =>
    hb.Utils.escapeExpression(url).replace(/([^-\s]?)-([^-\s]?)/g, (_m, a: string, b: string) => `<span class="nb">${a}-${b}</span>`);
  hb.registerHelper('address', (url: unknown) => new hb.SafeString(address(String(url ?? ''))));
  // A translation with an address in it ({{url}}), the address written as above.
  hb.registerHelper('tAddress', function (key: string, options: Handlebars.HelperOptions) {
    const r = root(options);
    const t = translators[r.lang];
    if (!t) throw new Error(`no translator for ${r.lang}`);
    const hash = options.hash as Record<string, unknown>;
    const marker = '\u0000address\u0000';
    const text = hb.Utils.escapeExpression(t(key, { ...hash, url: marker }));
    return new hb.SafeString(text.split(marker).join(address(String(hash.url ?? ''))));
  });
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  for (const f of readdirSync(join(dir, 'partials'))) {
    if (f.endsWith('.hbs')) hb.registerPartial(f.slice(0, -4), readFileSync(join(dir, 'partials', f), 'utf8'));
  }
  const views = new Map<string, Template>();
  for (const f of readdirSync(join(dir, 'pages'))) {
    if (f.endsWith('.hbs')) views.set(f.slice(0, -4), hb.compile(readFileSync(join(dir, 'pages', f), 'utf8'), { strict: false }));
  }
  return views;
}
