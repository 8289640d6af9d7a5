import { DateTime } from 'luxon';
import { collectLegalSources, type Explanation, type LegalSource } from '../kbv/explanation.ts';
import type {
  BsigDeadlines,
  FinalReportAnchor,
  GdprDuties,
  GdprRisk,
  RegistrationDeadline,
  ReportingDeadlines,
  ReportingDeadlinesCheckInput,
} from './deadlines.schema.ts';

/** Deadlines are shown, and calendar days are counted, in the time zone of the German authorities. */
export const LEGAL_ZONE = 'Europe/Berlin';

const BSIG_32_URL = 'https://www.gesetze-im-internet.de/bsig_2025/__32.html';
const BGB_URL = 'https://www.gesetze-im-internet.de/bgb/__188.html';
const GDPR_URL = 'https://eur-lex.europa.eu/eli/reg/2016/679/oj/eng';

export const incidentNorms = {
  significant: '§ 2 Nr. 11 BSIG',
  entities: '§ 28 BSIG',
  earlyWarning: '§ 32 Abs. 1 Nr. 1 BSIG',
  notification: '§ 32 Abs. 1 Nr. 2 BSIG',
  finalReport: '§ 32 Abs. 1 Nr. 4 BSIG',
  progressReport: '§ 32 Abs. 2 BSIG',
  intermediateReport: '§ 32 Abs. 1 Nr. 3 BSIG',
  registration: '§ 33 Abs. 1 BSIG',
  periodStart: '§ 187 Abs. 1 BGB',
  periodEnd: '§ 188 Abs. 2 und 3 BGB',
  art33: 'Art. 33 Abs. 1 DSGVO',
  art33Documentation: 'Art. 33 Abs. 5 DSGVO',
  art34: 'Art. 34 Abs. 1 DSGVO',
  art34Encrypted: 'Art. 34 Abs. 3 lit. a DSGVO',
} as const;

export const incidentLegalSources: readonly LegalSource[] = [
  { citation: incidentNorms.significant, url: 'https://www.gesetze-im-internet.de/bsig_2025/__2.html' },
  { citation: incidentNorms.entities, url: 'https://www.gesetze-im-internet.de/bsig_2025/__28.html' },
  { citation: incidentNorms.earlyWarning, url: BSIG_32_URL },
  { citation: incidentNorms.notification, url: BSIG_32_URL },
  { citation: incidentNorms.finalReport, url: BSIG_32_URL },
  { citation: incidentNorms.progressReport, url: BSIG_32_URL },
  { citation: incidentNorms.intermediateReport, url: BSIG_32_URL },
  { citation: incidentNorms.registration, url: 'https://www.gesetze-im-internet.de/bsig_2025/__33.html' },
  { citation: incidentNorms.periodStart, url: 'https://www.gesetze-im-internet.de/bgb/__187.html' },
  { citation: incidentNorms.periodEnd, url: BGB_URL },
  { citation: incidentNorms.art33, url: GDPR_URL },
  { citation: incidentNorms.art33Documentation, url: GDPR_URL },
  { citation: incidentNorms.art34, url: GDPR_URL },
  { citation: incidentNorms.art34Encrypted, url: GDPR_URL },
];

/** § 32(1) Nr. 1 and 2 BSIG, Art. 33(1) GDPR: hours after awareness. */
export const reportingHours = { earlyWarning: 24, notification: 72, gdprArt33: 72 } as const;

/** Parses an ISO 8601 instant that carries its own offset; throws on anything else (the schema refuses such input first). */
export function parseInstant(value: string): DateTime {
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid || !/(?:Z|[+-]\d{2}(?::?\d{2})?)$/.test(value)) throw new RangeError(`not an instant with offset: ${value}`);
  return parsed;
}

/** The instant in ISO 8601 with the Europe/Berlin offset, e.g. 2026-01-16T10:00:00.000+01:00. */
export function formatBerlin(instant: DateTime): string {
  return instant.setZone(LEGAL_ZONE).toISO({ suppressMilliseconds: false, includeOffset: true }) as string;
}

/** The calendar day of an instant in Europe/Berlin, YYYY-MM-DD. */
export function berlinDate(instant: DateTime): string {
  return instant.setZone(LEGAL_ZONE).toISODate() as string;
}

