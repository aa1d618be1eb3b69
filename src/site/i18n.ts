import i18next, { type TFunction } from 'i18next';
import type { Content } from '../content/load.js';

export type Translate = TFunction;

/** One i18next instance for the whole process, with a fixed translate function per language. */
export function createTranslators(content: Content, onMissing?: (lang: string, key: string) => void): Record<string, Translate> {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: content.locales.resources as never,
    lng: content.sourceLang,
    fallbackLng: false,
    supportedLngs: content.langCodes,
    ns: Object.keys(content.locales.resources[content.sourceLang] ?? {}),
    defaultNS: 'ui',
    nsSeparator: ':',
    keySeparator: '.',
    returnNull: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
    saveMissing: Boolean(onMissing),
    missingKeyHandler: onMissing ? (lngs, _ns, key) => onMissing(String(lngs[0]), key) : undefined,
  });
  return Object.fromEntries(content.langCodes.map((lang) => [lang, instance.getFixedT(lang)]));
}
