import request from 'supertest';
import { outcomeTitle } from '../../src/site/pages/check.js';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { loadContentOrThrow, type Content } from '../../src/content/load.js';
import type { Question } from '../../src/content/schema.js';
import { ASKED_FIELD, outcomePage, questionPage } from '../../src/site/pages/check.js';
import { renderPage } from '../../src/site/page.js';
import { pageTable } from '../../src/site/pages/index.js';
import { createSite } from '../../src/site/site.js';
import { typeset } from '../../src/site/typography.js';
import { urls } from '../../src/site/urls.js';
import { LANGS, escaped, makeApp, text } from '../helpers.js';

const { app, site, errors } = makeApp();
const table = pageTable(site);
const { questions } = site.content;
const outcomes = site.model.outcomes;

/** A question page's answers as the browser sees them: one link each (its id, its address, the answer it gives). */
interface Form {
  links: { id: string; href: string; value: string }[];
}

function readForm(html: string): Form | undefined {
  const lists = [...html.matchAll(/<ul class="option-links"[^>]*>([\s\S]*?)<\/ul>/g)];
  if (lists.length === 0) return undefined;
  expect(lists).toHaveLength(1);
  const links = [...lists[0]![1]!.matchAll(/<a id="([^"]+)" href="([^"]+)">/g)].map((m) => ({ id: m[1]!, href: m[2]!, value: m[2]!.replace(/\/(index\.html)?$/, '').split('/').at(-1)! }));
  return { links };
}

/** The old form, as a bookmark or an old page sends it: its own address with the answer and the hidden field. */
function submit(path: string, q: string, value: string): string {
  return `${path}?${new URLSearchParams([[q, value], [ASKED_FIELD, q]]).toString()}`;
}

function optionLinks(html: string): string[] {
  const list = /<ul class="option-links"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
}

function changeLinks(html: string): string[] {
  return [...html.matchAll(/<a class="change" href="([^"]+)">/g)].map((m) => m[1]!);
}