/**
 * Elapsed hours, not wall-clock hours: across a daylight-saving change the Berlin clock time of the deadline moves by
 * one hour (10:00 CET + 24 h = 11:00 CEST on 29 March 2026).
 */
export function addElapsedHours(instant: DateTime, hours: number): DateTime {
  return instant.plus({ milliseconds: hours * 3_600_000 });
}

/**
 * §§ 187(1), 188(2) and (3) BGB: a period of months that starts with an event on `date` ends on the day of the later
 * month with the same number; where that month is too short, on its last day (31 January + 1 month = 28/29 February).
 */
export function addCalendarMonths(date: string, months: number): string {
  const start = DateTime.fromISO(date, { zone: LEGAL_ZONE });
  if (!start.isValid) throw new RangeError(`not a calendar date: ${date}`);
  // Luxon clamps to the last day of a shorter month, which is exactly § 188(3) BGB.
  return start.plus({ months }).toISODate() as string;
}

/**
 * The last instant of a Berlin calendar day (§ 188 BGB: "mit dem Ablauf des Tages"): the next local midnight minus
 * 1 ms. Computed from the next midnight rather than as 23:59:59.999 so that the offset is always that of the day itself.
 */
export function endOfBerlinDay(date: string): DateTime {
  const start = DateTime.fromISO(date, { zone: LEGAL_ZONE });
  if (!start.isValid) throw new RangeError(`not a calendar date: ${date}`);
  return start.plus({ days: 1 }).startOf('day').minus({ milliseconds: 1 });
}

/** One calendar month after the Berlin day of `event`, to the end of that day (§ 32(1) Nr. 4 and (2) BSIG with §§ 187, 188 BGB). */
export function oneMonthAfter(event: DateTime): DateTime {
  return endOfBerlinDay(addCalendarMonths(berlinDate(event), 1));
}

function explain(code: string, params: Explanation['params'], de: string, en: string, ...legalBasis: string[]): Explanation {
  return { code, params, de, en, legalBasis };
}

// Numeric formats on purpose: they read the same in every runtime, whatever its ICU data.
const timeDe = (instant: DateTime) => `${instant.setZone(LEGAL_ZONE).toFormat('dd.MM.yyyy, HH:mm')} Uhr (Berliner Zeit)`;
const timeEn = (instant: DateTime) => `${instant.setZone(LEGAL_ZONE).toFormat('yyyy-MM-dd HH:mm')} (Berlin time)`;
const dayDe = (date: string) => DateTime.fromISO(date).toFormat('dd.MM.yyyy');

const isNis2Entity = (category: string) => category === 'important' || category === 'particularly_important';

interface BsigResult {
  deadlines: BsigDeadlines | null;
  explanations: Explanation[];
}

