import i18next, { type TFunction } from 'i18next';
import type { Content } from '../content/load.js';
import type { Resources } from '../content/locales.js';
import { typesetTree } from './typography.js';

export type Translate = TFunction;

/** Every text of every language set in that language's typography, once, when the site is built. */
function typesetResources(resources: Resources): Resources {
  return Object.fromEntries(Object.entries(resources).map(([lang, namespaces]) => [lang, typesetTree(lang, namespaces)]));
}

/**
 * A date that ends in an abbreviation ("30 ноября 2026 г.") at the end of a sentence: one full stop, not two.
 * Runs on the finished text, after the placeholders are filled in.
 */
const oneFullStop = {
  type: 'postProcessor' as const,
  name: 'oneFullStop',
  process: (value: string) => (value.includes('..') ? value.replace(/(\s\p{L}{1,3}\.)\.(?!\.)/gu, '$1') : value),
};

/** One i18next instance for the whole process, with a fixed translate function per language. */
export function createTranslators(content: Content, onMissing?: (lang: string, key: string) => void): Record<string, Translate> {
  const instance = i18next.createInstance();
  void instance.use(oneFullStop).init({
    initAsync: false,
    resources: typesetResources(content.locales.resources) as never,
    lng: content.sourceLang,
    fallbackLng: false,
    supportedLngs: content.langCodes,
    ns: Object.keys(content.locales.resources[content.sourceLang] ?? {}),
    defaultNS: 'ui',
    nsSeparator: ':',
    keySeparator: '.',
    returnNull: false,
    returnEmptyString: false,
    postProcess: ['oneFullStop'],
    interpolation: { escapeValue: false },
    saveMissing: Boolean(onMissing),
    missingKeyHandler: onMissing ? (lngs, _ns, key) => onMissing(String(lngs[0]), key) : undefined,
  });
  // "{{status, lowerFirst}}": a label that starts a line on its own ("Suspended") continues a sentence after a colon ("As of …: suspended")
  instance.services.formatter?.add('lowerFirst', (value: unknown, lng: string | undefined) => {
    const s = String(value);
    return s.charAt(0).toLocaleLowerCase(lng) + s.slice(1);
  });
  return Object.fromEntries(content.langCodes.map((lang) => [lang, instance.getFixedT(lang)]));
}
