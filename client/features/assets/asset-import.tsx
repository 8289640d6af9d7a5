import { assetSheet } from '../../../domain/assets/assets.sheet.ts';
import { SheetImport } from '../../components/sheet-import.tsx';

/** The asset register's import: the shared dialog with this register's columns. */
export function AssetImport({ organisationId, onDone }: { organisationId: string; onDone: (result: { created: number; updated: number }) => void }) {
  return <SheetImport organisationId={organisationId} sheet={assetSheet} testId="asset" onDone={onDone} />;
}
