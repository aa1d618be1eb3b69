/**
 * A small link checker for tests: starts at some addresses, fetches every internal page that a
 * link, a stylesheet or a GET form leads to, and reports every link that does not resolve (status
 * other than 200) and every #anchor that is not an id on its target page.
 *
 * It works against the app through supertest (crawl(request(app), ['/en/'])) and against any HTTP
 * server by its base address (crawl('http://127.0.0.1:8080', ['/en/'])), e.g. a static file server
 * over an exported folder; or with any function that fetches a path (FetchPage).
 */

/** What the crawler needs to know of a response. */
export interface Fetched {
  status: number;
  /** The Content-Type header, or ''. */
  type: string;
  /** The body as text (HTML pages are parsed; others only need their status). */
  body: string;
  /** The Location header of a redirect. */
  location?: string;
}

/** Fetches a root-relative address ("/en/positions/?x=1"), without following redirects. */
export type FetchPage = (path: string) => Promise<Fetched>;

/** Anything with supertest's request(app) / request.agent(app) interface. */
interface AgentLike {
  get(path: string): PromiseLike<{ status: number; headers: Record<string, string | string[] | undefined>; text?: string }> & {
    redirects?: (n: number) => unknown;
  };
}

export type CrawlSource = FetchPage | AgentLike | string;

/** A supertest agent (or request(app)) as a FetchPage; supertest never follows redirects by default. */
export function agentFetcher(agent: AgentLike): FetchPage {
  return async (path) => {
    const res = await agent.get(path);
    const header = (name: string) => {
      const v = res.headers[name];
      return Array.isArray(v) ? v.join(', ') : v;
    };
    return { status: res.status, type: header('content-type') ?? '', body: res.text ?? '', location: header('location') };
  };
}

/** A running HTTP server, by its base address, as a FetchPage. */
export function httpFetcher(baseUrl: string): FetchPage {
  const base = baseUrl.replace(/\/+$/, '');
  return async (path) => {
    const res = await fetch(`${base}${path}`, { redirect: 'manual' });
    const type = res.headers.get('content-type') ?? '';
    const body = /text|xml|json/.test(type) ? await res.text() : (await res.arrayBuffer(), '');
    return { status: res.status, type, body, location: res.headers.get('location') ?? undefined };
  };
}

function fetcher(source: CrawlSource): FetchPage {
  if (typeof source === 'string') return httpFetcher(source);
  if (typeof source === 'function') return source;
  return agentFetcher(source);
}

/** One link found on a page. */
export interface Link {
  /** The page it is on. */
  from: string;
  /** As written in the page. */
  href: string;
  /** The address it leads to (path and query, no fragment). */
  target: string;
  /** The #anchor, if any. */
  hash?: string;
  /** How it was found. */
  via: 'a' | 'link' | 'form';
}

export interface CrawledPage {
  status: number;
  type: string;
  location?: string;
  html: boolean;
  /** Every id="" of an HTML page. */
  ids: Set<string>;
  /** <meta name="robots" content="noindex"> */
  noindex: boolean;
}

export interface CrawlResult {
  /** Every internal address fetched, with what it answered. */
  pages: Map<string, CrawledPage>;
  /** The HTML pages that answered 200. */
  htmlPages: string[];
  links: Link[];
  /** One line per broken link or anchor, e.g. "/en/ → /en/nope: 404"; empty when all is well. */
  problems: string[];
}

export interface CrawlOptions {
  /** Absolute addresses on these origins count as internal (e.g. the public base URL of canonical links). */
  origins?: string[];
  /** Submit GET forms once per choice of each radio button or select option (default true). */
  forms?: boolean;
  /** Stop with an error after this many addresses (default 5000): the links go round in circles. */
  maxPages?: number;
  /** How many requests run at once (default 8). */
  concurrency?: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/** The attributes of one tag, with entities decoded; a bare attribute has the value "". */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([a-z][\w:-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/gi)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

function tags(html: string, name: string): Map<string, string>[] {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))].map((m) => attributes(m[1] ?? ''));
}

/** The GET submissions a form allows: hidden fields, plus each choice of each radio group and select. */
function formSubmissions(form: string, attrs: Map<string, string>): string[] {
  if ((attrs.get('method') ?? 'get').toLowerCase() !== 'get') return [];
  const fixed: [string, string][] = [];
  const choices = new Map<string, string[]>();
  for (const input of tags(form, 'input')) {
    const name = input.get('name');
    if (!name) continue;
    const type = (input.get('type') ?? 'text').toLowerCase();
    if (type === 'radio') choices.set(name, [...(choices.get(name) ?? []), input.get('value') ?? 'on']);
    else if (type === 'hidden') fixed.push([name, input.get('value') ?? '']);
  }
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
    const name = attributes(m[1] ?? '').get('name');
    if (name) choices.set(name, tags(m[2] ?? '', 'option').map((o) => o.get('value') ?? ''));
  }
  const groups = [...choices];
  return groups.flatMap(([name, values]) =>
    values.map((value) => {
      const params = new URLSearchParams(fixed);
      for (const [other, otherValues] of groups) if (other !== name && otherValues[0] !== undefined) params.set(other, otherValues[0]);
      params.set(name, value);
      return params.toString();
    }),
  );
}

