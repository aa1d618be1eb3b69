import type { Request } from 'express';
import type { Site } from '../site/site.js';

/** The language of the address's first segment, if it is one of ours. */
export function pathLanguage(site: Site, path: string): string | undefined {
  const first = path.split('/')[1] ?? '';
  return site.content.langCodes.includes(first) ? first : undefined;
}

/** The best of our languages for this request: the path's, else Accept-Language's, else the source language. */
export function bestLanguage(site: Site, req: Request): string {
  const fromPath = pathLanguage(site, req.path);
  if (fromPath) return fromPath;
  let accepted: string | false = false;
  try {
    accepted = req.acceptsLanguages(...site.content.langCodes);
  } catch {
    accepted = false;
  }
  return accepted || site.content.sourceLang;
}
