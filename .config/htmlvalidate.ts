import { defineConfig } from 'html-validate';

/**
 * HTML validity for every page (test/site/html-validity.test.ts): html-validate's recommended
 * preset, which checks the HTML standard's content models, attributes, ids, ARIA use and
 * accessibility rules. Only three rules are switched off; each is a matter of style or of search
 * engines, not of validity, and each is explained below. Everything else counts as an error.
 */
export default defineConfig({
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // The HTML standard says the doctype is case-insensitive; our layout writes the lowercase
    // `<!doctype html>` that the standard's own examples use. A spelling preference, not validity.
    'doctype-style': 'off',
    // Spaces at the end of lines come from the Handlebars templates' indentation around blocks;
    // browsers ignore them and the pages are never hand-edited, so this is noise, not a defect.
    'no-trailing-whitespace': 'off',
    // A search-engine heuristic (result pages cut titles at about 70 characters). Our titles are
    // "page title – site name" with the full, translated name of a position; shortening them would
    // hide what a page is about in a reader's bookmarks and tabs. Valid HTML either way.
    'long-title': 'off',
  },
});
