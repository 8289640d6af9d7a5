import { describe, expect, it } from 'vitest';
import { EntryNames, evidenceFolder, MAX_ENTRY_NAME, safeEntryName, sha256sumLine } from './pack-names.ts';

const PDF = 'application/pdf';
const JPEG = 'image/jpeg';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('names of evidence files in the pack', () => {
  // Windows: Microsoft, "Naming Files, Paths, and Namespaces" (reserved characters and device names, no trailing dot or
  // space); the extension follows the type detected from the content, as the single download does (decision 013).
  it.each([
    ['Befund.pdf', PDF, 'Befund.pdf'],
    ['Befund.PDF', PDF, 'Befund.PDF'],
    ['Befund', PDF, 'Befund.pdf'],
    ['Befund vom 12.03', PDF, 'Befund vom 12.03.pdf'],
    ['x.html', PDF, 'x.pdf'],
    ['Foto.jpeg', JPEG, 'Foto.jpeg'],
    ['Foto.png', JPEG, 'Foto.jpg'],
    ['Vertrag.docx', DOCX, 'Vertrag.docx'],
    ['Datei.exe', 'application/x-msdownload', 'Datei.bin'],
    ['Übersicht Straße.pdf', PDF, 'Übersicht Straße.pdf'],
    ['a<b>c:d"e|f?g*h.pdf', PDF, 'a_b_c_d_e_f_g_h.pdf'],
    ['ordner/unter\\datei.pdf', PDF, 'ordner_unter_datei.pdf'],
    ['zeile\neins\tzwei.pdf', PDF, 'zeile_eins_zwei.pdf'],
    ['.versteckt.pdf', PDF, 'versteckt.pdf'],
    ['../../etc/passwd', PDF, '_.._etc_passwd.pdf'],
    ['Ende. .pdf', PDF, 'Ende.pdf'],
    ['...', PDF, 'nachweis.pdf'],
    ['.pdf', PDF, 'pdf.pdf'],
    ['', PDF, 'nachweis.pdf'],
    ['CON.pdf', PDF, '_CON.pdf'],
    ['nul.tar.pdf', PDF, '_nul.tar.pdf'],
    ['lpt1', PDF, '_lpt1.pdf'],
    ['Console.pdf', PDF, 'Console.pdf'],
  ])('%j (%s) lies in the pack as %j', (fileName, mediaType, expected) => {
    expect(safeEntryName(fileName, mediaType)).toBe(expected);
  });

  it('cuts long names to the limit, keeping the extension and whole characters', () => {
    const name = safeEntryName(`${'ä'.repeat(100)}${'😀'.repeat(100)}.pdf`, PDF);
    expect(Array.from(name)).toHaveLength(MAX_ENTRY_NAME);
    expect(name.endsWith('😀.pdf')).toBe(true);
    expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('writes composed characters (NFC), as macOS and Windows show them', () => {
    expect(safeEntryName('Pru\u0308fung.pdf', PDF)).toBe('Pr\u00fcfung.pdf');
  });
});

describe('unique names within a folder', () => {
  it('numbers names that differ in case only, per folder', () => {
    const names = new EntryNames();
    expect(names.take('evidence/KBV-A1-01', 'Befund.pdf')).toBe('evidence/KBV-A1-01/Befund.pdf');
    expect(names.take('evidence/KBV-A1-01', 'befund.PDF')).toBe('evidence/KBV-A1-01/befund (2).PDF');
    expect(names.take('evidence/KBV-A1-01', 'Befund.pdf')).toBe('evidence/KBV-A1-01/Befund (3).pdf');
    expect(names.take('evidence/KBV-A1-02', 'Befund.pdf')).toBe('evidence/KBV-A1-02/Befund.pdf');
    expect(names.take(evidenceFolder('KBV-A1-01'), 'Befund (2).pdf')).toBe('evidence/KBV-A1-01/Befund (2) (2).pdf');
  });

  it('keeps a numbered name within the limit', () => {
    const names = new EntryNames();
    const long = safeEntryName('x'.repeat(300), PDF);
    names.take('evidence/KBV-A1-01', long);
    const second = names.take('evidence/KBV-A1-01', long).split('/').pop()!;
    expect(second).toHaveLength(MAX_ENTRY_NAME);
    expect(second.endsWith(' (2).pdf')).toBe(true);
  });
});

describe('hashes.sha256', () => {
  // GNU coreutils sha256sum: "hash, two spaces, file name" per line is what `sha256sum -c` reads.
  it('writes the line sha256sum writes', () => {
    expect(sha256sumLine('ab'.repeat(32), 'evidence/KBV-A1-01/Befund.pdf')).toBe(`${'ab'.repeat(32)}  evidence/KBV-A1-01/Befund.pdf\n`);
  });
});
