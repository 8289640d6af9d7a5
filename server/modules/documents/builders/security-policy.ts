import type { DocumentBlock } from '../../../../domain/documents/document-model.ts';
import { t } from '../../../i18n/texts.ts';
import type { DocumentBuilder } from '../builder.ts';
import { fillText, gap, organisationFacts, placeholderValues, proseBlocks, sectionText } from './facts.ts';

const KIND = 'securityPolicy';

/**
 * The information security policy: the shared umbrella for § 390 SGB V and, where the practice is in scope, § 30 Abs. 2
 * Nr. 1 BSIG ("Konzepte in Bezug auf die Risikoanalyse und auf die Sicherheit in der Informationstechnik"). Six prose
 * sections the practice may reword; scope and roles come from its own data.
 */
export const buildSecurityPolicy: DocumentBuilder = async ({ tx, organisationId, locale, texts, reviewMonths }) => {
  const facts = await organisationFacts(tx, organisationId);
  const values = placeholderValues(locale, facts);
  const text = (key: string, params: Record<string, string | number> = {}) => t(locale, `documents.${KIND}.${key}`, params);
  const section = (key: string): DocumentBlock[] => [
    { kind: 'heading', level: 1, text: text(`sections.${key}.heading`) },
    ...proseBlocks(fillText(sectionText(locale, KIND, key, texts), values)),
  ];
  const inScope = facts.nis2Category !== null && facts.nis2Category !== 'not_affected';
  const frameworks = [
    facts.kbvAnnexes.length > 0 ? text('kbvAnnexes', { annexes: facts.kbvAnnexes.join(', ') }) : text('kbvNotAssessed'),
    facts.nis2Category ? text('nis2Line', { category: t(locale, `registration.category.${facts.nis2Category}`) }) : text('nis2NotAssessed'),
  ].join('\n');
  const blocks: DocumentBlock[] = [
    ...section('purpose'),
    { kind: 'heading', level: 1, text: text('scopeHeading') },
    {
      kind: 'fields',
      rows: [
        { label: text('organisation'), value: facts.organisation },
        { label: text('locations'), value: values.locations },
        { label: text('frameworks'), value: frameworks },
      ],
    },
    ...section('goals'),
    { kind: 'heading', level: 1, text: text('rolesHeading') },
    {
      kind: 'fields',
      rows: [
        { label: text('roleManagement'), value: values.management },
        { label: text('roleItLead'), value: values.itLead },
        { label: text('roleDpo'), value: values.dpo },
        { label: text('roleContactPoint'), value: values.contactPoint },
      ],
    },
    ...section('principles'),
    ...section('staffDuties'),
    ...section('reporting'),
    ...section('review'),
    { kind: 'paragraph', text: t(locale, 'documents.common.reviewLine', { months: reviewMonths ?? 12 }) },
    {
      kind: 'signature',
      rows: (facts.management.length > 0 ? facts.management : [gap(locale, t(locale, 'documents.missing.management'))]).map((name) => ({
        role: t(locale, 'documents.common.signatureRole'),
        name,
        date: '',
      })),
    },
  ];
  return { title: text('title'), subtitle: text(inScope ? 'subtitleBoth' : 'subtitleKbv'), blocks, footnote: t(locale, 'documents.common.footnote') };
};
