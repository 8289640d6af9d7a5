import { describe, expect, it } from 'vitest';
import { assetSheet } from '../../domain/assets/assets.sheet.ts';
import { convertCell, decodeText, detectDelimiter, parseDay, suggestMapping, zipUncompressedSize } from './import.ts';

const column = (field: string) => assetSheet.columns.find((c) => c.field === field)!;

describe('the spreadsheet import', () => {
  it('reads days written the German, the ISO and the short way, and refuses days that do not exist', () => {
    expect(parseDay('31.12.2026')).toBe('2026-12-31');
    expect(parseDay('2026-12-31')).toBe('2026-12-31');
    expect(parseDay('1.2.26')).toBe('2026-02-01');
    expect(parseDay('1.2.95')).toBe('1995-02-01');
    expect(parseDay('29.02.2027')).toBeUndefined();
    expect(parseDay('12/31/2026')).toBeUndefined();
    expect(parseDay('morgen')).toBeUndefined();
  });

  it('converts yes/no words, enum values and labels, and names the cell it cannot read', () => {
    for (const word of ['ja', 'Yes', 'x', 'WAHR', 'true', '1']) expect(convertCell(column('adminMfa'), word)).toEqual({ value: true });
    for (const word of ['nein', 'No', 'falsch', 'false', '0']) expect(convertCell(column('adminMfa'), word)).toEqual({ value: false });
    expect(convertCell(column('adminMfa'), '')).toEqual({ value: null });
    expect(convertCell(column('adminMfa'), 'vielleicht')).toEqual({ error: 'sheet.boolean_invalid' });
    expect(convertCell(column('kind'), 'TI-Konnektor/TI-Gateway')).toEqual({ value: 'ti_connector' });
    expect(convertCell(column('kind'), 'card terminal')).toEqual({ value: 'card_terminal' });
    expect(convertCell(column('kind'), 'smcb')).toEqual({ value: 'smcb' });
    expect(convertCell(column('kind'), 'Toaster')).toEqual({ error: 'sheet.enum_invalid' });
    expect(convertCell(column('supportEndsOn'), '31.13.2026')).toEqual({ error: 'sheet.date_invalid' });
  });

  it('suggests a mapping from German, English and alias titles, each field once', () => {
    expect(suggestMapping(assetSheet, ['Inventar-Nr.', 'NAME', 'Kind', 'Ort', 'Name', 'Unbekannt', 'End of Support'])).toEqual({
      0: 'inventoryNumber',
      1: 'name',
      2: 'kind',
      3: 'location',
      4: null,
      5: null,
      6: 'supportEndsOn',
    });
  });

  it('detects the encoding and the delimiter', () => {
    expect(decodeText(Buffer.from('\ufeffGerät;Ort', 'utf8'))).toBe('\ufeffGerät;Ort'.slice(1));
    expect(decodeText(Buffer.from('Gerät;Ort', 'latin1'))).toBe('Gerät;Ort');
    expect(detectDelimiter('a;b;"c,d,e"\n1,2')).toBe(';');
    expect(detectDelimiter('a,b,c\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });

  it('refuses a ZIP without a directory, and one that unpacks to more than the limit', async () => {
    expect(() => zipUncompressedSize(Buffer.from('PK\x03\x04 nichts weiter'))).toThrow('sheet.unreadable');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('A').addRow(['x'.repeat(10_000)]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const size = zipUncompressedSize(file);
    expect(size).toBeGreaterThan(10_000);
    expect(size).toBeGreaterThan(file.length);
    expect(() => zipUncompressedSize(file, size - 1)).toThrow('sheet.too_large');
  });
});
