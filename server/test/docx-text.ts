import JSZip from 'jszip';

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const unescapeXml = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (m) => entities[m]!);

/**
 * The paragraphs of a Word file as a reader sees them, for tests: the body (word/document.xml) and the footers, one
 * string per paragraph (<w:p>), made of its text runs (<w:t>). Page-number fields read as nothing. Not a general
 * DOCX reader; enough to check what our own documents say.
 */
export async function docxParagraphs(docx: Buffer): Promise<{ body: string[]; footers: string[] }> {
  const zip = await JSZip.loadAsync(docx);
  const paragraphsOf = (xml: string) =>
    [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join(''));
  const body = paragraphsOf((await zip.file('word/document.xml')?.async('string')) ?? '');
  const footers: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n))) {
    footers.push(...paragraphsOf(await zip.file(name)!.async('string')));
  }
  return { body, footers };
}
