import Typograf from 'typograf';
import { readFileSync, readdirSync } from 'node:fs';
const lang = process.argv[2];
const locale = { en: 'en-GB', ru: 'ru', de: 'de' }[lang];
const tp = new Typograf({ locale: [locale], htmlEntity: { type: 'default' } });
const flat = (o, p = '') => Object.entries(o).flatMap(([k, v]) => typeof v === 'object' && v ? flat(v, p + k + '.') : [[p + k, v]]);
let changed = 0, total = 0;
for (const f of readdirSync(`locales/${lang}`).filter(f => !f.startsWith('_'))) {
  for (const [k, v] of flat(JSON.parse(readFileSync(`locales/${lang}/${f}`, 'utf8')))) {
    if (typeof v !== 'string') continue; total++;
    const out = tp.execute(v);
    if (out !== v) { changed++; if (process.argv[3]) console.log(f, k, '\n  ', JSON.stringify(v), '\n->', JSON.stringify(out).replace(/\u00a0/g, '⍽').replace(/\u202f/g, '⌴')); }
  }
}
console.log(lang, changed, '/', total);
