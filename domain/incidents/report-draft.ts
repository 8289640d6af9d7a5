import { DateTime } from 'luxon';
import { LEGAL_ZONE } from './deadlines.ts';
import type { SignificanceAnswers } from './incident.schema.ts';

/** The reports to an authority: the § 32 BSIG stages and the notification to the data protection authority. */
export const authorityDraftKinds = ['early_warning', 'notification', 'intermediate_report', 'progress_report', 'final_report', 'gdpr_art33'] as const;
export type AuthorityDraftKind = (typeof authorityDraftKinds)[number];
/** Every draft: the reports to an authority and the letter to the persons concerned (Art. 34 DSGVO, persons-notice.ts). */
export const draftKinds = [...authorityDraftKinds, 'gdpr_art34'] as const;
export type DraftKind = (typeof draftKinds)[number];
export type Locale = 'de' | 'en';

export interface DraftInput {
  organisation: { name: string; legalForm: string; category: string | null };
  reporter: { name: string; email: string } | null;
  dataProtectionOfficer: { name: string; email: string } | null;
  incident: {
    number: number;
    title: string;
    description: string;
    noticedAt: Date;
    systems: string;
    suspectedOrigin: string;
    patientDataInvolved: boolean;
    locations: string[];
    significance: SignificanceAnswers | null;
    handlingCompletedAt: Date | null;
  };
  measures: { at: Date; text: string }[];
  /** When the Art. 33 notification to the data protection authority was recorded as sent, if it was. */
  authorityInformedAt?: Date | null;
  /** The practice's own address and phone (registration data), the contact of a letter when there is no DPO. */
  practiceContact?: { email: string; phone: string } | null;
  /** The BSI's open request for an intermediate report (§ 32 Abs. 1 Nr. 3 BSIG), when there is one. */
  intermediateRequest?: { requestedAt: Date; reference: string | null } | null;
  due: string | null;
  now: Date;
}

/**
 * One part of a draft: a heading (empty for the opening and closing of a letter) and label–value fields (reports),
 * or running text and a bulleted list (letters).
 */
export interface DraftSection {
  heading: string;
  fields: { label: string; value: string }[];
  paragraphs?: string[];
  items?: string[];
}

export interface Draft {
  kind: DraftKind;
  /** A report fills an authority's form field by field; a letter is read by the persons concerned. */
  form: 'report' | 'letter';
  title: string;
  recipient: string;
  due: string | null;
  /** Hints for the practice, not for the recipient (e.g. when Art. 34(3) DSGVO may spare the letter). */
  notes: string[];
  sections: DraftSection[];
  /** Who signs a letter. */
  signature?: { role: string; name: string };
  text: string;
}

const t = (locale: Locale, de: string, en: string) => (locale === 'de' ? de : en);

const origins: Record<string, [string, string]> = {
  unknown: ['noch unbekannt', 'not yet known'],
  phishing: ['Phishing-E-Mail', 'phishing e-mail'],
  malware: ['Schadsoftware', 'malware'],
  ransomware: ['Erpressungstrojaner (Ransomware)', 'ransomware'],
  attack: ['Angriff von außen', 'external attack'],
  lost_device: ['verlorenes oder gestohlenes Gerät', 'lost or stolen device'],
  human_error: ['Bedienfehler', 'human error'],
  outage: ['technischer Ausfall', 'technical outage'],
  supplier: ['über einen Dienstleister', 'via a supplier'],
  other: ['sonstige', 'other'],
};

const levels: Record<string, [string, string]> = { no: ['nein', 'no'], unsure: ['unklar, möglich', 'unclear, possible'], yes: ['ja', 'yes'] };
const risks: Record<string, [string, string]> = {
  none: ['kein Risiko', 'no risk'],
  unlikely: ['Risiko unwahrscheinlich', 'risk unlikely'],
  risk: ['Risiko', 'risk'],
  high: ['hohes Risiko', 'high risk'],
};

function when(date: Date, locale: Locale): string {
  const at = DateTime.fromJSDate(date).setZone(LEGAL_ZONE);
  return locale === 'de' ? `${at.toFormat('dd.MM.yyyy, HH:mm')} Uhr` : at.toFormat('yyyy-MM-dd HH:mm');
}

