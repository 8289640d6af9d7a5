import type { SheetDefinition } from '../common/spreadsheet.ts';
import { avvStatuses, c5Bases, c5Types, supplierCriticalities } from './suppliers.schema.ts';

/**
 * The supplier register as a spreadsheet (export now, import later through the same kit). The name is the key a
 * re-import updates by. Titles are the form's field labels (suppliers.field.*).
 */
export const supplierSheet = {
  register: 'suppliers',
  key: 'name',
  columns: [
    { field: 'name', title: 'suppliers.field.name', type: 'text', required: true, aliases: ['dienstleister', 'lieferant', 'firma', 'supplier'], width: 28 },
    { field: 'services', title: 'suppliers.field.services', type: 'text', aliases: ['leistung', 'service'], width: 36 },
    { field: 'criticality', title: 'suppliers.field.criticality', type: 'enum', values: supplierCriticalities, labels: 'suppliers.criticality', width: 16 },
    { field: 'patientDataAccess', title: 'suppliers.field.patientDataAccess', type: 'boolean', aliases: ['patientendaten'], width: 14 },
    { field: 'avvStatus', title: 'suppliers.field.avvStatus', type: 'enum', values: avvStatuses, labels: 'suppliers.avvStatus', aliases: ['avv'], width: 18 },
    { field: 'avvSignedOn', title: 'suppliers.field.avvSignedOn', type: 'date', width: 14 },
    { field: 'cloudHealthData', title: 'suppliers.field.cloudHealthData', type: 'boolean', aliases: ['cloud'], width: 14 },
    { field: 'c5Basis', title: 'suppliers.field.c5Basis', type: 'enum', values: c5Bases, labels: 'suppliers.c5Basis', width: 20 },
    { field: 'c5Type', title: 'suppliers.field.c5Type', type: 'enum', values: c5Types, labels: 'suppliers.c5Type', aliases: ['c5-typ', 'c5 type'], width: 20 },
    { field: 'c5Scope', title: 'suppliers.field.c5Scope', type: 'text', width: 28 },
    { field: 'c5ReportDate', title: 'suppliers.field.c5ReportDate', type: 'date', width: 14 },
    { field: 'c5ValidUntil', title: 'suppliers.field.c5ValidUntil', type: 'date', aliases: ['c5 bis', 'c5 valid until'], width: 14 },
    { field: 'securityAgreement', title: 'suppliers.field.securityAgreement', type: 'boolean', width: 14 },
    { field: 'auditRights', title: 'suppliers.field.auditRights', type: 'boolean', width: 14 },
    { field: 'contactName', title: 'suppliers.field.contactName', type: 'text', aliases: ['kontakt', 'contact'], width: 22 },
    { field: 'contactEmail', title: 'suppliers.field.contactEmail', type: 'text', aliases: ['mail'], width: 26 },
    { field: 'contactPhone', title: 'suppliers.field.contactPhone', type: 'text', width: 18 },
    { field: 'emergencyContact', title: 'suppliers.field.emergencyContact', type: 'text', width: 22 },
    { field: 'emergencyPhone', title: 'suppliers.field.emergencyPhone', type: 'text', width: 18 },
    { field: 'subProcessors', title: 'suppliers.field.subProcessors', type: 'text', aliases: ['subunternehmer'], width: 28 },
    { field: 'nextReviewOn', title: 'suppliers.field.nextReviewOn', type: 'date', aliases: ['review'], width: 14 },
    { field: 'notes', title: 'suppliers.field.notes', type: 'text', width: 40 },
  ],
} as const satisfies SheetDefinition;
