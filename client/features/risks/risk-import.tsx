import { riskSheet } from '../../../domain/risks/risks.sheet.ts';
import { SheetImport } from '../../components/sheet-import.tsx';

/** The risk register's import: the shared dialog with this register's columns (the number R-7 is the key). */
export function RiskImport({ organisationId, onDone }: { organisationId: string; onDone: (result: { created: number; updated: number }) => void }) {
  return <SheetImport organisationId={organisationId} sheet={riskSheet} testId="risk" onDone={onDone} />;
}
