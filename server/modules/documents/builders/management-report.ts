import type { DocumentBlock } from '../../../../domain/documents/document-model.ts';
import { ACCEPTANCE_LINE, riskLevel } from '../../../../domain/risks/risk-rating.ts';
import { practiceDay } from '../../../../domain/tasks/task-rules.ts';
import { formatDate, formatDateTime, type Locale, t } from '../../../i18n/texts.ts';
import type { DocumentBuilder } from '../builder.ts';
import { countedText, formatCount, formatDay, kindTexts, percentOf, requirementReference } from './builder-kit.ts';
import { type ReportData, readReportData, TOP } from './management-report.data.ts';

/**
 * The quarterly report to management (§ 38 Abs. 1 BSIG: management approves the risk-management measures of § 30 and
 * oversees their implementation). It opens with what management must decide, derived from the data, then shows the
 * progress per framework, the open risks above the acceptance line, the quarter's incidents, training coverage, what
 * is overdue and the directors' own duties, and ends with a line for each director to sign.
 */

type Text = ReturnType<typeof kindTexts>;

const names = (list: readonly { name: string }[]) => list.map((d) => d.name).join(', ');

/** What management must decide or order, in the order of urgency: reports and deadlines owed, then risks and duties. */
export function decisions(locale: Locale, data: ReportData): string[] {
  const key = (name: string) => `documents.managementReport.decision.${name}`;
  const text = kindTexts(locale, 'managementReport');
  const items: string[] = [];
  if (data.overdueReports.length > 0) items.push(countedText(locale, key('reports'), data.overdueReports.length));
  if (data.registration.required && data.registration.isOverdue) {
    items.push(text('decision.registration', { date: formatDay(locale, data.registration.dueDate) }));
  }
  if (data.risks.open > 0) items.push(countedText(locale, key('risks'), data.risks.open, { line: ACCEPTANCE_LINE }));
  if (data.directors.length === 0) items.push(text('decision.noDirectors'));
  const untrained = data.directors.filter((d) => d.training.state === 'missing' || d.training.state === 'lapsed');
  if (untrained.length > 0) items.push(text('decision.training', { names: names(untrained) }));
  const unapproved = data.directors.filter((d) => d.approval.state === 'missing');
  if (unapproved.length > 0) items.push(text('decision.approval', { names: names(unapproved) }));
  if (data.suppliers.avvMissing > 0) items.push(countedText(locale, key('avv'), data.suppliers.avvMissing));
  if (data.suppliers.c5Missing > 0) items.push(countedText(locale, key('c5'), data.suppliers.c5Missing));
  if (!data.progress.nis2) items.push(text('decision.nis2Check'));
  const untrainedStaff = data.training.byState.never_trained + data.training.byState.overdue;
  if (untrainedStaff > 0) items.push(countedText(locale, key('staffTraining'), untrainedStaff));
  if (data.tasks.total > 0) items.push(countedText(locale, key('tasks'), data.tasks.total));
  return items;
}

function registrationLine(locale: Locale, data: ReportData, text: Text): string {
  const registration = data.registration;
  if (!data.progress.nis2) return text('registration.unknown');
  if (!registration.required) return text('registration.notRequired');
  if (registration.registered) return text('registration.done');
  const date = formatDay(locale, registration.dueDate);
  return registration.isOverdue ? text('registration.overdue', { date }) : text('registration.due', { date });
}

function headBlocks(locale: Locale, data: ReportData, text: Text): DocumentBlock[] {
  const items = decisions(locale, data);
  const { quarter } = data;
  return [
    {
      kind: 'fields',
      rows: [
        {
          label: text('period'),
          value: text('periodValue', {
            quarter: quarter.quarter,
            year: quarter.year,
            from: formatDay(locale, quarter.from),
            to: formatDay(locale, quarter.to),
          }),
        },
        { label: text('category'), value: data.progress.nis2 ? t(locale, `nis2Category.${data.progress.nis2.category}`) : text('categoryNotChecked') },
        { label: text('registration.label'), value: registrationLine(locale, data, text) },
      ],
    },
    { kind: 'heading', level: 1, text: text('decisionsHeading') },
    items.length > 0 ? { kind: 'list', ordered: true, items } : { kind: 'paragraph', text: text('noDecisions'), tone: 'muted' },
  ];
}

function progressBlocks(locale: Locale, data: ReportData, text: Text): DocumentBlock[] {
  const rows = data.progress.frameworks.map((f) => [
    text(`framework.${f.framework}`),
    formatCount(locale, f.total),
    formatCount(locale, f.done),
    formatCount(locale, f.inProgress),
    formatCount(locale, f.open),
    f.total > 0 ? `${percentOf(f.done, f.total)} %` : '–',
  ]);
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: text('progressHeading') },
    {
      kind: 'table',
      columns: [
        { title: text('column.framework'), width: 0.3 },
        { title: text('column.applicable'), width: 0.14 },
        { title: text('column.done'), width: 0.14 },
        { title: text('column.inProgress'), width: 0.14 },
        { title: text('column.open'), width: 0.14 },
        { title: text('column.share'), width: 0.14 },
      ],
      rows,
    },
  ];
  if (!data.progress.kbvAssessed) blocks.push({ kind: 'paragraph', text: text('kbvNotChecked'), tone: 'muted' });
  return blocks;
}

