import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildApi } from '../../src/api/build.js';
import * as S from '../../src/api/schemas.js';
import { testConfig } from '../../src/config.js';
import { createSite } from '../../src/site/site.js';
import { pageTable } from '../../src/site/pages/index.js';
// the API gives the texts as written in the locale files (pages set them in the language's typography)
import { LANGS, makeApp, writtenText as text } from '../helpers.js';
import { ANSWER_ALIAS, POSITION_ALIASES, appWithAliases } from './aliasFixture.js';

const { app, site, errors } = makeApp();
const { content, model, config } = site;
const table = pageTable(site);
const SOURCE = content.sourceLang;

/** GETs an API address and parses its body with the schema, failing the test on any mismatch. */
async function get<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
  const res = await request(app).get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(res.headers['access-control-allow-origin']).toBe('*');
  expect(res.headers['cache-control']).toBe('public, max-age=300');
  return schema.parse(JSON.parse(res.text));
}

/** The path of a full address on the public base URL. */
function local(url: string): string {
  expect(url.startsWith(`${config.baseUrl}/`), url).toBe(true);
  return url.slice(config.baseUrl.length);
}

/** A page address that the site serves (the page table). */
function expectPage(url: string): void {
  expect(table.has(local(url)), url).toBe(true);
}

describe('built once at start', () => {
  it('every document matches its schema; a mismatch stops the start with its address', () => {
    const built = buildApi(site);
    expect(built.get('/api/v1/positions')?.bodies.size).toBe(LANGS.length);
    const broken = createSite(content, testConfig({ baseUrl: 'ftp://example.org' }));
    expect(() => buildApi(broken)).toThrow(/^API: the response for \/api\/v1\/ does not match its schema: .*links\.self: Invalid URL/);
  });
});

describe('GET /api/v1/', () => {
  it('names the version, the languages and links to every other document', async () => {
    const index = await get('/api/v1/', S.ApiIndex);
    expect(index.version).toBe(1);
    expect(index.sourceLanguage).toBe(SOURCE);
    expect(index.languages.map((l) => l.code)).toEqual(LANGS);
    expect(index.lastReviewed).toBe(model.lastReviewed);
    await get(local(index.links.self), S.ApiIndex);
    await get(local(index.links.positions), S.ApiPositions);
    await get(local(index.links.sources), S.ApiSources);
    await get(local(index.links.help), S.ApiHelp);
    await get(local(index.links.outcomes), S.ApiOutcomes);
    for (const l of index.languages) {
      expect((await get(local(l.links.positions), S.ApiPositions)).lang).toBe(l.code);
      expect((await get(local(l.links.help), S.ApiHelp)).lang).toBe(l.code);
      expect((await get(local(l.links.outcomes), S.ApiOutcomes)).lang).toBe(l.code);
    }
  });
});

