import type { DocumentBlock } from '../../../../domain/documents/document-model.ts';
import { fixedEscalationSteps } from '../../../../domain/incidents/incident.schema.ts';
import { t } from '../../../i18n/texts.ts';
import type { DocumentBuilder } from '../builder.ts';
import { fillText, organisationFacts, placeholderValues, proseBlocks, sectionText } from './facts.ts';

const KIND = 'incidentResponsePlan';
const BSI_ROWS = ['earlyWarning', 'notification', 'intermediate', 'final'] as const;
const GDPR_ROWS = ['art33', 'art34'] as const;

/**
 * The incident response plan: recognise, first steps, the escalation chain (the organisation's own chain from the
 * registration, else IT lead → management with the DPO in parallel, with the members' names), the reporting deadlines
 * of § 32 Abs. 1 BSIG (24 hours, 72 hours, on request, one month) beside Art. 33 (72 hours) and Art. 34 DSGVO, and
 * what follows. The BSI rows are marked as not applying when the latest NIS2 check found the practice out of scope.
 */
export const buildIncidentResponsePlan: DocumentBuilder = async ({ tx, organisationId, locale, texts, reviewMonths }) => {
  const facts = await organisationFacts(tx, organisationId);
  const values = placeholderValues(locale, facts);
  const text = (key: string, params: Record<string, string | number> = {}) => t(locale, `documents.${KIND}.${key}`, params);
  const section = (key: string): DocumentBlock[] => [
    { kind: 'heading', level: 1, text: text(`sections.${key}.heading`) },
    ...proseBlocks(fillText(sectionText(locale, KIND, key, texts), values)),
  ];
  const namesOf: Record<(typeof fixedEscalationSteps)[number], string> = { itLead: values.itLead, management: values.management, dpo: values.dpo };
  const chain: DocumentBlock =
    facts.escalation.length > 0
      ? { kind: 'list', ordered: true, items: facts.escalation.map((e) => [e.role, e.name, e.phone].filter((part) => part.trim()).join(' – ')) }
      : { kind: 'list', ordered: true, items: fixedEscalationSteps.map((step) => `${text(`fixedChain.${step}`)}: ${namesOf[step]}`) };
  const outOfScope = facts.nis2Category === 'not_affected';
  const row = (key: string) => ['report', 'deadline', 'to', 'basis'].map((column) => text(`rows.${key}.${column}`));
  const scopeNote: DocumentBlock[] = outOfScope
    ? [{ kind: 'paragraph', tone: 'note', text: text('deadlinesNotInScope') }]
    : facts.nis2Category === null
      ? [{ kind: 'paragraph', tone: 'note', text: text('deadlinesNotAssessed') }]
      : [];
  const blocks: DocumentBlock[] = [
    ...section('recognise'),
    ...section('firstSteps'),
    { kind: 'heading', level: 1, text: text('chainHeading') },
    { kind: 'paragraph', tone: 'muted', text: text('chainIntro') },
    chain,
    { kind: 'heading', level: 1, text: text('deadlinesHeading') },
    { kind: 'paragraph', text: text('deadlinesIntro') },
    ...scopeNote,
    {
      kind: 'table',
      columns: [
        { title: text('colReport'), width: 0.27 },
        { title: text('colDeadline'), width: 0.29 },
        { title: text('colTo'), width: 0.22 },
        { title: text('colBasis') },
      ],
      rows: [...(outOfScope ? [] : BSI_ROWS.map(row)), ...GDPR_ROWS.map(row)],
    },
    { kind: 'heading', level: 1, text: text('toolHeading') },
    { kind: 'paragraph', text: text('tool') },
    ...section('communication'),
    ...section('afterwards'),
    { kind: 'paragraph', text: t(locale, 'documents.common.reviewLine', { months: reviewMonths ?? 12 }) },
  ];
  return { title: text('title'), subtitle: text('subtitle'), blocks, footnote: t(locale, 'documents.common.footnote') };
};