function riskBlocks(locale: Locale, data: ReportData, text: Text): DocumentBlock[] {
  const { risks } = data;
  const blocks: DocumentBlock[] = [{ kind: 'heading', level: 1, text: text('risksHeading') }];
  if (risks.open === 0)
    return [...blocks, { kind: 'paragraph', text: text('risksNone', { total: formatCount(locale, risks.total), line: ACCEPTANCE_LINE }), tone: 'muted' }];
  blocks.push(
    { kind: 'paragraph', text: text('risksText', { open: formatCount(locale, risks.open), total: formatCount(locale, risks.total), line: ACCEPTANCE_LINE }) },
    {
      kind: 'table',
      columns: [
        { title: text('column.riskNumber'), width: 0.08 },
        { title: text('column.risk'), width: 0.4 },
        { title: text('column.score'), width: 0.14 },
        { title: text('column.treatment'), width: 0.16 },
        { title: text('column.owner'), width: 0.22 },
      ],
      rows: risks.top.map((r) => [
        `R-${r.number}`,
        r.title,
        `${r.score} (${t(locale, `risks.level.${riskLevel(r.score)}`)})`,
        t(locale, `risks.treatment.${r.treatment}`),
        r.owner || '–',
      ]),
    },
  );
  if (risks.open > TOP) blocks.push({ kind: 'paragraph', text: text('topOf', { shown: TOP, total: formatCount(locale, risks.open) }), tone: 'muted' });
  return blocks;
}

function incidentBlocks(locale: Locale, data: ReportData, text: Text): DocumentBlock[] {
  const { incidents } = data;
  const assessment = (significant: boolean | null) =>
    t(locale, `incidents.significance.${significant === null ? 'open' : significant ? 'significant' : 'notSignificant'}`);
  return [
    { kind: 'heading', level: 1, text: text('incidentsHeading') },
    {
      kind: 'fields',
      rows: [
        { label: text('incidents.inQuarter'), value: formatCount(locale, incidents.inQuarter) },
        // Significant incidents are reportable under § 32 BSIG only for (particularly) important entities; without a
        // check the incident clocks count the organisation as important, and so does this line.
        {
          label: text(data.progress.nis2?.category === 'not_affected' ? 'incidents.significantOnly' : 'incidents.significant'),
          value: formatCount(locale, incidents.significant),
        },
        { label: text('incidents.unassessed'), value: formatCount(locale, incidents.unassessed) },
        { label: text('incidents.open'), value: formatCount(locale, incidents.open) },
        { label: text('incidents.overdueReports'), value: formatCount(locale, data.overdueReports.length) },
      ],
    },
    {
      kind: 'table',
      columns: [
        { title: text('column.incidentNumber'), width: 0.08 },
        { title: text('column.incident'), width: 0.4 },
        { title: text('column.noticedAt'), width: 0.16 },
        { title: text('column.assessment'), width: 0.18 },
        { title: text('column.handling'), width: 0.18 },
      ],
      rows: incidents.shown.map((i) => [
        `#${i.number}`,
        i.title,
        formatDate(locale, i.noticedAt),
        assessment(i.significant),
        i.completedAt ? text('incidents.closedOn', { date: formatDate(locale, i.completedAt) }) : text('incidents.running'),
      ]),
      empty: text('incidentsEmpty'),
    },
  ];
}

function trainingBlocks(locale: Locale, data: ReportData, text: Text): DocumentBlock[] {
  const coverage = data.training;
  const known = coverage.percent !== null;
  return [
    { kind: 'heading', level: 1, text: text('trainingHeading') },
    {
      kind: 'paragraph',
      text: known
        ? text('trainingText', { covered: formatCount(locale, coverage.covered), people: formatCount(locale, coverage.people), percent: coverage.percent ?? 0 })
        : text('trainingNone'),
      tone: known ? 'normal' : 'muted',
    },
    ...(known
      ? ([
          {
            kind: 'fields',
            rows: (['never_trained', 'overdue', 'due_soon'] as const).map((state) => ({
              label: text(`trainingState.${state}`),
              value: formatCount(locale, coverage.byState[state]),
            })),
          },
          {
            kind: 'table',
            columns: [{ title: text('column.course'), width: 0.6 }, { title: text('column.trained') }],
            rows: coverage.perCourse.map((c) => [
              c.title,
              text('trainedOf', { trained: formatCount(locale, c.trained), people: formatCount(locale, c.people) }),
            ]),
          },
        ] satisfies DocumentBlock[])
      : []),
  ];
}

