import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isNode, isScalar, isSeq, type Document } from 'yaml';
import type { z } from 'zod';
import { HTML_MESSAGE, htmlPaths } from './plainText.js';
import { formatPath, type LineOf, type ProblemList } from './problems.js';

/** A parsed data file that can say on which line a value stands. */
export interface ParsedFile {
  file: string;
  data: unknown;
  /** The line of the key a path names (or of the list entry), else of the nearest entry around it. */
  lineOf: LineOf;
}

const lineAt = (text: string, pos: number) => text.slice(0, pos).split('\n').length;

function jsonLine(text: string, message: string): number | undefined {
  const lineCol = /line (\d+) column/.exec(message);
  if (lineCol) return Number(lineCol[1]);
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineAt(text, Number(pos[1]));
  if (message.startsWith('Unexpected end of JSON input')) return text.trimEnd().split('\n').length;
  // Node 20+ gives no position for an unexpected token, only the text around it: [...]"10 characters before, the token, after"[...]
  const around = /^Unexpected token '([\s\S]+?)', (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (around) {
    const [, token = '', cut, snippet = ''] = around;
    const at = text.indexOf(snippet);
    if (at >= 0) return lineAt(text, at + (cut ? 10 : Math.max(0, snippet.indexOf(token))));
  }
  return undefined;
}

const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('\u0000');

/**
 * The line of every key and list entry in a valid JSON text, by path (JSON.parse gives no positions).
 * A key written twice counts where it was written last, as JSON.parse keeps the last value.
 */
function jsonKeyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const space = () => {
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') return;
    }
  };
  // Valid JSON strings hold no raw line breaks, so lines change only in the space between tokens.
  const string = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: (string | number)[]): void => {
    space();
    lines.set(pathKey(path), lines.get(pathKey(path)) ?? line);
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      space();
      if (text[i] === (c === '{' ? '}' : ']')) {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        space();
        if (c === '{') {
          const keyLine = line;
          const key = string();
          lines.set(pathKey([...path, key]), keyLine);
          space();
          i++; // the colon
          value([...path, key]);
        } else {
          lines.set(pathKey([...path, n]), line);
          value([...path, n]);
        }
        space();
        if (text[i++] !== ',') return;
      }
    }
    if (c === '"') string();
    else while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i++;
  };
  value([]);
  return lines;
}

/** Looks a path up in a table of lines; a path that is not there gives the line of the nearest entry around it. */
function nearest(table: (path: readonly PropertyKey[]) => number | undefined): LineOf {
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const line = table(path.slice(0, n));
      if (line !== undefined) return line;
    }
    return undefined;
  };
}

/** The line of the key (in a mapping) or the entry (in a list) that a path names in a YAML document. */
function yamlKeyLine(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let line = isNode(node) && node.range ? counter.linePos(node.range[0]).line : undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(part));
      if (!pair) return undefined;
      line = isNode(pair.key) && pair.key.range ? counter.linePos(pair.key.range[0]).line : line;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number') {
      const item: unknown = node.items[part];
      if (!isNode(item)) return undefined;
      line = item.range ? counter.linePos(item.range[0]).line : line;
      node = item;
    } else return undefined;
  }
  return line;
}

/** Reads a YAML or JSON file; a syntax error becomes a problem with its line number. */
export function readDataFile(file: string, problems: ProblemList): ParsedFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    problems.add({ file, path: '', message: 'the file is missing or cannot be read' });
    return undefined;
  }
  if (file.endsWith('.json')) {
    try {
      const data: unknown = JSON.parse(text);
      const keys = jsonKeyLines(text);
      const parsed: ParsedFile = { file, data, lineOf: nearest((path) => keys.get(pathKey(path))) };
      problems.register(file, parsed.lineOf);
      return parsed;
    } catch (e) {
      const msg = (e as Error).message;
      // The message may quote lines of the file; keep the problem on one line.
      problems.add({ file, line: jsonLine(text, msg), path: '', message: `not valid JSON (${msg.replace(/\s*\n\s*/g, ' ')}); check commas, quotes and brackets` });
      return undefined;
    }
  }
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const line = lineCounter.linePos(err.pos[0]).line;
      problems.add({ file, line, path: '', message: `not valid YAML: ${err.message.split('\n')[0]}; check indentation and quotes` });
    }
    return undefined;
  }
  const parsed: ParsedFile = { file, data: doc.toJS(), lineOf: nearest((path) => yamlKeyLine(doc, lineCounter, path)) };
  problems.register(file, parsed.lineOf);
  return parsed;
}

/**
 * Plain-language wording for zod's issues, for editors who are not programmers. Used as zod's error map,
 * so a message written in the schema itself (like "every position needs at least one source") still wins.
 */
function explain(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'this field is missing'
        : `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a group of fields' : `a ${issue.expected}`}, not ${issue.input === null ? 'empty' : Array.isArray(issue.input) ? 'a list' : typeof issue.input}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: check the spelling or remove ${issue.keys.length > 1 ? 'them' : 'it'}`;
    case 'invalid_value':
      return `${issue.input === undefined ? 'this field is missing: write one of' : issue.input === null ? 'is empty: write one of' : 'must be one of'}: ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array' ? `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}` : issue.origin === 'string' ? 'must not be empty' : undefined;
    case 'too_big':
      return issue.origin === 'string' ? `is too long (at most ${String(issue.maximum)} characters)` : undefined;
    default:
      return undefined;
  }
}

const within = (path: readonly PropertyKey[], outer: readonly PropertyKey[]) => outer.length <= path.length && outer.every((p, i) => String(p) === String(path[i]));

/**
 * Validates parsed data against a schema; each issue becomes a problem at its line.
 * HTML in any text (or key) is refused first, once: the schema's own complaint about that same text is left out.
 */
export function validate<T extends z.ZodType>(parsed: ParsedFile, schema: T, problems: ProblemList): z.infer<T> | undefined {
  const html = htmlPaths(parsed.data);
  for (const path of html) problems.add({ file: parsed.file, line: parsed.lineOf(path), path: formatPath(path), message: HTML_MESSAGE });
  const result = schema.safeParse(parsed.data, { error: explain });
  if (result.success) return html.length === 0 ? result.data : undefined;
  for (const issue of result.error.issues) {
    if (html.some((h) => within(issue.path, h))) continue;
    if (issue.code === 'unrecognized_keys' && issue.keys.every((k) => html.some((h) => within([...issue.path, k], h)))) continue;
    problems.add({ file: parsed.file, line: parsed.lineOf(issue.path), path: formatPath(issue.path), message: issue.message });
  }
  return undefined;
}
