import type { DocumentBlock, DocumentModel } from '../../../domain/documents/document-model.ts';
import { formatDate, type Locale, type TextValues, t } from '../../i18n/texts.ts';
import type { getRegistration } from './registration.service.ts';

type Registration = Awaited<ReturnType<typeof getRegistration>>;
type Person = { name: string; email: string; phone: string };

/** A calendar day (YYYY-MM-DD) written the reader's way; noon keeps it the same day in Berlin. */
const calendarDay = (locale: Locale, date: string) => formatDate(locale, `${date}T12:00:00Z`);

/** The file name of the data sheet, without extension: praxisschild-registrierung-33-bsig / praxisschild-registration-33-bsig. */
export function registrationSheetFileStem(locale: Locale): string {
  return t(locale, 'registration.sheet.fileName');
}

/**
 * The registration data sheet (§ 33 Abs. 1 BSIG): every field the BSI portal asks for, the contacts the practice
 * needs to be reachable, and where the registration stands, in the reader's language; gaps are marked so that
 * nobody types an empty field into the portal.
 */
export function registrationSheet(registration: Registration, locale: Locale, now: Date): DocumentModel {
  const say = (key: string, values?: TextValues) => t(locale, `registration.sheet.${key}`, values);
  const fill = say('fill');
  const s = registration.setup;
  const or = (value: string) => value.trim() || fill;
  const person = (p: Person) => [p.name, p.phone, p.email].filter((v) => v.trim()).join(', ') || fill;
  const category =
    registration.category === 'important' || registration.category === 'particularly_important'
      ? t(locale, `registration.category.${registration.category}`)
      : fill;
  const due = calendarDay(locale, registration.readiness.dueDate);
  const sections: [string, { label: string; value: string }[]][] = [
    [
      say('entity.heading'),
      [
        { label: say('entity.nameLegalForm'), value: registration.organisation.nameWithLegalForm },
        { label: say('entity.register'), value: s.commercialRegister || say('none') },
        { label: say('entity.category'), value: category },
      ],
    ],
    [
      say('address.heading'),
      [
        { label: say('address.address'), value: s.street && s.city ? `${s.street}, ${s.postalCode} ${s.city}` : fill },
        { label: say('address.email'), value: or(s.email) },
        { label: say('address.phone'), value: or(s.phone) },
        { label: say('address.ipRanges'), value: or(s.publicIpRanges) },
      ],
    ],
    [
      say('sector.heading'),
      [
        { label: say('sector.sector'), value: say('sector.healthcare') },
        { label: say('sector.memberStates'), value: s.memberStates.join(', ') || fill },
        { label: say('sector.authorities'), value: or(s.supervisoryAuthorities) },
      ],
    ],
    [
      say('reach.heading'),
      [
        { label: say('reach.contactPoint'), value: person(s.contactPoint) },
        { label: say('reach.mukHolder'), value: person(s.mukHolder) },
        { label: say('reach.mukBackup'), value: person(s.mukBackup) },
        ...s.escalation.map((step, index) => ({ label: say('reach.escalation', { number: index + 1, role: step.role || fill }), value: person(step) })),
      ],
    ],
    [
      say('state.heading'),
      [
        { label: say('state.due'), value: due },
        {
          label: say('state.checklist'),
          value: t(locale, 'registration.status.done', { done: registration.readiness.checklistDone, total: registration.readiness.checklistTotal }),
        },
        { label: say('state.reference'), value: or(s.registrationReference) },
      ],
    ],
  ];
  const blocks: DocumentBlock[] = sections.flatMap(([text, rows]): DocumentBlock[] => [
    { kind: 'heading', level: 2, text },
    { kind: 'fields', rows },
  ]);
  return {
    locale,
    title: say('title'),
    subtitle: say('recipient'),
    organisation: registration.organisation.nameWithLegalForm,
    versionLabel: say('versionLabel'),
    dateLabel: formatDate(locale, now),
    statusLine: say('dueLine', { date: due }),
    blocks,
    footnote: say('footer'),
  };
}
