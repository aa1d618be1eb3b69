import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageTable } from '../../src/site/pages/index.js';
import { urls } from '../../src/site/urls.js';
import { crawl, type CrawlResult } from '../crawl.js';
import { LANGS, escaped, makeApp, text } from '../helpers.js';
import { ANSWER_ALIAS, POSITION_ALIASES, appWithAliases } from './aliasFixture.js';

const { app, site, errors } = makeApp();
const table = pageTable(site);
const positions = site.content.positions;

describe('a crawl from every home page', () => {
  let result: CrawlResult;
  beforeAll(async () => {
    // Canonical and alternate links are full addresses on the public base URL: they are checked too.
    result = await crawl(request(app), LANGS.map(urls.home), { origins: [site.config.baseUrl] });
  }, 180_000);

  it('finds every internal link, stylesheet and form answer resolving, and every #anchor on its page', () => {
    expect(result.links.length).toBeGreaterThan(100);
    expect(result.problems).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('follows #anchors within and across pages', () => {
    const anchored = result.links.filter((l) => l.hash);
    expect(anchored.some((l) => l.hash === 'main')).toBe(true);
    expect(anchored.some((l) => l.hash === 'what-it-means')).toBe(true);
  });

  /** Each language's offline edition is linked too: a download, not a page (it is not in the sitemap). */
  const offline = new Set(LANGS.map(urls.offline));
  const pagesReached = () => result.htmlPages.filter((p) => !result.pages.get(p)?.noindex && !offline.has(p));

  it('reaches every page of the page table in every language, and no other page; and every offline edition', () => {
    expect(new Set(pagesReached())).toEqual(new Set(table.keys()));
    for (const path of offline) expect(result.htmlPages).toContain(path);
  });

  it("finds exactly the sitemap's addresses (apart from pages marked noindex)", async () => {
    const res = await request(app).get('/sitemap.xml');
    expect(res.status).toBe(200);
    const listed = [...res.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const crawled = pagesReached().map((p) => `${site.config.baseUrl}${p}`);
    expect(listed.length).toBe(new Set(listed).size);
    expect(new Set(listed)).toEqual(new Set(crawled));
  });
});

describe('old and near-miss addresses', () => {
  const fixture = appWithAliases();

  it('the fixture gives real positions old ids', () => {
    expect(Object.fromEntries(fixture.site.model.positionAlias)).toEqual(POSITION_ALIASES);
  });

  describe.each(LANGS)('%s', (lang) => {
    it.each(Object.entries(POSITION_ALIASES))('/%s/positions/%s redirects 301 to the current id', async (old, id) => {
      for (const path of [urls.position(lang, old), `${urls.position(lang, old)}/`]) {
        const res = await request(fixture.app).get(path);
        expect(res.status, path).toBe(301);
        expect(res.headers.location).toBe(urls.position(lang, id));
      }
      const target = await request(fixture.app).get(urls.position(lang, id));
      expect(target.status).toBe(200);
      expect(target.text).toContain(escaped(text(lang, 'positions', `${id}.title`)));
    });

    it('an old finder answer redirects 301 to the current one', async () => {
      const res = await request(fixture.app).get(`/${lang}/check/${ANSWER_ALIAS.old}/`);
      expect(res.status).toBe(301);
      expect(res.headers.location).toBe(urls.checkQuestion(lang, [ANSWER_ALIAS.current]));
    });
  });

  it('every alias of the real content redirects 301 to its position', async () => {
    for (const [old, id] of site.model.positionAlias) {
      for (const lang of LANGS) {
        const res = await request(app).get(urls.position(lang, old));
        expect(res.status).toBe(301);
        expect(res.headers.location).toBe(urls.position(lang, id));
      }
    }
  });

  it('an unknown position id is a 404 page in that language, not a redirect', async () => {
    for (const lang of LANGS) {
      const res = await request(fixture.app).get(urls.position(lang, 'no-such-position'));
      expect(res.status).toBe(404);
      expect(res.text).toContain(`<html lang="${lang}">`);
    }
  });

  it('every page answers a slash too many or too few with 301 to its address', async () => {
    for (const path of table.keys()) {
      const toggled = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
      if (table.has(toggled)) continue;
      const res = await request(app).get(toggled);
      expect(res.status, toggled).toBe(301);
      expect(res.headers.location).toBe(path);
    }
  });
});

describe('section anchors on position pages', () => {
  const linked = ['what-it-means', 'what-it-does-not-mean', 'next-steps', 'sources'];

  it.each(LANGS.flatMap((lang) => positions.map((p) => [lang, p.id] as const)))('%s %s', async (lang, id) => {
    const p = site.model.positionById.get(id)!;
    const res = await request(app).get(urls.position(lang, id));
    expect(res.status).toBe(200);
    const sections = [
      'what-was-said',
      ...linked,
      ...(p.afterwards.length > 0 ? ['afterwards'] : []),
      ...(p.related.length > 0 ? ['related'] : []),
    ];
    const label = escaped(text(lang, 'ui', 'position.linkToSection'));
    for (const anchor of sections) {
      expect(res.text, anchor).toContain(`id="${anchor}"`);
      expect(res.text.match(new RegExp(` id="${anchor}"`, 'g')), `one id="${anchor}"`).toHaveLength(1);
    }
    // a visible "link to this section" for the sections people send to each other
    for (const anchor of [...linked, ...(p.afterwards.length > 0 ? ['afterwards'] : [])]) {
      const section = res.text.slice(res.text.indexOf(`id="${anchor}"`));
      const end = section.indexOf('</section>');
      expect(section.slice(0, end), anchor).toContain(`href="#${anchor}"`);
      expect(section.slice(0, end), anchor).toContain(label);
    }
    // each quote links to its source in the list
    for (const s of p.sources.filter((s) => s.quote)) {
      expect(res.text).toContain(`href="#source-${s.source}"`);
      expect(res.text).toContain(`id="source-${s.source}"`);
    }
  });
});
