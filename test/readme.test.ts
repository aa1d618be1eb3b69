import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../src/paths.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const tokens = marked.lexer(README);
const all: Token[] = [];
marked.walkTokens(tokens, (t) => void all.push(t));
const codeBlocks = all.filter((t): t is Tokens.Code => t.type === 'code');
const links = all.filter((t): t is Tokens.Link => t.type === 'link');
const headings = all.filter((t): t is Tokens.Heading => t.type === 'heading');

/** The anchors GitHub gives the headings, in order (a repeated heading gets -1, -2, …). */
const slugger = new GithubSlugger();
const anchors = headings.map((h) => ({ text: h.text, depth: h.depth, slug: slugger.slug(h.text) }));

/** Folders that commands create (listed in .gitignore), so a clean clone does not have them yet. */
const generated = readFileSync(join(ROOT, '.gitignore'), 'utf8')
  .split('\n')
  .filter((l) => l.endsWith('/'))
  .map((l) => l.trim());

/** Whether a path with placeholders (`{lang}`, `{id}`, `*`, `…`) names at least one existing file or folder. */
function pathExists(path: string): boolean {
  const parts = path.replace(/\/$/, '').split('/');
  let candidates = [ROOT];
  for (const part of parts) {
    const pattern = new RegExp(`^${part.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]*\}|\*|…/g, '[^/]+')}$`);
    candidates = candidates.flatMap((dir) => {
      if (!existsSync(dir)) return [];
      try {
        return readdirSync(dir)
          .filter((name) => pattern.test(name))
          .map((name) => join(dir, name));
      } catch {
        return []; // a file, not a folder
      }
    });
  }
  return candidates.length > 0;
}

/** Every path into the repository that the README names, in text, code spans or code blocks. */
const TOP = '(?:src|views|locales|rules|test|\\.ci|\\.config)';
const namedPaths = [...README.matchAll(new RegExp(`(?<![\\w/.~-])(${TOP}/[\\w.{}*…/-]*)`, 'g'))]
  .map((m) => m[1]!.replace(/[.…]+$/, ''))
  .filter((p) => !generated.some((g) => p.startsWith(g)));

/** A line that reads as a sentence rather than as code, a command or its output. */
const SENTENCE = /^[A-Z][a-z]+(?:[ ,][\w'’,()«»-]+){5,}[.:]$/;

/** A measured or set figure: a number with a unit (seconds only after a space: "404s" is a plural). */
const FIGURE = /(?<![\w.,])(\d[\d,]*(?:\.\d+)?)(?: ?(KB|kB|MB|GB|GiB|ms|%|×|pt|mm|req\/s|requests\/s|files)| (s))(?![\w/])/g;

describe('README.md', () => {
  it('links only to files in the repository that exist, and to its own headings', () => {
    expect(links.length).toBeGreaterThan(0);
    const slugs = new Set(anchors.map((a) => a.slug));
    for (const { href } of links) {
      if (/^(https?:|mailto:)/.test(href)) continue;
      if (href.startsWith('#')) {
        expect(slugs, `link ${href}: no heading has that anchor`).toContain(href.slice(1));
        continue;
      }
      const target = resolve(ROOT, decodeURI(href.split('#')[0]!));
      expect(relative(ROOT, target).startsWith('..'), `link ${href} leads outside the repository`).toBe(false);
      expect(existsSync(target), `link ${href}: no such file`).toBe(true);
    }
  });

  it('names no path outside the repository', () => {
    expect(README).not.toMatch(/(?<![\w.])\.\.\//);
  });

  it('names only files and folders that exist (placeholders match at least one)', () => {
    expect(namedPaths.length).toBeGreaterThan(20);
    const missing = [...new Set(namedPaths)].filter((p) => !pathExists(p));
    expect(missing).toEqual([]);
  });

  it('names only npm scripts that package.json has', () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    const named = [...README.matchAll(/npm run (?:-s )?([\w:-]+)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((n) => !scripts.includes(n))).toEqual([]);
  });

  it('holds only code in its code blocks: each has a language, JSON and YAML parse, no line is a sentence', () => {
    expect(codeBlocks.length).toBeGreaterThan(3);
    for (const block of codeBlocks) {
      expect(['sh', 'json', 'yaml', 'text', 'nginx'], `a code block needs its language: ${block.text.slice(0, 60)}`).toContain(block.lang);
      if (block.lang === 'json') expect(() => JSON.parse(block.text) as unknown, block.text.slice(0, 80)).not.toThrow();
      if (block.lang === 'yaml') expect(() => parseYaml(block.text) as unknown, block.text.slice(0, 80)).not.toThrow();
      const prose = block.text.split('\n').filter((line) => SENTENCE.test(line.trim()));
      expect(prose, `prose in a ${block.lang} block`).toEqual([]);
    }
  });

  it('gives each figure once', () => {
    const counts = new Map<string, number>();
    for (const m of README.matchAll(FIGURE)) {
      const figure = `${m[1]!.replace(/,/g, '')} ${m[2] ?? m[3]!}`;
      counts.set(figure, (counts.get(figure) ?? 0) + 1);
    }
    expect(counts.size).toBeGreaterThan(10);
    expect([...counts].filter(([, n]) => n > 1).map(([f, n]) => `${f} (${n} times)`)).toEqual([]);
  });

  it('starts with a contents list that reaches running, testing, adding a position and deploying in one click', () => {
    const firstList = tokens.find((t): t is Tokens.List => t.type === 'list');
    expect(firstList).toBeDefined();
    const inList: Token[] = [];
    marked.walkTokens([firstList!], (t) => void inList.push(t));
    const contents = inList.filter((t): t is Tokens.Link => t.type === 'link');
    const reached = contents.map((l) => anchors.find((a) => `#${a.slug}` === l.href)?.text ?? `(broken: ${l.href})`);
    for (const topic of [/^Run it/, /^Test it/, /^Add a position/, /^Deploy/]) expect(reached.some((t) => topic.test(t)), String(topic)).toBe(true);
    expect(README.slice(0, README.indexOf(firstList!.raw)).split('\n').length).toBeLessThan(20);
  });

  it('has the commands to run and to test it within its first 60 lines', () => {
    const top = README.split('\n').slice(0, 60).join('\n');
    for (const command of ['npm install', 'npm start', 'npm run dev', 'npm test', 'npm run test:browser', 'npm run check']) expect(top).toContain(command);
  });

  it('names the Debian packages once, the same list as CI installs', () => {
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    const ciPackages = /packages=\(([^)]*)\)/.exec(ci)![1]!.split(/\s+/).filter(Boolean);
    expect(ci).toContain('nginx-light');
    const installs = [...README.matchAll(/apt-get install -y ([\w .-]+)/g)].map((m) => m[1]!.trim().split(/\s+/));
    expect(installs).toEqual([[...ciPackages, 'nginx-light']]);
  });
});