/** The text of one section of a page (from its opening tag with this id to its closing tag). */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start, `section #${id}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

const t = (lang: string, key: string, options?: Record<string, unknown>) => site.t[lang]!(key, options);

// The finder as the content defines it: "where", "who", and "stage", asked only of people already in Germany.
const [whereQ, whoQ, stageQ] = questions as [Question, Question, Question];
const stageAfter = new Set(stageQ.askIf?.[whereQ.id] ?? []);

/** The question asked after these answers, and the words "Question n of (up to) total", worked out by hand. */
function expectedStep(lang: string, answers: string[]): { q: Question; step: string } {
  const n = answers.length + 1;
  if (answers.length === 0) return { q: whereQ, step: t(lang, 'ui:check.stepUpTo', { n, total: 3 }) };
  const withStage = stageAfter.has(answers[0]!);
  return { q: answers.length === 1 ? whoQ : stageQ, step: t(lang, 'ui:check.step', { n, total: withStage ? 3 : 2 }) };
}

describe('the finder is walked from its start in every language', () => {
  it('has a page for every question node and every outcome (no outcome is orphaned)', () => {
    expect(questions.map((q) => q.id)).toEqual(['where', 'who', 'stage']);
    expect(stageQ.askIf).toEqual({ where: ['in-germany'] });
    // 3 places × 6 situations, plus Germany × 6 situations × 5 stages
    const expected = whereQ.options.reduce((n, w) => n + whoQ.options.length * (stageAfter.has(w) ? stageQ.options.length : 1), 0);
    expect(expected).toBe(48);
    expect(outcomes.length).toBe(expected);
    for (const o of outcomes) expect(o.asked.map((a) => a.question.id)).toEqual(stageAfter.has(o.answers.where!) ? ['where', 'who', 'stage'] : ['where', 'who']);
    for (const lang of LANGS) {
      expect(table.has(urls.checkQuestion(lang))).toBe(true);
      for (const o of outcomes) {
        expect(table.has(urls.checkOutcome(lang, o.asked.map((a) => a.answer))), `${lang} ${o.path}`).toBe(true);
        expect(table.has(`/${lang}/check/${o.path}`)).toBe(true);
      }
    }
  });

  it.each(LANGS)('%s: every option of every question leads (form → 303) to a defined next page; every outcome is reached', async (lang) => {
    const seenQuestions = new Set<string>();
    const reached = new Set<string>();
    const queue = [urls.checkQuestion(lang)];
    while (queue.length > 0) {
      const path = queue.shift()!;
      const res = await request(app).get(path);
      expect(res.status, path).toBe(200);
      expect(table.has(path), path).toBe(true);
      const form = readForm(res.text);
      if (!form) {
        reached.add(path);
        continue;
      }
      seenQuestions.add(path);
      const given = path.split('/').slice(3, -1);
      const { q, step } = expectedStep(lang, given);
      // one link per answer, straight to the next page (one request per answer), the question as the heading
      expect(res.text).not.toMatch(/<form[\s>]/);
      expect(res.text).toContain(`<h1 id="h-question">${escaped(text(lang, 'finder', `${q.id}.question`))}</h1>`);
      expect(res.text).toContain(escaped(step));
      expect(res.text).toContain(escaped(text(lang, 'ui', 'check.historyNote')));
      expect(res.text).not.toMatch(/<script/i);
      expect(form.links.map((l) => l.value)).toEqual(q.options);
      expect(form.links.map((l) => l.id)).toEqual(q.options.map((o) => `${q.id}-${o}`));
      for (const link of form.links) {
        expect(res.text).toContain(escaped(text(lang, 'finder', `${q.id}.options.${link.value}.label`)));
        const next = link.href;
        expect(table.has(next), `${path} ${link.value} → ${next}`).toBe(true);
        expect(next).toBe(urls.checkOutcome(lang, [...given, link.value]).replace(/$/, table.has(`${urls.checkOutcome(lang, [...given, link.value])}/`) ? '/' : ''));
        // the old form address (bookmarks) still leads to the same page, by a redirect
        const sent = await request(app).get(submit(path, q.id, link.value));
        expect(sent.status, `${path} ${link.value}`).toBe(303);
        expect(sent.headers.location).toBe(next);
        if (!seenQuestions.has(next) && !queue.includes(next)) queue.push(next);
      }
    }
    const expected = outcomes.map((o) => `/${lang}/check/${o.path}`);
    expect([...reached].sort()).toEqual([...expected].sort());
    // every question page of the table was reached too
    const tableQuestions = [...table.keys()].filter((p) => p.startsWith(`/${lang}/check/`) && p.endsWith('/'));
    expect([...seenQuestions].sort()).toEqual(tableQuestions.sort());
    // one page for each question after each set of earlier answers: the start, each place, and each situation in Germany
    expect(seenQuestions.size).toBe(1 + whereQ.options.length + whoQ.options.length * stageAfter.size);
  });
});

describe('outcome pages', () => {
  const cases = LANGS.flatMap((lang) => outcomes.map((o) => [lang, o.path] as const));

  it.each(cases)('%s %s', async (lang, path) => {
    const outcome = site.model.outcomeByPath.get(path)!;
    const asked = outcome.asked.map((a) => a.question);
    const answers = outcome.asked.map((a) => a.answer);
    const res = await request(app).get(`/${lang}/check/${path}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<html lang="${lang}">`);
    expect(res.headers['content-language']).toBe(lang);
    const caveat = res.text.indexOf('id="caveat"');
    expect(caveat).toBeGreaterThan(0);
    expect(caveat).toBeLessThan(res.text.indexOf('<main'));
    expect(res.text).toContain(`<title>${escaped(text(lang, 'ui', 'site.titleFormat').replace('{{page}}', outcomeTitle(site, lang, outcome)).replace('{{site}}', text(lang, 'ui', 'site.title')))}</title>`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.text).toContain(escaped(text(lang, 'ui', 'check.historyNote')));
    expect(res.text).not.toMatch(/<script/i);

    // "Your answers": each question, the chosen answer, and a working link to change it (earlier answers kept)
    expect(res.text).toContain(escaped(text(lang, 'ui', 'check.yourAnswers')));
    for (const [i, q] of asked.entries()) {
      expect(res.text).toContain(escaped(text(lang, 'finder', `${q.id}.options.${answers[i]}.label`)));
      // what this answer means, paragraph by paragraph
      for (const para of text(lang, 'finder', `${q.id}.options.${answers[i]}.outcome`).split(/\n\s*\n/)) expect(res.text).toContain(`<p>${escaped(para.trim())}</p>`);
    }
    const change = changeLinks(res.text);
    expect(change).toEqual(asked.map((_, i) => urls.checkQuestion(lang, answers.slice(0, i))));
    for (const link of change) expect((await request(app).get(link)).status, link).toBe(200);

    // the statements that concern this situation, then what happened afterwards, each linked
    const statements = section(res.text, 'statements');
    if (outcome.statements.length === 0) expect(statements).toContain(escaped(text(lang, 'ui', 'check.noneApply')));
    for (const p of outcome.statements) expect(statements).toContain(`href="${urls.position(lang, p.id)}"`);
    for (const p of outcome.afterwards) expect(section(res.text, 'afterwards')).toContain(`href="${urls.position(lang, p.id)}"`);

    // help, and every source of every position shown, once each, with a full link
    for (const o of site.content.help.organisations.filter((x) => x.forWhom.includes(outcome.asked[0]!.answer))) {
      expect(section(res.text, 'help')).toContain(`href="${escaped(o.website.url)}"`);
    }
    const sources = section(res.text, 'sources');
    expect(sources).toMatch(/href="https:\/\/[^"]+"/);
    const ids = new Set([...outcome.statements, ...outcome.afterwards].flatMap((p) => [...p.sources.map((s) => s.source), ...(p.reportedIn ? [p.reportedIn] : [])]));
    for (const id of ids) expect(sources).toContain(`href="${escaped(site.model.sourceById.get(id)!.url)}"`);
    expect(sources.match(/<li id="source-/g)).toHaveLength(ids.size);

    expect(res.text).toContain(`href="${urls.sheet(lang, outcome.id)}"`);
    expect(res.text).toContain(`href="${urls.checkQuestion(lang)}">${escaped(text(lang, 'ui', 'check.startAgain'))}</a>`);
  });

  it('asks for no missing translation key on any finder page', async () => {
    for (const path of table.keys()) if (path.includes('/check/')) await request(app).get(path);
    for (const lang of LANGS) await request(app).get(`${urls.checkQuestion(lang)}?${ASKED_FIELD}=${questions[0]!.id}`);
    expect([...site.missingKeys]).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('the stage question, asked only of people in Germany', () => {
  it.each(LANGS)('%s: an old two-answer address in Germany (before the stage question) answers 301 to the stage question', async (lang) => {
    for (const who of whoQ.options) {
      const old = `/${lang}/check/in-germany/${who}`;
      const res = await request(app).get(old);
      expect(res.status, old).toBe(301);
      expect(res.headers.location).toBe(urls.checkQuestion(lang, ['in-germany', who]));
      const page = await request(app).get(res.headers.location as string);
      expect(page.status).toBe(200);
      expect(readForm(page.text)?.links.map((r) => r.value)).toEqual(stageQ.options);
      // the old sheet of that situation leads to the same question
      const sheet = await request(app).get(`/${lang}/sheets/in-germany--${who}`);
      expect(sheet.status).toBe(301);
      expect(sheet.headers.location).toBe(urls.checkQuestion(lang, ['in-germany', who]));
    }
    // other places keep their two-answer outcomes and sheets
    expect((await request(app).get(`/${lang}/check/in-russia/deserter`)).status).toBe(200);
    expect((await request(app).get(`/${lang}/sheets/in-russia--deserter`)).status).toBe(200);
  });

  it.each(LANGS)('%s: an empty stage answer gets the stage question again with an error (400)', async (lang) => {
    const res = await request(app).get(`${urls.checkQuestion(lang, ['in-germany', 'deserter'])}?${ASKED_FIELD}=${stageQ.id}`);
    expect(res.status).toBe(400);
    expect(readForm(res.text)?.links.map((r) => r.value)).toEqual(stageQ.options);
  });

  it('shows the appeal deadlines only where a decision was received, and family reunification to family members', () => {
    const has = (path: string, id: string) => [...site.model.outcomeByPath.get(path)!.statements, ...site.model.outcomeByPath.get(path)!.afterwards].some((p) => p.id === id);
    expect(has('in-germany/deserter/rejected', 'appeal-deadlines')).toBe(true);
    expect(has('in-germany/none/dublin-decision', 'appeal-deadlines')).toBe(true);
    expect(has('in-germany/deserter/waiting', 'appeal-deadlines')).toBe(false);
    expect(has('in-russia/deserter', 'appeal-deadlines')).toBe(false);
    expect(has('in-russia/family', 'family-reunification-suspended')).toBe(true);
    expect(has('in-germany/family/protected', 'family-reunification-suspended')).toBe(true);
    expect(has('other-eu/none', 'border-rejections-2025')).toBe(true);
    expect(has('in-russia/none', 'border-rejections-2025')).toBe(false);
  });
});

describe('in a static copy of the site (relative links)', () => {
  it.each(LANGS)('%s: question pages offer their answers as links only, since a static host cannot answer a form', (lang) => {
    const answers = [questions[0]!.options[0]!].slice(0, questions.length - 1);
    const html = renderPage(site, questionPage(site, lang, answers), 'relative');
    expect(html).not.toMatch(/<form[\s>]/);
    const q = questions[answers.length]!;
    expect(html).toContain(`<h1 id="h-question">${escaped(text(lang, 'finder', `${q.id}.question`))}</h1>`);
    expect(optionLinks(html)).toEqual(q.options.map((o) => `${o}/index.html`));
    expect(html).toContain(escaped(text(lang, 'ui', 'check.historyNote')));
  });
});

describe('bad input', () => {
  const first = questions[0]!;
  const firstAnswer = first.options[0]!;

  it.each(LANGS)('%s: an empty submission answers 400 with the question again and an error summary in that language', async (lang) => {
    for (const answers of [[], [firstAnswer]].slice(0, questions.length)) {
      const q = questions[answers.length]!;
      const res = await request(app).get(`${urls.checkQuestion(lang, answers)}?${ASKED_FIELD}=${q.id}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-language']).toBe(lang);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text).toContain(`<html lang="${lang}">`);
      const summary = /<div class="error-summary" role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(res.text)?.[1] ?? '';
      expect(summary).toContain(escaped(text(lang, 'ui', 'check.errorTitle')));
      expect(summary).toContain(`<a href="#${q.id}-${q.options[0]}">${escaped(text(lang, 'ui', 'check.errorChoose'))}</a>`);
      expect(res.text).toContain(`id="${q.id}-${q.options[0]}"`);
      // the summary comes first in the main content, before the answers
      expect(res.text.indexOf('error-summary')).toBeLessThan(res.text.indexOf('<ul class="option-links"'));
      expect(res.text.indexOf(`id="${q.id}-error"`)).toBeLessThan(res.text.indexOf('<ul class="option-links">'));
      expect(res.text).toContain(`id="${q.id}-error"`);
      expect(res.text).toContain(`<title>${escaped(text(lang, 'ui', 'check.errorTitle'))}: `);
      expect(res.text).toContain('<meta name="robots" content="noindex">');
      // still every answer, each a link
      expect(readForm(res.text)?.links.map((r) => r.value)).toEqual(q.options);
    }
  });

  it('uses the translated error texts (en, ru, de)', async () => {
    const expected: Record<string, [string, string]> = {
      en: ['There is a problem', 'Choose one answer.'],
      ru: ['Что-то не так', 'Выберите один ответ.'],
      de: ['Es gibt ein Problem', 'Wählen Sie eine Antwort.'],
    };
    for (const [lang, [title, message]] of Object.entries(expected)) {
      const res = await request(app).get(`${urls.checkQuestion(lang)}?${ASKED_FIELD}=${first.id}`);
      expect(res.status).toBe(400);
      // as the site writes them, in the language's typography ("There is a\u00A0problem")
      expect(res.text).toContain(typeset(lang, title));
      expect(res.text).toContain(typeset(lang, message));
    }
  });

  it('answers an invalid answer sent with the form like an empty one (400), never as a page of its own', async () => {
    for (const value of ['mars', first.id, '', `${firstAnswer}x`]) {
      const res = await request(app).get(`${urls.checkQuestion('en')}?${first.id}=${encodeURIComponent(value)}&${ASKED_FIELD}=${first.id}`);
      expect(res.status, value).toBe(400);
    }
  });

  it.each(LANGS)('%s: an unknown answer in the address answers 404 in that language, with a link to the start of the finder', async (lang) => {
    const valid = outcomes[0]!.path.split('/');
    const paths = [
      `/${lang}/check/mars/`,
      `/${lang}/check/mars`,
      `/${lang}/check/${valid[0]}/alien`,
      `/${lang}/check/${valid[0]}/alien/`,
      `/${lang}/check/${valid.join('/')}/extra`,
      `/${lang}/check/${valid.join('/')}/extra/`,
      `/${lang}/check/${questions[1]?.options[0] ?? 'x'}/`,
      `/${lang}/check/%3Cscript%3E/`,
      // the stage is asked only of people in Germany
      `/${lang}/check/in-russia/deserter/waiting`,
      `/${lang}/check/in-germany/deserter/waiting/extra`,
      `/${lang}/check/in-germany/waiting/deserter`,
    ];
    for (const path of paths) {
      const res = await request(app).get(path);
      expect(res.status, path).toBe(404);
      expect(res.text).toContain(`<html lang="${lang}">`);
      expect(res.text).toContain(escaped(text(lang, 'ui', 'errors.notFoundTitle')));
      expect(res.text).toContain(`href="${urls.checkQuestion(lang)}">${escaped(text(lang, 'ui', 'errors.toCheck'))}</a>`);
      expect(res.text).not.toContain('<script>');
    }
  });

  const payload = '<script>alert(1)</script>';
  const junk = [
    `${first.id}[]=x`,
    `${first.id}[]=${firstAnswer}&${ASKED_FIELD}=${first.id}`,
    `${first.id}=${encodeURIComponent(payload)}`,
    `${first.id}=${encodeURIComponent(payload)}&${ASKED_FIELD}=${first.id}`,
    `${first.id}=a&${first.id}=b`,
    `${first.id}=${firstAnswer}&${first.id}=${firstAnswer}`,
    `${first.id}=${firstAnswer}&${first.id}=${encodeURIComponent(payload)}&${ASKED_FIELD}=${first.id}`,
    `${ASKED_FIELD}=${first.id}&${ASKED_FIELD}=${encodeURIComponent(payload)}`,
    `${ASKED_FIELD}[]=${encodeURIComponent(payload)}`,
    `${ASKED_FIELD}[x]=1&${first.id}[y]=2`,
    `__proto__=${firstAnswer}&constructor=x&${first.id}=toString`,
    `${first.id}=hasOwnProperty&${ASKED_FIELD}=${first.id}`,
    `${first.id}=${firstAnswer}%00`,
    `${first.id}=%E0%A4%A`,
    `${first.id}`,
    `=${firstAnswer}`,
    `${encodeURIComponent(payload)}=${encodeURIComponent(payload)}`,
    `${first.id}=${'x'.repeat(300)}&${ASKED_FIELD}=${first.id}`,
  ];

  it.each(junk)('junk query ?%s: 200, 303 or 4xx, never 5xx, never echoed', async (query) => {
    for (const path of [urls.checkQuestion('ru'), urls.checkQuestion('de', [firstAnswer]), `/en/check/${outcomes[0]!.path}`]) {
      const res = await request(app).get(`${path}?${query}`);
      expect([200, 303, 400, 404, 414], `${path}?${query}`).toContain(res.status);
      expect(res.text ?? '').not.toContain(payload);
      expect(res.text ?? '').not.toContain('alert(1)');
      expect(String(res.headers.location ?? '')).not.toMatch(/script|alert|\?/);
    }
    expect(errors).toEqual([]);
  });

  it('keeps other parameters out of the next address: answers live only in the path', async () => {
    const res = await request(app).get(`${urls.checkQuestion('en')}?${first.id}=${firstAnswer}&${ASKED_FIELD}=${first.id}&utm_source=x&tracking=1`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(questions.length > 1 ? urls.checkQuestion('en', [firstAnswer]) : urls.checkOutcome('en', [firstAnswer]));
  });

  it('redirects the other form of an address (trailing slash) with 301', async () => {
    const path = outcomes[0]!.path;
    expect((await request(app).get('/en/check')).headers.location).toBe('/en/check/');
    const withSlash = await request(app).get(`/en/check/${path}/`);
    expect(withSlash.status).toBe(301);
    expect(withSlash.headers.location).toBe(`/en/check/${path}`);
    const [where] = path.split('/');
    const noSlash = await request(app).get(`/en/check/${where}`);
    expect(noSlash.status).toBe(301);
    expect(noSlash.headers.location).toBe(`/en/check/${where}/`);
  });
});

