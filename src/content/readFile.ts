import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { formatPath, type ProblemList } from './problems.js';

/** A parsed data file that can say on which line a value stands. */
export interface ParsedFile {
  file: string;
  data: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
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
      return { file, data: JSON.parse(text), lineOf: () => undefined };
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
  return {
    file,
    data: doc.toJS(),
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n) as unknown[], true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
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

/** Validates parsed data against a schema; each issue becomes a problem at its line. */
export function validate<T extends z.ZodType>(parsed: ParsedFile, schema: T, problems: ProblemList): z.infer<T> | undefined {
  const result = schema.safeParse(parsed.data, { error: explain });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.add({ file: parsed.file, line: parsed.lineOf(issue.path), path: formatPath(issue.path), message: issue.message });
  }
  return undefined;
}
