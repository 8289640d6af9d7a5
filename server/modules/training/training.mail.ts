import { formatDate, type Locale, translator } from '../../i18n/texts.ts';
import { layoutMail, type RenderedMail } from '../mail/mail.ts';

export interface TrainingConfirmationMailInput {
  organisation: string;
  firstName: string;
  courseTitle: string;
  /** The session's day, YYYY-MM-DD. */
  heldOn: string;
  link: string;
  expiresAt: Date;
}

/** The mail with the one-time link a person uses to confirm having attended a training session. */
export function trainingConfirmationMail(locale: Locale, input: TrainingConfirmationMailInput): RenderedMail {
  const t = translator(locale);
  return layoutMail(locale, {
    organisation: input.organisation,
    subject: t('training.mail.subject', { course: input.courseTitle }),
    greeting: t('training.mail.greeting', { name: input.firstName }),
    paragraphs: [
      t('training.mail.intro', { organisation: input.organisation, course: input.courseTitle, date: formatDate(locale, `${input.heldOn}T12:00:00Z`) }),
      t('training.mail.valid', { date: formatDate(locale, input.expiresAt) }),
    ],
    action: { label: t('training.mail.button'), url: input.link },
    after: [t('training.mail.notYou')],
  });
}