/** § 32 BSIG: early warning, notification, and the final (or progress) report of a significant incident. */
export function bsigDeadlines(input: ReportingDeadlinesCheckInput): BsigResult {
  if (!input.significantIncident || !isNis2Entity(input.entityCategory)) {
    const notEntity = !isNis2Entity(input.entityCategory);
    return {
      deadlines: null,
      explanations: [
        notEntity
          ? explain(
              'incident.bsig_not_entity',
              { entityCategory: input.entityCategory },
              'Die Einrichtung ist keine wichtige oder besonders wichtige Einrichtung. Die Meldepflichten nach § 32 BSIG gelten für sie nicht; die Pflichten nach der DSGVO bleiben.',
              'The entity is neither important nor particularly important, so the reporting duties of § 32 BSIG do not apply to it; the GDPR duties remain.',
              incidentNorms.entities,
            )
          : explain(
              'incident.bsig_not_significant',
              {},
              'Der Vorfall ist nicht als erheblich eingestuft. Eine Meldung nach § 32 BSIG ist nur für erhebliche Sicherheitsvorfälle vorgeschrieben. Schon ein begründeter Verdacht genügt, daher die Einstufung dokumentieren und bei neuen Erkenntnissen prüfen.',
              'The incident is not classified as significant. § 32 BSIG requires reports for significant incidents only. A justified suspicion is enough, so document the assessment and review it when new facts emerge.',
              incidentNorms.significant,
            ),
      ],
    };
  }

  const aware = parseInstant(input.awareAt);
  const earlyWarning = addElapsedHours(aware, reportingHours.earlyWarning);
  const notification = addElapsedHours(aware, reportingHours.notification);
  const submitted = input.notificationSubmittedAt ? parseInstant(input.notificationSubmittedAt) : null;
  const completed = input.handlingCompletedAt ? parseInstant(input.handlingCompletedAt) : null;

  const explanations: Explanation[] = [
    explain(
      'incident.early_warning_due',
      { awareAt: formatBerlin(aware), due: formatBerlin(earlyWarning), hours: reportingHours.earlyWarning },
      `Frühe Erstmeldung an die Meldestelle von BSI und BBK unverzüglich, spätestens 24 Stunden nach Kenntnis: bis ${timeDe(earlyWarning)}.`,
      `Early warning to the BSI/BBK reporting office without undue delay, at the latest 24 hours after becoming aware: by ${timeEn(earlyWarning)}.`,
      incidentNorms.earlyWarning,
    ),
    explain(
      'incident.notification_due',
      { awareAt: formatBerlin(aware), due: formatBerlin(notification), hours: reportingHours.notification },
      `Meldung des Sicherheitsvorfalls mit einer ersten Bewertung unverzüglich, spätestens 72 Stunden nach Kenntnis: bis ${timeDe(notification)}. Die Stunden werden als verstrichene Zeit gezählt, auch über eine Zeitumstellung hinweg.`,
      `Incident notification with an initial assessment without undue delay, at the latest 72 hours after becoming aware: by ${timeEn(notification)}. Hours are counted as elapsed time, also across a clock change.`,
      incidentNorms.notification,
    ),
  ];
  if (submitted && submitted > notification) {
    explanations.push(
      explain(
        'incident.notification_late',
        { submittedAt: formatBerlin(submitted), due: formatBerlin(notification) },
        `Die Meldung wurde am ${timeDe(submitted)} übermittelt, nach Ablauf der 72-Stunden-Frist (${timeDe(notification)}). Die Abschlussmeldung richtet sich trotzdem nach dem tatsächlichen Übermittlungstag.`,
        `The notification was submitted on ${timeEn(submitted)}, after the 72-hour deadline (${timeEn(notification)}). The final report still counts from the actual day of submission.`,
        incidentNorms.notification,
        incidentNorms.finalReport,
      ),
    );
  }

  // The month runs from the actual submission; before it, from the latest lawful submission (the 72-hour deadline).
  const anchor = submitted ?? notification;
  const monthEnd = oneMonthAfter(anchor);
  const monthEndDate = berlinDate(monthEnd);
  // Unknown handling state: the statutory rule (final report one month after the notification) applies; the progress
  // report replaces it only when handling is known to go on past that date.
  const stillHandling = completed !== null ? completed > monthEnd : input.handlingOngoing === true;

  let progressReportDue: DateTime | null = null;
  let finalReportDue: DateTime | null;
  let finalReportAnchor: FinalReportAnchor;
  if (!stillHandling) {
    finalReportDue = monthEnd;
    finalReportAnchor = submitted ? 'notification_submitted' : 'notification_deadline';
    explanations.push(
      explain(
        'incident.final_report_due',
        { anchor: berlinDate(anchor), dueDate: monthEndDate, due: formatBerlin(monthEnd), submitted: submitted !== null },
        `Abschlussmeldung spätestens einen Monat nach Übermittlung der Meldung (${submitted ? dayDe(berlinDate(submitted)) : `noch nicht übermittelt, angenommen: ${dayDe(berlinDate(notification))}`}): bis zum Ablauf des ${dayDe(monthEndDate)}. Gibt es diesen Tag im Folgemonat nicht, endet die Frist am Monatsletzten.`,
        `Final report at the latest one month after the notification was submitted (${submitted ? berlinDate(submitted) : `not submitted yet, assumed: ${berlinDate(notification)}`}): by the end of ${monthEndDate}. Where the following month has no such day, the period ends on its last day.`,
        incidentNorms.finalReport,
        incidentNorms.periodStart,
        incidentNorms.periodEnd,
      ),
    );
  } else {
    progressReportDue = monthEnd;
    explanations.push(
      explain(
        'incident.progress_report_due',
        { dueDate: monthEndDate, due: formatBerlin(monthEnd), submitted: submitted !== null },
        `Die Bewältigung des Vorfalls ist einen Monat nach der Meldung nicht abgeschlossen. Statt der Abschlussmeldung ist bis zum Ablauf des ${dayDe(monthEndDate)} eine Fortschrittsmeldung fällig.`,
        `Handling of the incident is not completed one month after the notification. Instead of the final report, a progress report is due by the end of ${monthEndDate}.`,
        incidentNorms.progressReport,
        incidentNorms.periodEnd,
      ),
    );
    if (completed) {
      finalReportDue = oneMonthAfter(completed);
      finalReportAnchor = 'handling_completed';
      const finalDate = berlinDate(finalReportDue);
      explanations.push(
        explain(
          'incident.final_report_after_handling',
          { handlingCompletedAt: formatBerlin(completed), dueDate: finalDate, due: formatBerlin(finalReportDue) },
          `Die Abschlussmeldung ist einen Monat nach Abschluss der Bewältigung (${dayDe(berlinDate(completed))}) fällig: bis zum Ablauf des ${dayDe(finalDate)}.`,
          `The final report is due one month after handling was completed (${berlinDate(completed)}): by the end of ${finalDate}.`,
          incidentNorms.progressReport,
          incidentNorms.periodStart,
          incidentNorms.periodEnd,
        ),
      );
    } else {
      finalReportDue = null;
      finalReportAnchor = 'handling_ongoing';
      explanations.push(
        explain(
          'incident.final_report_awaits_handling',
          {},
          'Der Tag der Abschlussmeldung steht erst fest, wenn die Bewältigung abgeschlossen ist: einen Monat danach.',
          'The final report date is known only once handling is completed: one month after that.',
          incidentNorms.progressReport,
        ),
      );
    }
  }
  const finalReportProvisional = submitted === null || finalReportDue === null;
  if (submitted === null) {
    explanations.push(
      explain(
        'incident.final_report_provisional',
        { assumedSubmission: formatBerlin(notification) },
        'Die Meldung ist noch nicht übermittelt. Die Monatsfrist ist daher vorläufig ab dem Ende der 72-Stunden-Frist berechnet und verschiebt sich auf den tatsächlichen Übermittlungstag.',
        'The notification has not been submitted yet, so the one-month period is provisionally counted from the end of the 72-hour deadline; it moves to the actual day of submission.',
        incidentNorms.finalReport,
      ),
    );
  }
  explanations.push(
    explain(
      'incident.no_holiday_extension',
      {},
      'Fristen, die auf einen Samstag, Sonntag oder Feiertag fallen, werden hier nicht verlängert. Das ist die vorsichtige Lesart.',
      'Deadlines falling on a Saturday, Sunday or public holiday are not extended here; this is the cautious reading.',
      incidentNorms.periodEnd,
    ),
  );

  return {
    deadlines: {
      earlyWarningDue: formatBerlin(earlyWarning),
      notificationDue: formatBerlin(notification),
      progressReportDue: progressReportDue ? formatBerlin(progressReportDue) : null,
      progressReportDueDate: progressReportDue ? berlinDate(progressReportDue) : null,
      progressReportProvisional: progressReportDue !== null && submitted === null,
      finalReportDue: finalReportDue ? formatBerlin(finalReportDue) : null,
      finalReportDueDate: finalReportDue ? berlinDate(finalReportDue) : null,
      finalReportProvisional,
      finalReportAnchor,
    },
    explanations,
  };
}

