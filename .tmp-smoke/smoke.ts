import request from 'supertest';
import { createApp } from '../src/app.js';
import { testConfig } from '../src/config.js';
import { loadContentOrThrow } from '../src/content/load.js';
import { createSite } from '../src/site/site.js';
const site = createSite(loadContentOrThrow(), testConfig());
const app = createApp(site);
for (const p of ['/ru/help', '/ru/help/in-russia', '/en/imprint', '/de/about', '/ru/check/in-russia/deserter', '/ru/sheets/in-russia-deserter', '/api/v1/help?lang=ru', '/ru/', '/en/positions/deserters-protection', '/ru/offline.html']) {
  const r = await request(app).get(p);
  console.log(p, r.status, r.text.length);
  if (r.status >= 400) console.log(r.text.slice(0, 500));
}
console.log('missing', [...site.missingKeys].slice(0, 20));
const r = await request(app).get('/ru/check/in-russia/deserter');
const m = /<section id="in-short"[\s\S]*?<\/section>\s*<section id="help"[\s\S]*?<\/div>/.exec(r.text);
console.log(m?.[0]);
