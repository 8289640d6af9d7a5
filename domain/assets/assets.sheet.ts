import type { SheetDefinition } from '../common/spreadsheet.ts';
import { assetKinds, protectionNeeds } from './assets.schema.ts';

/**
 * The asset register as a spreadsheet: the columns of the export, the template and (later) the import, in this order.
 * The inventory number is the key a re-import updates by. Titles are the form's field labels (assets.field.*).
 */
export const assetSheet = {
  register: 'assets',
  key: 'inventoryNumber',
  columns: [
    {
      field: 'inventoryNumber',
      title: 'assets.field.inventoryNumber',
      type: 'text',
      aliases: ['inventarnr.', 'inventar-nr.', 'inv.-nr.', 'asset id'],
      width: 16,
    },
    { field: 'name', title: 'assets.field.name', type: 'text', required: true, aliases: ['name', 'gerät', 'device'], width: 32 },
    { field: 'kind', title: 'assets.field.kind', type: 'enum', values: assetKinds, labels: 'assets.kind', required: true, aliases: ['typ', 'type'], width: 28 },
    { field: 'location', title: 'assets.field.locationId', type: 'text', aliases: ['ort', 'site'], width: 20 },
    { field: 'owner', title: 'assets.field.owner', type: 'text', aliases: ['verantwortlicher', 'zuständig'], width: 22 },
    { field: 'manufacturer', title: 'assets.field.manufacturer', type: 'text', width: 18 },
    { field: 'model', title: 'assets.field.model', type: 'text', width: 20 },
    { field: 'version', title: 'assets.field.version', type: 'text', width: 12 },
    { field: 'operatingSystem', title: 'assets.field.operatingSystem', type: 'text', aliases: ['os', 'betriebssystem'], width: 20 },
    { field: 'supportEndsOn', title: 'assets.field.supportEndsOn', type: 'date', aliases: ['supportende', 'end of support', 'eol'], width: 14 },
    { field: 'protectionNeed', title: 'assets.field.protectionNeed', type: 'enum', values: protectionNeeds, labels: 'assets.protectionNeed', width: 14 },
    { field: 'lastPatchedOn', title: 'assets.field.lastPatchedOn', type: 'date', aliases: ['letztes update', 'last patch'], width: 14 },
    { field: 'adminMfa', title: 'assets.field.adminMfa', type: 'boolean', aliases: ['mfa'], width: 14 },
    { field: 'encryptedAtRest', title: 'assets.field.encryptedAtRest', type: 'boolean', aliases: ['verschlüsselt', 'encrypted'], width: 14 },
    { field: 'networkSegment', title: 'assets.field.networkSegment', type: 'text', aliases: ['vlan', 'netz'], width: 14 },
    { field: 'notes', title: 'assets.field.notes', type: 'text', aliases: ['bemerkung', 'bemerkungen', 'kommentar'], width: 40 },
  ],
} as const satisfies SheetDefinition;

export type AssetSheetField = (typeof assetSheet.columns)[number]['field'];