interface GdprResult {
  duties: GdprDuties | null;
  explanations: Explanation[];
}

interface GdprInput {
  awareAt: string;
  personalDataBreach: boolean;
  gdprRisk?: GdprRisk | undefined;
  encryptedWithUncompromisedKeys?: boolean | undefined;
}

/** Art. 33 and 34 GDPR: notification to the supervisory authority, communication to the persons, documentation. */
export function gdprDuties(input: GdprInput): GdprResult {
  if (!input.personalDataBreach) return { duties: null, explanations: [] };
  // Without an assessment the breach is treated as a risk: the cautious default of Art. 33(1).
  const risk: GdprRisk = input.gdprRisk ?? 'risk';
  const aware = parseInstant(input.awareAt);
  const art33Required = risk === 'risk' || risk === 'high';
  const art33Due = art33Required ? addElapsedHours(aware, reportingHours.gdprArt33) : null;
  const encrypted = input.encryptedWithUncompromisedKeys ?? false;
  const art34Required = risk === 'high' && !encrypted;

  const explanations: Explanation[] = [];
  if (art33Due) {
    explanations.push(
      explain(
        'gdpr.art33_due',
        { awareAt: formatBerlin(aware), due: formatBerlin(art33Due), hours: reportingHours.gdprArt33 },
        `Meldung an die Datenschutzaufsichtsbehörde unverzüglich, möglichst binnen 72 Stunden nach Kenntnis: bis ${timeDe(art33Due)}. Eine spätere Meldung muss die Verzögerung begründen. Sie ersetzt keine Meldung an das BSI und umgekehrt.`,
        `Notify the data protection supervisory authority without undue delay and, where feasible, within 72 hours of becoming aware: by ${timeEn(art33Due)}. A later notification must give the reasons for the delay. It does not replace a report to the BSI, nor the other way round.`,
        incidentNorms.art33,
      ),
    );
  } else {
    explanations.push(
      explain(
        'gdpr.art33_not_required',
        { gdprRisk: risk },
        'Die Verletzung führt voraussichtlich nicht zu einem Risiko für die betroffenen Personen. Eine Meldung an die Aufsichtsbehörde ist nicht nötig; die Begründung dieser Einschätzung gehört in die Dokumentation.',
        'The breach is unlikely to result in a risk to the persons concerned. No notification to the supervisory authority is needed; the reasons for this assessment belong in the documentation.',
        incidentNorms.art33,
        incidentNorms.art33Documentation,
      ),
    );
  }
  if (art34Required) {
    explanations.push(
      explain(
        'gdpr.art34_required',
        {},
        'Das Risiko für die betroffenen Personen ist hoch. Sie sind unverzüglich in klarer und einfacher Sprache zu benachrichtigen.',
        'The risk to the persons concerned is high. They must be informed without undue delay in clear and plain language.',
        incidentNorms.art34,
      ),
    );
  } else if (risk === 'high') {
    explanations.push(
      explain(
        'gdpr.art34_encrypted',
        {},
        'Trotz hohen Risikos ist keine Benachrichtigung der Betroffenen nötig: Die Daten waren nach dem Stand der Technik verschlüsselt und die Schlüssel sind nicht kompromittiert. Die Aufsichtsbehörde kann die Benachrichtigung dennoch verlangen.',
        'Despite the high risk, the persons need not be informed: the data were encrypted to the state of the art and the keys were not compromised. The supervisory authority may still require it.',
        incidentNorms.art34Encrypted,
      ),
    );
  }
  explanations.push(
    explain(
      'gdpr.documentation_required',
      {},
      'Jede Verletzung des Schutzes personenbezogener Daten wird dokumentiert: Sachverhalt, Auswirkungen und ergriffene Abhilfemaßnahmen, auch wenn sie nicht gemeldet wird.',
      'Every personal-data breach is documented: the facts, its effects and the remedial action taken, also when it is not notified.',
      incidentNorms.art33Documentation,
    ),
  );
  return { duties: { art33Required, art33Due: art33Due ? formatBerlin(art33Due) : null, art34Required, documentationRequired: true }, explanations };
}

