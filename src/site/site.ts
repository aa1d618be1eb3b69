import type { Config } from '../config.js';
import type { Content } from '../content/load.js';
import { loadAssets, type Asset } from './assets.js';
import { createTranslators, type Translate } from './i18n.js';
import { buildModel, type Model } from './model.js';
import { compileViews, type Template } from './render.js';

/** Everything a request needs, built once at start. */
export interface Site {
  content: Content;
  model: Model;
  config: Config;
  t: Record<string, Translate>;
  views: Map<string, Template>;
  assets: Map<string, Asset>;
  /** Translation keys that a view asked for but that do not exist ("lang key"); tests assert it stays empty. */
  missingKeys: Set<string>;
}

/** `today` (YYYY-MM-DD) is the day pages compare status dates with; tests may pass another day. */
export function createSite(content: Content, config: Config, today?: string): Site {
  const missingKeys = new Set<string>();
  const t = createTranslators(content, (lang, key) => missingKeys.add(`${lang} ${key}`));
  return { content, model: buildModel(content, today), config, t, views: compileViews(t), assets: loadAssets(), missingKeys };
}