function dueText(due: string | null, locale: Locale): string {
  if (!due) return t(locale, 'noch offen', 'not yet known');
  return when(new Date(DateTime.fromISO(due, { setZone: true }).toMillis()), locale);
}

/** The two lines under a report's title: to whom, and by when. */
export function reportHeader(draft: Pick<Draft, 'recipient' | 'due'>, locale: Locale): { to: string; due: string } {
  return { to: `${t(locale, 'An', 'To')}: ${draft.recipient}`, due: `${t(locale, 'Fällig bis', 'Due by')}: ${dueText(draft.due, locale)}` };
}

const pick = (pair: [string, string] | undefined, locale: Locale, fallback: string) => (pair ? pair[locale === 'de' ? 0 : 1] : fallback);

/**
 * A draft of the report due for an incident, in German or English, with the contents § 32 BSIG asks for at each
 * stage (early warning: suspected malicious act, cross-border impact; notification: first assessment of severity and
 * impact, indicators of compromise; intermediate report on the BSI's request: relevant status updates; final report:
 * description, root cause, measures, cross-border impact) or that Art. 33(3) GDPR asks for. Gaps are marked
 * "[ergänzen]" so nobody sends an empty field by accident.
 */
export function buildReportDraft(kind: AuthorityDraftKind, input: DraftInput, locale: Locale): Draft {
  const fill = t(locale, '[ergänzen]', '[to be completed]');
  const s = input.incident.significance;
  const yesNo = (value: boolean | undefined) => (value === undefined ? fill : value ? t(locale, 'ja', 'yes') : t(locale, 'nein', 'no'));
  const entity = {
    heading: t(locale, 'Meldende Einrichtung', 'Reporting entity'),
    fields: [
      { label: t(locale, 'Name', 'Name'), value: input.organisation.name },
      {
        label: t(locale, 'Sektor / Art der Einrichtung', 'Sector / type of entity'),
        value: t(locale, 'Gesundheitswesen – Erbringer von Gesundheitsdienstleistungen', 'Health – healthcare provider'),
      },
      {
        label: t(locale, 'Einstufung nach § 28 BSIG', 'Classification under § 28 BSIG'),
        value:
          input.organisation.category === 'particularly_important'
            ? t(locale, 'besonders wichtige Einrichtung', 'particularly important entity')
            : input.organisation.category === 'important'
              ? t(locale, 'wichtige Einrichtung', 'important entity')
              : fill,
      },
      { label: t(locale, 'Ansprechperson', 'Contact person'), value: input.reporter ? `${input.reporter.name}, ${input.reporter.email}` : fill },
    ],
  };
  const incident = {
    heading: t(locale, 'Vorfall', 'Incident'),
    fields: [
      { label: t(locale, 'Interne Nummer', 'Internal number'), value: `#${input.incident.number}` },
      { label: t(locale, 'Kurzbeschreibung', 'Short description'), value: input.incident.title },
      { label: t(locale, 'Zeitpunkt der Kenntnisnahme', 'Time of becoming aware'), value: when(input.incident.noticedAt, locale) },
      { label: t(locale, 'Betroffene Standorte', 'Affected locations'), value: input.incident.locations.join(', ') || fill },
      { label: t(locale, 'Betroffene Systeme', 'Affected systems'), value: input.incident.systems || fill },
    ],
  };
  const measures = {
    heading: t(locale, 'Ergriffene Maßnahmen', 'Measures taken'),
    fields: input.measures.length
      ? input.measures.map((m) => ({ label: when(m.at, locale), value: m.text }))
      : [{ label: t(locale, 'Maßnahmen', 'Measures'), value: fill }],
  };
  // § 38 Abs. 1 BSIG: management approves ("billigt") the risk-management measures and oversees their implementation;
  // implementing and overseeing alone is not enough. The draft asks who approved them and when.
  const approval = {
    label: t(
      locale,
      'Von der Geschäftsleitung gebilligt (§ 38 Abs. 1 BSIG: Maßnahmen billigen und ihre Umsetzung überwachen)',
      'Approved by management (§ 38(1) BSIG: approve the measures and oversee their implementation)',
    ),
    value: t(locale, '[ergänzen: Name, Datum]', '[to be completed: name, date]'),
  };
  const measuresForBsi = { ...measures, fields: [...measures.fields, approval] };
  const impact = {
    heading: t(locale, 'Erste Bewertung: Schwere und Auswirkungen', 'Initial assessment: severity and impact'),
    fields: [
      { label: t(locale, 'Schwerwiegende Betriebsstörung', 'Severe operational disruption'), value: pick(levels[s?.severeDisruption ?? ''], locale, fill) },
      { label: t(locale, 'Finanzielle Verluste', 'Financial loss'), value: pick(levels[s?.financialLoss ?? ''], locale, fill) },
      {
        label: t(locale, 'Erheblicher Schaden für Dritte', 'Considerable damage to others'),
        value: pick(levels[s?.considerableHarmToOthers ?? ''], locale, fill),
      },
      { label: t(locale, 'Beschreibung', 'Description'), value: input.incident.description || fill },
      { label: t(locale, 'Kompromittierungsindikatoren (IoC)', 'Indicators of compromise (IoC)'), value: fill },
    ],
  };
  const malicious = {
    label: t(locale, 'Verdacht auf rechtswidrige oder böswillige Handlung', 'Suspected unlawful or malicious act'),
    value: yesNo(s?.maliciousSuspected),
  };
  const crossBorder = { label: t(locale, 'Grenzüberschreitende Auswirkungen möglich', 'Possible cross-border impact'), value: yesNo(s?.crossBorderImpact) };
  const bsi = t(locale, 'Gemeinsame Meldestelle von BSI und BBK über das BSI-Portal', 'Joint reporting office of BSI and BBK via the BSI portal');

  let draft: Pick<Draft, 'kind' | 'title' | 'recipient' | 'due' | 'sections'>;
  switch (kind) {
    case 'early_warning':
      draft = {
        kind,
        title: t(locale, 'Frühe Erstmeldung nach § 32 Abs. 1 Nr. 1 BSIG', 'Early warning under § 32(1) no. 1 BSIG'),
        recipient: bsi,
        due: input.due,
        sections: [entity, { ...incident, fields: [...incident.fields, malicious, crossBorder] }],
      };
      break;
    case 'notification':
      draft = {
        kind,
        title: t(locale, 'Meldung nach § 32 Abs. 1 Nr. 2 BSIG', 'Incident notification under § 32(1) no. 2 BSIG'),
        recipient: bsi,
        due: input.due,
        sections: [entity, { ...incident, fields: [...incident.fields, malicious, crossBorder] }, impact, measuresForBsi],
      };
      break;
    case 'intermediate_report':
      draft = {
        kind,
        title: t(locale, 'Zwischenmeldung nach § 32 Abs. 1 Nr. 3 BSIG', 'Intermediate report under § 32(1) no. 3 BSIG'),
        recipient: bsi,
        due: input.due,
        sections: [
          entity,
          {
            heading: t(locale, 'Ersuchen des BSI', 'Request of the BSI'),
            fields: [
              {
                label: t(locale, 'Ersuchen eingegangen am', 'Request received on'),
                value: input.intermediateRequest ? when(input.intermediateRequest.requestedAt, locale) : fill,
              },
              { label: t(locale, 'Aktenzeichen des BSI', 'BSI reference'), value: input.intermediateRequest?.reference || fill },
            ],
          },
          incident,
          {
            heading: t(locale, 'Relevante Statusaktualisierungen', 'Relevant status updates'),
            fields: [
              {
                label: t(locale, 'Stand der Bewältigung', 'State of handling'),
                value: input.incident.handlingCompletedAt
                  ? t(
                      locale,
                      `abgeschlossen am ${when(input.incident.handlingCompletedAt, locale)}`,
                      `completed on ${when(input.incident.handlingCompletedAt, locale)}`,
                    )
                  : t(locale, 'dauert an', 'ongoing'),
              },
              { label: t(locale, 'Neue Erkenntnisse seit der letzten Meldung', 'New findings since the last report'), value: fill },
            ],
          },
          impact,
          measuresForBsi,
        ],
      };
      break;
    case 'progress_report':
      draft = {
        kind,
        title: t(locale, 'Fortschrittsmeldung nach § 32 Abs. 2 BSIG', 'Progress report under § 32(2) BSIG'),
        recipient: bsi,
        due: input.due,
        sections: [
          entity,
          incident,
          {
            heading: t(locale, 'Stand der Bewältigung', 'State of handling'),
            fields: [{ label: t(locale, 'Bearbeitung', 'Handling'), value: t(locale, 'dauert an', 'ongoing') }],
          },
          measuresForBsi,
        ],
      };
      break;
    case 'final_report':
      draft = {
        kind,
        title: t(locale, 'Abschlussmeldung nach § 32 Abs. 1 Nr. 4 BSIG', 'Final report under § 32(1) no. 4 BSIG'),
        recipient: bsi,
        due: input.due,
        sections: [
          entity,
          incident,
          impact,
          {
            heading: t(locale, 'Ursache', 'Root cause'),
            fields: [
              {
                label: t(locale, 'Art der Bedrohung / wahrscheinliche Ursache', 'Type of threat / likely root cause'),
                value: pick(origins[input.incident.suspectedOrigin], locale, fill),
              },
              crossBorder,
              {
                label: t(locale, 'Bearbeitung abgeschlossen am', 'Handling completed on'),
                value: input.incident.handlingCompletedAt ? when(input.incident.handlingCompletedAt, locale) : fill,
              },
            ],
          },
          measuresForBsi,
        ],
      };
      break;
    case 'gdpr_art33':
      draft = {
        kind,
        title: t(locale, 'Meldung einer Datenschutzverletzung nach Art. 33 DSGVO', 'Notification of a personal data breach under Art. 33 GDPR'),
        recipient: t(locale, 'Zuständige Datenschutzaufsichtsbehörde des Landes', 'Competent data protection supervisory authority of the federal state'),
        due: input.due,
        sections: [
          {
            heading: t(locale, 'Verantwortlicher', 'Controller'),
            fields: [
              { label: t(locale, 'Name', 'Name'), value: input.organisation.name },
              {
                label: t(locale, 'Datenschutzbeauftragte/r', 'Data protection officer'),
                value: input.dataProtectionOfficer ? `${input.dataProtectionOfficer.name}, ${input.dataProtectionOfficer.email}` : fill,
              },
            ],
          },
          {
            heading: t(locale, 'Art der Verletzung (Art. 33 Abs. 3 lit. a)', 'Nature of the breach (Art. 33(3)(a))'),
            fields: [
              {
                label: t(locale, 'Beschreibung', 'Description'),
                value: input.incident.title + (input.incident.description ? ` – ${input.incident.description}` : ''),
              },
              { label: t(locale, 'Bekannt seit', 'Known since'), value: when(input.incident.noticedAt, locale) },
              { label: t(locale, 'Gesundheitsdaten betroffen', 'Health data affected'), value: yesNo(input.incident.patientDataInvolved) },
              { label: t(locale, 'Kategorien und ungefähre Zahl der betroffenen Personen', 'Categories and approximate number of data subjects'), value: fill },
              { label: t(locale, 'Kategorien und ungefähre Zahl der Datensätze', 'Categories and approximate number of records'), value: fill },
            ],
          },
          {
            heading: t(locale, 'Folgen und Maßnahmen (lit. c, d)', 'Consequences and measures (points c, d)'),
            fields: [
              { label: t(locale, 'Risiko für die Betroffenen', 'Risk to the persons concerned'), value: pick(risks[s?.gdprRisk ?? ''], locale, fill) },
              { label: t(locale, 'Wahrscheinliche Folgen', 'Likely consequences'), value: fill },
              ...measures.fields,
            ],
          },
        ],
      };
      break;
  }
  const header = reportHeader(draft, locale);
  const text = [
    draft.title,
    header.to,
    header.due,
    ...draft.sections.flatMap((section) => ['', section.heading, ...section.fields.map((f) => `${f.label}: ${f.value}`)]),
  ].join('\n');
  return { ...draft, form: 'report', notes: [], text };
}
