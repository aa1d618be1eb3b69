import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';

/** jsqr is CommonJS with a "default" export; under NodeNext the function sits on .default. */
const jsQR = jsqr.default;

/** Reading PDFs back needs Debian's poppler-utils (pdfinfo, pdftotext, pdftoppm). */
export function requirePoppler(): void {
  for (const tool of ['pdfinfo', 'pdftotext', 'pdftoppm']) {
    if (!['/usr/bin', '/usr/local/bin'].some((dir) => existsSync(`${dir}/${tool}`))) {
      throw new Error('poppler-utils is missing: apt-get install -y poppler-utils');
    }
  }
}

/** The number of pages, as pdfinfo reports it. */
export function pdfPageCount(file: string): number {
  const m = /^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  if (!m) throw new Error(`pdfinfo found no page count in ${file}`);
  return Number(m[1]);
}

/** The text of each page in the order it was written (-raw: no reading-order guesses, no de-hyphenation); pages end with a form feed. */
export function pdfPageTexts(file: string): string[] {
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return text.split('\f').slice(0, pdfPageCount(file));
}

/**
 * For comparing what was printed with what was meant: no whitespace at all (lines break inside
 * long addresses and sentences), soft hyphens dropped, compatibility forms (ligatures) unfolded.
 */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00ad]+/g, '');
}

/** Renders one page at 150 dpi and reads the first QR code on it; undefined if there is none. */
export function readQrCode(file: string, page = 1): string | undefined {
  const prefix = `${file.replace(/\.pdf$/, '')}-page${page}`;
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  rmSync(`${prefix}.png`);
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
}

/** Renders one page at low resolution and counts the pixels that are not grey (black, white or between). */
export function colouredPixels(file: string, page = 1): number {
  const prefix = `${file.replace(/\.pdf$/, '')}-colour${page}`;
  execFileSync('pdftoppm', ['-r', '50', '-png', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  rmSync(`${prefix}.png`);
  let coloured = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 24) coloured++;
  }
  return coloured;
}

/** Every word of a PDF with the height of its box in points (pdftotext -bbox-layout), for reading font sizes back. */
export function pdfWords(file: string): { text: string; height: number; page: number }[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const words: { text: string; height: number; page: number }[] = [];
  let page = 0;
  for (const m of xml.matchAll(/<page |<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0] === '<page ') {
      page++;
      continue;
    }
    words.push({ text: m[3]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;|&#39;/g, "'"), height: Number(m[2]) - Number(m[1]), page });
  }
  return words;
}
