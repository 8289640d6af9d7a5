import { describe, expect, it } from 'vitest';
import { assetSheet } from '../../domain/assets/assets.sheet.ts';
import { applyRemembered, mergeRemembered } from './remembered-mapping.ts';

describe('the remembered import mapping', () => {
  it('lays remembered titles over the suggestion, matched like the kit matches titles', () => {
    const headers = ['Etikett', 'Bezeichnung', 'Gerät', 'Art', 'Unbekannt'];
    // "Bezeichnung" and "Gerät" are both titles of the name; remembered: the name is in "GERÄT", "Bezeichnung" is left out.
    const mapping = applyRemembered(assetSheet, headers, { ' etikett ': 'inventoryNumber', GERÄT: 'name', Bezeichnung: null });
    expect(mapping).toEqual({ 0: 'inventoryNumber', 1: null, 2: 'name', 3: 'kind', 4: null });
  });

  it('takes a suggested field away from a column when a remembered column has it, and ignores fields that are gone', () => {
    const mapping = applyRemembered(assetSheet, ['Bezeichnung', 'Ding', 'Alt'], { Ding: 'name', Alt: 'removedField' });
    expect(mapping).toEqual({ 0: null, 1: 'name', 2: null });
    // Two columns with the same remembered title: the field goes to the first.
    expect(applyRemembered(assetSheet, ['Ding', 'ding'], { Ding: 'name' })).toEqual({ 0: 'name', 1: null });
    expect(applyRemembered(assetSheet, ['Art', ''], {})).toEqual({ 0: 'kind', 1: null });
  });

  it('remembers this file first, then earlier titles it did not have, at most 200 of reasonable length', () => {
    const merged = mergeRemembered(
      { Ding: 'name', 'Alte Spalte': 'notes', DING: 'owner' },
      ['ding', 'Art', 'x'.repeat(201), 'nul\u0000', '', 'halb\uD800', 'Zeichen 😀'],
      {
        0: 'owner',
        1: 'kind',
        2: 'notes',
      },
    );
    expect(merged).toEqual({ ding: 'owner', Art: 'kind', 'Zeichen 😀': null, 'Alte Spalte': 'notes' });
    const wide = Array.from({ length: 300 }, (_, i) => `Spalte ${i}`);
    const capped = mergeRemembered({ Vorher: 'name' }, wide, {});
    expect(Object.keys(capped)).toHaveLength(200);
    expect(capped['Spalte 0']).toBeNull();
    expect(capped.Vorher).toBeUndefined();
  });
});
