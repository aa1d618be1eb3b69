/** Turns nested translation objects into "a.b.c" → value pairs. */
export function flatten(obj: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (obj !== null && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, obj);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Splits "items_few" into ["items", "few"]; a key without a plural ending gives [key, undefined]. */
export function pluralBase(key: string): [string, string | undefined] {
  const m = PLURAL.exec(key);
  return m ? [key.slice(0, m.index), m[1]] : [key, undefined];
}
