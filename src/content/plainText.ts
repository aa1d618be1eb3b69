/** An HTML tag, comment or doctype: content is plain text, the page adds all formatting. */
export const HTML = /<\/?[a-z!][^>]*>/i;

export const HTML_MESSAGE = 'contains HTML; write plain text (the page adds all formatting)';

/** The paths of every text (and every key) in parsed data that contains HTML. */
export function htmlPaths(data: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof data === 'string') {
    if (HTML.test(data)) out.push(path);
  } else if (Array.isArray(data)) {
    data.forEach((v, i) => htmlPaths(v, [...path, i], out));
  } else if (data !== null && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) {
      if (HTML.test(k)) out.push([...path, k]);
      else htmlPaths(v, [...path, k], out);
    }
  }
  return out;
}