/** A site on a changed copy of the real content, to check that the finder follows its data. */
function siteWith(change: (content: Content) => Content) {
  const content = change(loadContentOrThrow());
  const changed = createSite(content, testConfig());
  return { app: createApp(changed, (e) => errors.push(e)), site: changed };
}

describe('the finder follows rules/finder.yaml', () => {
  it('answers an old answer id (alias) with 301 to the current address, at every depth', async () => {
    const [where, who] = questions;
    if (!where || !who) return;
    const oldWhere = 'old-place';
    const oldWho = 'old-person';
    const { app: aliased } = siteWith((c) => ({
      ...c,
      questions: c.questions.map((q) => (q.id === where.id ? { ...q, aliases: { [oldWhere]: where.options[0]! } } : q.id === who.id ? { ...q, aliases: { [oldWho]: who.options[1]! } } : q)),
    }));
    const cases: [string, string][] = [
      [`/ru/check/${oldWhere}/`, urls.checkQuestion('ru', [where.options[0]!])],
      [`/ru/check/${oldWhere}`, urls.checkQuestion('ru', [where.options[0]!])],
      [`/de/check/${oldWhere}/${who.options[2]}`, urls.checkOutcome('de', [where.options[0]!, who.options[2]!])],
      [`/en/check/${where.options[3]}/${oldWho}`, urls.checkOutcome('en', [where.options[3]!, who.options[1]!])],
      [`/en/check/${oldWhere}/${oldWho}/`, urls.checkOutcome('en', [where.options[0]!, who.options[1]!])],
    ];
    for (const [from, to] of cases) {
      const res = await request(aliased).get(from);
      expect(res.status, from).toBe(301);
      expect(res.headers.location, from).toBe(to);
      expect((await request(aliased).get(to)).status, to).toBe(200);
    }
    // an old id sent with the form counts as its new answer
    const sent = await request(aliased).get(`/en/check/?${where.id}=${oldWhere}&${ASKED_FIELD}=${where.id}`);
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(urls.checkQuestion('en', [where.options[0]!]));
    // without the alias, the old address is unknown
    expect((await request(app).get(`/en/check/${oldWhere}/`)).status).toBe(404);
  });

  it('works with one question: its answers lead straight to the outcomes', async () => {
    const { app: one, site: oneSite } = siteWith((c) => ({ ...c, questions: c.questions.slice(0, 1) }));
    const q = questions[0]!;
    const start = await request(one).get('/en/check/');
    expect(start.text).toContain(escaped(t('en', 'ui:check.step', { n: 1, total: 1 })));
    expect(readForm(start.text)?.links.map((l) => l.href)).toEqual(q.options.map((o) => `/en/check/${o}`));
    for (const o of q.options) {
      const sent = await request(one).get(`/en/check/?${q.id}=${o}&${ASKED_FIELD}=${q.id}`);
      expect(sent.status).toBe(303);
      expect(sent.headers.location).toBe(`/en/check/${o}`);
      const res = await request(one).get(sent.headers.location as string);
      expect(res.status).toBe(200);
      expect(changeLinks(res.text)).toEqual(['/en/check/']);
    }
    expect((await request(one).get(`/en/check/${q.options[0]}/${questions[1]?.options[0] ?? 'x'}`)).status).toBe(404);
    expect([...oneSite.missingKeys]).toEqual([]);
  });

  it('says so when no statement concerns a situation', () => {
    // rendered straight from the page builder: a site without positions (and so without charts) has no valid API to build
    const noneSite = createSite({ ...loadContentOrThrow(), positions: [], charts: [] }, testConfig());
    for (const lang of LANGS) {
      const html = renderPage(noneSite, outcomePage(noneSite, lang, noneSite.model.outcomes[0]!));
      expect(section(html, 'statements')).toContain(escaped(text(lang, 'ui', 'check.noneApply')));
      expect(html).not.toContain('id="afterwards"');
    }
    expect([...noneSite.missingKeys]).toEqual([]);
  });
});