/** All reporting deadlines of one incident under § 32 BSIG and Art. 33, 34 GDPR, computed from the instants given. */
export function computeReportingDeadlines(input: ReportingDeadlinesCheckInput): ReportingDeadlines {
  const bsig = bsigDeadlines(input);
  const gdpr = gdprDuties(input);
  const explanations = [...bsig.explanations, ...gdpr.explanations];
  return { bsig: bsig.deadlines, gdpr: gdpr.duties, explanations, legalBasis: collectLegalSources(explanations, incidentLegalSources) };
}

/**
 * § 33(1) BSIG: register at the latest three months after first qualifying as an entity, counted per §§ 187(1), 188(2)
 * and (3) BGB (2025-12-06 → 2026-03-06; 2025-11-30 → 2026-02-28).
 */
export function registrationDueDate(qualifiesSince: string): string {
  return addCalendarMonths(qualifiesSince, 3);
}

/** The registration deadline with its explanation. */
export function computeRegistrationDeadline(qualifiesSince: string): RegistrationDeadline {
  const due = registrationDueDate(qualifiesSince);
  const explanations = [
    explain(
      'incident.registration_due',
      { qualifiesSince, dueDate: due },
      `Registrierung beim BSI spätestens drei Monate, nachdem die Einrichtung erstmals als wichtige oder besonders wichtige Einrichtung gilt (${dayDe(qualifiesSince)}): bis zum Ablauf des ${dayDe(due)}. Gibt es diesen Tag im Zielmonat nicht, endet die Frist am Monatsletzten. Wer einen Tag Puffer lässt, ist auch bei strengerer Zählung auf der sicheren Seite.`,
      `Register with the BSI at the latest three months after the entity first qualifies as important or particularly important (${qualifiesSince}): by the end of ${due}. Where the target month has no such day, the period ends on its last day. Leaving a day's margin is safe under a stricter count as well.`,
      incidentNorms.registration,
      incidentNorms.periodStart,
      incidentNorms.periodEnd,
    ),
  ];
  return { registrationDueDate: due, explanations, legalBasis: collectLegalSources(explanations, incidentLegalSources) };
}

