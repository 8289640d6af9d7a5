import { supplierSheet } from '../../../domain/suppliers/suppliers.sheet.ts';
import { SheetImport } from '../../components/sheet-import.tsx';

/** The supplier register's import: the shared dialog with this register's columns. */
export function SupplierImport({ organisationId, onDone }: { organisationId: string; onDone: (result: { created: number; updated: number }) => void }) {
  return <SheetImport organisationId={organisationId} sheet={supplierSheet} testId="supplier" onDone={onDone} />;
}
