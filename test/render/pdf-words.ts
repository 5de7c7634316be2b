import { execFileSync } from 'node:child_process';

// What poppler sees on a printed page: every word with its box, to check layout the way a reader would.

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** Pages and words of a PDF from `pdftotext -bbox`. */
export function pdfPages(path: string): PdfPage[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => ({
    width: Number(page[1]),
    height: Number(page[2]),
    words: [...page[3].matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((word) => ({
      xMin: Number(word[1]),
      yMin: Number(word[2]),
      xMax: Number(word[3]),
      yMax: Number(word[4]),
      text: word[5].replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name]),
    })),
  }));
}

/** A page's words as one line of text, single-spaced, in drawing order. */
export function pageText(page: PdfPage): string {
  return page.words.map((word) => word.text).join(' ');
}

/** Text with runs of whitespace as one space, for comparing phrases. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// A word broken across lines inside a cell shows as two words, one under the other in the same
// column, whose letters together (a hyphen dropped) spell the whole word.
/**
 * The words of `vocabulary` that a page prints broken over two lines, as "first|second".
 * @example brokenWords(page, ['Adoption']) // ['Adop|tion'] when a header wrapped inside the word
 */
export function brokenWords(page: PdfPage, vocabulary: Iterable<string>): string[] {
  const whole = new Set([...vocabulary].filter((word) => word.length >= 3));
  const broken: string[] = [];
  for (const upper of page.words) {
    for (const lower of page.words) {
      const lineHeight = upper.yMax - upper.yMin;
      const below = lower.yMin >= upper.yMax - lineHeight * 0.3 && lower.yMin <= upper.yMax + lineHeight * 0.8;
      const sameColumn = lower.xMin < upper.xMax && lower.xMax > upper.xMin - lineHeight;
      if (!below || !sameColumn) continue;
      const joined = `${upper.text.replace(/-$/, '')}${lower.text}`;
      if (whole.has(joined)) broken.push(`${upper.text}|${lower.text}`);
    }
  }
  return broken;
}