describe.each(LANGS)('positions in %s', (lang) => {
  it('lists every position with its facts, texts in this language and working links', async () => {
    const { positions } = await get(`/api/v1/positions?lang=${lang}`, S.ApiPositions);
    expect(positions.map((p) => p.id)).toEqual(content.positions.map((p) => p.id));
    for (const p of positions) {
      const rule = model.positionById.get(p.id)!;
      expect(p.kind).toBe(rule.kind);
      expect(p.saidOn).toBe(rule.saidOn ?? null);
      expect(p.reportedIn).toBe(rule.reportedIn ?? null);
      expect(p.checkedOn).toBe(rule.checkedOn);
      expect(p.reviewedOn).toBe(rule.reviewedOn);
      expect(p.reportDiffers).toBe(rule.reportDiffers);
      expect(p.appliesTo).toEqual(rule.appliesTo);
      expect(p.related).toEqual(rule.related);
      expect(p.afterwards).toEqual(rule.afterwards);
      expect(p.sources).toEqual(rule.sources.map((s) => (s.quote ? { id: s.source, quote: s.quote } : { id: s.source })));
      expect(p.saidBy).toEqual(rule.saidBy.map((id) => ({ id, name: text(lang, 'actors', `${id}.name`), role: text(lang, 'actors', `${id}.role`) })));
      expect(p.caveats).toEqual(rule.caveats.map((id) => ({ id, text: text(lang, 'caveats', id) })));
      for (const field of ['title', 'summary', 'said', 'means', 'doesNotMean', 'nextSteps'] as const) {
        expect(p.text[field]).toBe(text(lang, 'positions', `${p.id}.${field}`));
      }
      expect(p.text.afterwards).toBe(rule.afterwards.length > 0 ? text(lang, 'positions', `${p.id}.afterwards`) : undefined);
      expect(p.text.reportSaid).toBe(rule.reportDiffers ? text(lang, 'positions', `${p.id}.reportSaid`) : undefined);
      expect(p.text.primarySays).toBe(rule.reportDiffers ? text(lang, 'positions', `${p.id}.primarySays`) : undefined);
      for (const s of rule.sources.filter((s) => s.quote)) expect(p.text.quotes?.[s.source]).toBe(text(lang, 'positions', `${p.id}.quotes.${s.source}`));
      expect(local(p.url)).toBe(`/${lang}/positions/${p.id}`);
      expectPage(p.url);
      expectPage(p.sheetUrl);
      expect(local(p.apiUrl)).toBe(`/api/v1/positions/${p.id}?lang=${lang}`);
    }
  });

  it('serves each position on its own address, the same as in the list', async () => {
    const { positions } = await get(`/api/v1/positions?lang=${lang}`, S.ApiPositions);
    for (const p of positions) {
      const one = await get(local(p.apiUrl), S.ApiPositionDocument);
      expect(one).toEqual({ lang, position: p });
    }
  });

  it('lists the help organisations with every fact, its source and checked date, and what they do in this language', async () => {
    const doc = await get(`/api/v1/help?lang=${lang}`, S.ApiHelp);
    expect(doc.help.map((h) => h.id)).toEqual(content.help.organisations.map((o) => o.id));
    for (const [i, o] of content.help.organisations.entries()) {
      const h = doc.help[i]!;
      expect(h.what).toBe(text(lang, 'help', `${o.id}.what`));
      expect(h.website).toEqual(o.website);
      expect(h.answersIn).toEqual(o.answersIn);
      expect(h.status).toEqual({ ...o.status, since: o.status.since ?? null, stillListed: o.status.stillListed ?? null });
      expect(h.contacts).toEqual(o.contacts.map((c) => ({ kind: c.kind, value: c.value ?? null, international: c.international ?? null, source: c.source, checked: c.checked })));
      expect(h.warning === null).toBe(!['undesirable', 'extremist'].includes(o.status.kind));
      expect(h.url).toMatch(new RegExp(`/${lang}/help#help-${o.id}$`));
    }
    // every source named by a fact is in the document
    const ids = new Set(doc.sources.map((s) => s.id));
    for (const h of doc.help) for (const s of [h.website.source, h.answersIn.source, h.status.source, ...h.contacts.map((c) => c.source)]) expect(ids).toContain(s);
    expect(doc.authorities.map((a) => a.id)).toEqual(content.help.authorities.map((a) => a.id));
    expect(doc.safety.map((n) => n.text)).toEqual(content.help.safety.map((n) => text(lang, 'help', `safety.${n.id}`)));
  });

  it('lists the finder questions and every outcome, each on its own address', async () => {
    const doc = await get(`/api/v1/outcomes?lang=${lang}`, S.ApiOutcomes);
    expect(doc.questions).toEqual(
      content.questions.map((q) => ({
        id: q.id,
        askIf: q.askIf ?? null,
        text: text(lang, 'finder', `${q.id}.question`),
        options: q.options.map((o) => ({ id: o, label: text(lang, 'finder', `${q.id}.options.${o}.label`) })),
      })),
    );
    expect(doc.outcomes.map((o) => o.id)).toEqual(model.outcomes.map((o) => o.id));
    for (const o of doc.outcomes) {
      const rule = model.outcomeById.get(o.id)!;
      expect(o.answers).toEqual(rule.answers);
      expect(o.positions).toEqual(rule.statements.map((p) => p.id));
      expect(o.afterwards).toEqual(rule.afterwards.map((p) => p.id));
      // only the questions asked on the way to this outcome
      expect(Object.keys(o.text)).toEqual(rule.asked.map((x) => x.question.id));
      for (const { question: q, answer: a } of rule.asked) {
        expect(o.text[q.id]).toEqual({
          question: text(lang, 'finder', `${q.id}.question`),
          answer: text(lang, 'finder', `${q.id}.options.${a}.label`),
          outcome: text(lang, 'finder', `${q.id}.options.${a}.outcome`),
        });
      }
      expect(local(o.url)).toBe(`/${lang}/check/${rule.path}`);
      expectPage(o.url);
      expectPage(o.sheetUrl);
      expect(local(o.apiUrl)).toBe(`/api/v1/outcomes/${rule.path}?lang=${lang}`);
      expect(await get(local(o.apiUrl), S.ApiOutcomeDocument)).toEqual({ lang, outcome: o });
    }
  });
});

