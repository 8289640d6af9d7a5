import { inflateSync } from 'node:zlib';

// WinAnsiEncoding (PDF 32000-1, Annex D) is Latin-1 except 0x80–0x9F, which hold the typographic marks; Node's
// TextDecoder('windows-1252') decodes that range as control characters.
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const winAnsi = (bytes: Buffer) => [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? WIN_ANSI_HIGH[b - 0x80] : String.fromCharCode(b))).join('');

/**
 * The text of a PDF written by pdfkit with its standard fonts, one string per text line, for tests: the content streams
 * are inflated and the hex strings of each TJ array decoded (pdfkit encodes Helvetica text in WinAnsi). Not a general
 * PDF reader; enough to check what a person would read in our own documents.
 */
export function pdfTextLines(pdf: Buffer): string[] {
  const lines: string[] = [];
  const source = pdf.toString('latin1');
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (const match of source.matchAll(streams)) {
    const raw = Buffer.from(match[1]!, 'latin1');
    let content: string;
    try {
      content = inflateSync(raw).toString('latin1');
    } catch {
      content = raw.toString('latin1');
    }
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const bytes = [...array[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => Buffer.from(m[1]!, 'hex'));
      lines.push(winAnsi(Buffer.concat(bytes)));
    }
  }
  return lines;
}

/** All text of the PDF as one string, lines joined by a space. */
export function pdfText(pdf: Buffer): string {
  return pdfTextLines(pdf).join(' ');
}