/** Crawls from `startPaths`; see the top of this file. */
export async function crawl(source: CrawlSource, startPaths: string[], options: CrawlOptions = {}): Promise<CrawlResult> {
  const fetchPage = fetcher(source);
  const { forms = true, maxPages = 5000, concurrency = 8 } = options;
  const origins = new Set((options.origins ?? []).map((o) => new URL(o).origin));
  const base = 'http://crawler.invalid';
  const pages = new Map<string, CrawledPage>();
  const links: Link[] = [];
  const problems: string[] = [];
  const queued = new Set<string>();
  const queue: string[] = [];

  /** The internal address an href leads to, or undefined for another host / scheme. */
  const resolve = (href: string, from: string): { target: string; hash?: string } | undefined => {
    let url: URL;
    try {
      url = new URL(href, `${base}${from}`);
    } catch {
      return undefined;
    }
    if (url.origin !== base && !origins.has(url.origin)) return undefined;
    return { target: `${url.pathname}${url.search}`, hash: url.hash ? decodeURIComponent(url.hash.slice(1)) : undefined };
  };
  const enqueue = (target: string) => {
    if (queued.has(target)) return;
    if (queued.size >= maxPages) throw new Error(`crawl: more than ${maxPages} addresses; the links go round in circles`);
    queued.add(target);
    queue.push(target);
  };
  /** Addresses reached by submitting a form: these may answer with a redirect, which is then followed. */
  const submitted = new Set<string>();
  const follow = (from: string, href: string, via: Link['via']) => {
    const r = resolve(href, from);
    if (!r) return;
    links.push({ from, href, via, ...r });
    if (via === 'form') submitted.add(r.target);
    enqueue(r.target);
  };

  const visit = async (path: string) => {
    const res = await fetchPage(path);
    const html = res.status === 200 && /text\/html/.test(res.type);
    const ids = new Set(html ? [...res.body.matchAll(/\sid\s*=\s*"([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? '')) : []);
    const noindex = html && tags(res.body, 'meta').some((m) => m.get('name') === 'robots' && /noindex/.test(m.get('content') ?? ''));
    pages.set(path, { status: res.status, type: res.type, location: res.location, html, ids, noindex });
    if (submitted.has(path) && res.status >= 300 && res.status < 400 && res.location) follow(path, res.location, 'form');
    if (!html) return;
    for (const a of tags(res.body, 'a')) {
      const href = a.get('href');
      if (href !== undefined) follow(path, href, 'a');
    }
    for (const l of tags(res.body, 'link')) {
      const href = l.get('href');
      if (href !== undefined) follow(path, href, 'link');
    }
    if (!forms) return;
    for (const m of res.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
      const attrs = attributes(m[1] ?? '');
      const action = attrs.get('action') || path;
      for (const query of formSubmissions(m[2] ?? '', attrs)) {
        const r = resolve(action, path);
        if (r) follow(path, `${r.target.split('?')[0]}?${query}`, 'form');
      }
    }
  };

  for (const p of startPaths) enqueue(p);
  while (queue.length > 0) await Promise.all(queue.splice(0, concurrency).map(visit));

  for (const l of links) {
    const page = pages.get(l.target);
    if (!page) continue;
    // Every link must answer 200, except that a form may answer with a redirect (e.g. 303 to the next page).
    const redirectedForm = l.via === 'form' && page.status >= 300 && page.status < 400;
    if (page.status !== 200 && !redirectedForm) {
      problems.push(`${l.from} → ${l.href}: ${page.status}${page.location ? ` (to ${page.location})` : ''}`);
    } else if (l.hash && page.html && !page.ids.has(l.hash)) {
      problems.push(`${l.from} → ${l.href}: no id="${l.hash}" on ${l.target}`);
    }
  }
  for (const p of startPaths) {
    const page = pages.get(p);
    if (page && page.status !== 200) problems.push(`start ${p}: ${page.status}`);
  }
  return {
    pages,
    htmlPages: [...pages].filter(([, r]) => r.html).map(([p]) => p),
    links,
    problems: [...new Set(problems)].sort(),
  };
}
