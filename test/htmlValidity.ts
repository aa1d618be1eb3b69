import { HtmlValidate, type Message } from 'html-validate';
import { expect } from 'vitest';
import htmlValidateConfig from '../.config/htmlvalidate.js';

const validator = new HtmlValidate(htmlValidateConfig);

/** "line:col rule: message" lines, so that a failure shows exactly what to fix. */
function describeErrors(messages: Message[], html: string): string {
  const lines = html.split('\n');
  return messages
    .map((m) => `  ${m.line}:${m.column} ${m.ruleId}: ${m.message}\n      ${(lines[m.line - 1] ?? '').trim().slice(0, 160)}`)
    .join('\n');
}

/** Fails with every problem html-validate (our recommended rules) finds in a document. */
export async function expectValid(path: string, html: string): Promise<void> {
  const report = await validator.validateString(html, path);
  const messages = report.results.flatMap((r) => r.messages);
  expect(messages, `${path} has ${messages.length} HTML problem(s):\n${describeErrors(messages, html)}`).toEqual([]);
}