function otherOverdue(locale: Locale, data: ReportData, text: Text) {
  const items = [
    ...data.progress.overdueRequirements.items.map((e) => ({
      area: text('area.requirement'),
      what: [`${requirementReference(locale, e.requirementId)}: ${locale === 'de' ? e.requirement.titleDe : e.requirement.titleEn}`, e.location]
        .filter(Boolean)
        .join(' · '),
      day: e.dueDate,
      due: formatDay(locale, e.dueDate),
    })),
    ...data.reviews.risks.top.map((r) => ({ area: text('area.riskReview'), what: `R-${r.number}: ${r.title}`, day: r.due!, due: formatDay(locale, r.due) })),
    ...data.reviews.suppliers.top.map((s) => ({ area: text('area.supplierReview'), what: s.name, day: s.due!, due: formatDay(locale, s.due) })),
    ...data.overdueReports.map((r) => ({
      area: text('area.incidentReport'),
      what: `#${r.number} ${r.title}: ${t(locale, `incidents.kind.${r.report}`)}`,
      day: practiceDay(new Date(r.due)),
      due: formatDateTime(locale, r.due),
    })),
  ];
  return items.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)).slice(0, TOP);
}

function overdueBlocks(locale: Locale, data: ReportData, text: Text): DocumentBlock[] {
  const otherTotal = data.progress.overdueRequirements.total + data.reviews.risks.total + data.reviews.suppliers.total + data.overdueReports.length;
  return [
    { kind: 'heading', level: 1, text: text('overdueHeading') },
    { kind: 'heading', level: 2, text: text('tasksHeading', { count: formatCount(locale, data.tasks.total) }) },
    {
      kind: 'table',
      columns: [{ title: text('column.task'), width: 0.55 }, { title: text('column.dueOn'), width: 0.17 }, { title: text('column.owner') }],
      rows: data.tasks.top.map((task) => [task.title, formatDay(locale, task.dueOn), task.owner ?? t(locale, 'tasks.nobody')]),
      empty: text('tasksEmpty'),
    },
    ...(data.tasks.total > TOP
      ? [{ kind: 'paragraph', text: text('topOf', { shown: TOP, total: formatCount(locale, data.tasks.total) }), tone: 'muted' } as const]
      : []),
    { kind: 'heading', level: 2, text: text('otherHeading', { count: formatCount(locale, otherTotal) }) },
    ...(otherTotal > 0
      ? [
          {
            kind: 'paragraph',
            tone: 'muted',
            text: text('otherCounts', {
              requirements: formatCount(locale, data.progress.overdueRequirements.total),
              risks: formatCount(locale, data.reviews.risks.total),
              suppliers: formatCount(locale, data.reviews.suppliers.total),
              reports: formatCount(locale, data.overdueReports.length),
            }),
          } as const,
        ]
      : []),
    {
      kind: 'table',
      columns: [{ title: text('column.area'), width: 0.22 }, { title: text('column.what'), width: 0.58 }, { title: text('column.dueSince') }],
      rows: otherOverdue(locale, data, text).map((item) => [item.area, item.what, item.due]),
      empty: text('otherEmpty'),
    },
  ];
}

function directorBlocks(locale: Locale, data: ReportData, text: Text): DocumentBlock[] {
  const training = (d: ReportData['directors'][number]) => {
    const date = formatDay(locale, d.training.dueOn);
    if (d.training.state === 'due_soon') return countedText(locale, 'management.training.due_soon', d.training.daysLeft ?? 0, { date });
    return t(locale, `management.training.${d.training.state}`, { date });
  };
  const approval = (d: ReportData['directors'][number]) => {
    const date = d.lastApprovalAt ? formatDate(locale, d.lastApprovalAt) : '';
    if (d.approval.state === 'changed') return countedText(locale, 'management.approval.changed', d.approval.changesSince, { date });
    return t(locale, `management.approval.${d.approval.state}`, { date });
  };
  return [
    { kind: 'heading', level: 1, text: text('directorsHeading') },
    {
      kind: 'table',
      columns: [
        { title: text('column.director'), width: 0.3 },
        { title: text('column.directorTraining'), width: 0.35 },
        { title: text('column.directorApproval') },
      ],
      rows: data.directors.map((d) => [d.name, training(d), approval(d)]),
      empty: text('directorsEmpty'),
    },
  ];
}

function signatureBlocks(data: ReportData, text: Text): DocumentBlock[] {
  const signers = data.directors.length > 0 ? data.directors.map((d) => d.name) : [''];
  return [
    { kind: 'heading', level: 1, text: text('signatureHeading') },
    { kind: 'paragraph', text: text('signatureText') },
    { kind: 'signature', rows: signers.map((name) => ({ role: text('signatureRole'), name, date: '' })) },
  ];
}

export const buildManagementReport: DocumentBuilder = async ({ tx, organisationId, locale, now }) => {
  const text = kindTexts(locale, 'managementReport');
  const data = await readReportData(tx, organisationId, now);
  return {
    title: t(locale, 'documents.kind.management_report.title'),
    subtitle: text('subtitle', { quarter: data.quarter.quarter, year: data.quarter.year }),
    blocks: [
      ...headBlocks(locale, data, text),
      ...progressBlocks(locale, data, text),
      ...riskBlocks(locale, data, text),
      ...incidentBlocks(locale, data, text),
      ...trainingBlocks(locale, data, text),
      ...overdueBlocks(locale, data, text),
      ...directorBlocks(locale, data, text),
      ...signatureBlocks(data, text),
    ],
    footnote: text('footnote'),
  };
};