describe('language-independent documents and defaults', () => {
  it('lists every source with its dates and the positions that cite it', async () => {
    const { sources } = await get('/api/v1/sources', S.ApiSources);
    expect(sources.map((s) => s.id)).toEqual(content.sources.map((s) => s.id));
    for (const s of sources) {
      const rule = model.sourceById.get(s.id)!;
      expect(s).toEqual({
        ...rule,
        publisherNote: rule.publisherNote ? Object.fromEntries(content.langCodes.map((l) => [l, content.locales.flat[l]!.get(`sources:${s.id}.publisher`)])) : null,
        title: rule.title ?? null,
        published: rule.published ?? null,
        usedBy: (model.sourceUsedBy.get(s.id) ?? []).map((p) => p.id),
      });
    }
    const cited = new Set((await get('/api/v1/positions', S.ApiPositions)).positions.flatMap((p) => [...p.sources.map((x) => x.id), ...(p.reportedIn ? [p.reportedIn] : [])]));
    for (const id of cited) expect(sources.some((s) => s.id === id), id).toBe(true);
  });

  it(`answers in ${SOURCE} without ?lang=, and ignores other query parameters`, async () => {
    for (const path of ['/api/v1/positions', '/api/v1/help', '/api/v1/outcomes', `/api/v1/positions/${content.positions[0]!.id}`]) {
      const plain = await request(app).get(path);
      const explicit = await request(app).get(`${path}?lang=${SOURCE}`);
      expect(plain.text).toBe(explicit.text);
      expect(plain.headers['content-language']).toBe(SOURCE);
      const junk = await request(app).get(`${path}?utm_source=x&lang=ru&page=2&x[]=1&lang[]=de`);
      expect(junk.status).toBe(200);
      expect(junk.text).toBe((await request(app).get(`${path}?lang=ru`)).text);
    }
    expect((await request(app).get('/api/v1/sources?lang=xx&foo')).status).toBe(200);
  });

  it('answers HEAD, a conditional GET with 304, and a CORS preflight', async () => {
    const first = await request(app).get('/api/v1/positions?lang=de');
    expect(first.headers['etag']).toBeTruthy();
    expect(first.headers['content-language']).toBe('de');
    const again = await request(app).get('/api/v1/positions?lang=de').set('If-None-Match', first.headers['etag']!);
    expect(again.status).toBe(304);
    const head = await request(app).head('/api/v1/positions?lang=de');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(head.text ?? '').toBe('');
    const preflight = await request(app).options('/api/v1/positions').set('Origin', 'https://example.org').set('Access-Control-Request-Method', 'GET');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
  });

  it('sets no cookie and lets other sites read it', async () => {
    const res = await request(app).get('/api/v1/');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('a reader\'s mistakes are JSON errors, never a 500', () => {
  const long = `/api/v1/positions/${'a'.repeat(600)}`;
  const cases: [string, number][] = [
    ['/api/v1/positions?lang=xx', 404],
    ['/api/v1/positions?lang=', 404],
    ['/api/v1/positions?lang=EN', 404],
    ['/api/v1/help?lang=%3Cscript%3Ealert(1)%3C/script%3E', 404],
    ['/api/v1/positions?lang=en&lang=ru', 400],
    ['/api/v1/outcomes/in-germany/deserter/waiting?lang=ru&lang=ru', 400],
    ['/api/v1/positions/no-such-position', 404],
    ['/api/v1/positions/%3Cscript%3Ealert(1)%3C%2Fscript%3E', 404],
    ['/api/v1/positions/deserters-protection/sources', 404],
    ['/api/v1/outcomes/in-russia', 404],
    ['/api/v1/outcomes/in-russia/nobody', 404],
    ['/api/v1/outcomes/in-russia/deserter/more', 404],
    ['/api/v1/nothing', 404],
    ['/api/v2/', 404],
    ['/api/v1/positions/%E0%A4%A', 400],
    ['/api/v1/%', 400],
    [long, 414],
  ];

  it.each(cases)('GET %s → %i', async (path, status) => {
    const res = await request(app).get(path);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cache-control']).toBe('no-store');
    const body = S.ApiError.parse(JSON.parse(res.text));
    expect(body.error.status).toBe(status);
    expect(res.text).not.toMatch(/<script|alert\(1\)|a{100}/i);
  });

  it.each(['post', 'put', 'patch', 'delete'] as const)('%s → 405 with Allow', async (method) => {
    const res = await request(app)[method]('/api/v1/positions').send({ lang: 'ru' });
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('GET, HEAD, OPTIONS');
    expect(S.ApiError.parse(JSON.parse(res.text)).error.status).toBe(405);
  });

  it('logged no server error', () => {
    expect(errors).toEqual([]);
  });
});

describe('addresses that moved', () => {
  const fixture = appWithAliases();

  it('/api, /api/ and /api/v1 lead to /api/v1/; a slash too many is dropped, with the query kept', async () => {
    for (const path of ['/api', '/api/', '/api/v1']) {
      const res = await request(app).get(path);
      expect(res.status).toBe(301);
      expect(res.headers.location).toBe('/api/v1/');
    }
    const res = await request(app).get('/api/v1/positions/?lang=ru');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/api/v1/positions?lang=ru');
  });

  it('an old position id redirects 301 to the current one, with the query kept', async () => {
    for (const [old, id] of Object.entries(POSITION_ALIASES)) {
      const res = await request(fixture.app).get(`/api/v1/positions/${old}?lang=ru`);
      expect(res.status).toBe(301);
      expect(res.headers.location).toBe(`/api/v1/positions/${id}?lang=ru`);
    }
  });

  it('an old finder answer redirects 301 to the current outcome', async () => {
    const who = content.questions[1]!.options[0]!;
    const res = await request(fixture.app).get(`/api/v1/outcomes/${ANSWER_ALIAS.old}/${who}?lang=de`);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(`/api/v1/outcomes/${ANSWER_ALIAS.current}/${who}?lang=de`);
  });
});
