import { personSheet } from '../../../domain/people/people.sheet.ts';
import { SheetImport } from '../../components/sheet-import.tsx';

/** The people register's import: the shared dialog with this register's columns. */
export function PersonImport({ organisationId, onDone }: { organisationId: string; onDone: (result: { created: number; updated: number }) => void }) {
  return <SheetImport organisationId={organisationId} sheet={personSheet} testId="person" onDone={onDone} />;
}