export type ReportKind = 'early_warning' | 'notification' | 'gdpr_art33' | 'progress_report' | 'final_report' | 'intermediate_report';

/** What has already gone out; a later report covers the earlier stage it replaces. */
export interface SubmittedReports {
  earlyWarningAt?: string | null;
  notificationAt?: string | null;
  progressReportAt?: string | null;
  finalReportAt?: string | null;
  gdprArt33At?: string | null;
}

export interface NextDeadline {
  kind: ReportKind;
  due: string;
  isOverdue: boolean;
  /** Milliseconds from `now` to the deadline; negative once it has passed. */
  remainingMs: number;
  isProvisional: boolean;
}

/**
 * The report that is due next at `now`: the earliest deadline not yet met, overdue ones included (they come first).
 * A submitted notification also covers the early warning (its information is confirmed or updated there), and a
 * submitted final report covers the progress report. An intermediate report (§ 32 Abs. 1 Nr. 3 BSIG) counts only when the
 * BSI has asked for one by a date (`intermediateDue`: the dates of the open requests). Null when nothing is pending or
 * the next date is still unknown.
 */
export function nextDeadline(
  deadlines: Pick<ReportingDeadlines, 'bsig' | 'gdpr'>,
  submitted: SubmittedReports,
  now: string | Date,
  intermediateDue: readonly string[] = [],
): NextDeadline | null {
  const at = typeof now === 'string' ? parseInstant(now) : DateTime.fromJSDate(now);
  const candidates: { kind: ReportKind; due: string | null; done: boolean; isProvisional: boolean }[] = [];
  const { bsig, gdpr } = deadlines;
  if (bsig) {
    const finalDone = Boolean(submitted.finalReportAt);
    const notificationDone = Boolean(submitted.notificationAt);
    candidates.push(
      { kind: 'early_warning', due: bsig.earlyWarningDue, done: Boolean(submitted.earlyWarningAt) || notificationDone || finalDone, isProvisional: false },
      { kind: 'notification', due: bsig.notificationDue, done: notificationDone || finalDone, isProvisional: false },
      {
        kind: 'progress_report',
        due: bsig.progressReportDue,
        done: Boolean(submitted.progressReportAt) || finalDone,
        isProvisional: bsig.progressReportProvisional,
      },
      { kind: 'final_report', due: bsig.finalReportDue, done: finalDone, isProvisional: bsig.finalReportProvisional },
    );
  }
  if (gdpr?.art33Required) candidates.push({ kind: 'gdpr_art33', due: gdpr.art33Due, done: Boolean(submitted.gdprArt33At), isProvisional: false });
  for (const due of intermediateDue) candidates.push({ kind: 'intermediate_report', due, done: false, isProvisional: false });

  const pending = candidates
    .filter((c): c is typeof c & { due: string } => !c.done && c.due !== null)
    .map((c) => ({ ...c, instant: parseInstant(c.due) }))
    .sort((a, b) => a.instant.toMillis() - b.instant.toMillis());
  const next = pending[0];
  if (!next) return null;
  const remainingMs = next.instant.toMillis() - at.toMillis();
  return { kind: next.kind, due: next.due, isOverdue: remainingMs < 0, remainingMs, isProvisional: next.isProvisional };
}
