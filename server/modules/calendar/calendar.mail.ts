import type { TaskReminderKind } from '../../../domain/calendar/reminders.ts';
import { formatDate, type Locale, translator } from '../../i18n/texts.ts';
import { layoutMail, type RenderedMail } from '../mail/mail.ts';

/** A calendar day written the reader's way; noon keeps it the same day in every zone. */
const day = (locale: Locale, date: string) => formatDate(locale, `${date}T12:00:00Z`);

export interface TaskReminderMailInput {
  organisation: string;
  name: string;
  kind: TaskReminderKind;
  title: string;
  /** YYYY-MM-DD */
  dueOn: string;
  /** The practice's day the mail goes out. */
  today: string;
  link: string;
  settingsLink: string;
}

/** The mail to a task's owner a week before the due date, and on the day (or, after a missed morning, just after it). */
export function taskReminderMail(locale: Locale, input: TaskReminderMailInput): RenderedMail {
  const t = translator(locale);
  const date = day(locale, input.dueOn);
  const late = input.kind === 'task_due' && input.dueOn < input.today;
  const variant = input.kind === 'task_week_before' ? 'weekBefore' : late ? 'late' : 'today';
  return layoutMail(locale, {
    organisation: input.organisation,
    subject: t(`calendar.mail.task.${variant}.subject`, { title: input.title, date }),
    greeting: t('calendar.mail.greeting', { name: input.name }),
    paragraphs: [t(`calendar.mail.task.${variant}.text`, { title: input.title, date, organisation: input.organisation })],
    action: { label: t('calendar.mail.task.button'), url: input.link },
    after: [t('calendar.mail.why', { link: input.settingsLink })],
  });
}

export interface DigestMailInput {
  organisation: string;
  name: string;
  today: string;
  tasks: readonly { title: string; dueOn: string }[];
  overdue: number;
  upcoming: number;
  /** Tasks not listed (beyond DIGEST_LIMIT). */
  more: number;
  link: string;
  settingsLink: string;
}

/** The daily digest: the member's overdue tasks and those due within a week, oldest first. */
export function digestMail(locale: Locale, input: DigestMailInput): RenderedMail {
  const t = translator(locale);
  const lines = input.tasks.map((task) =>
    t(task.dueOn < input.today ? 'calendar.mail.digest.lineOverdue' : 'calendar.mail.digest.line', { date: day(locale, task.dueOn), title: task.title }),
  );
  return layoutMail(locale, {
    organisation: input.organisation,
    subject: t('calendar.mail.digest.subject', { date: day(locale, input.today), overdue: input.overdue, upcoming: input.upcoming }),
    greeting: t('calendar.mail.greeting', { name: input.name }),
    paragraphs: [
      t('calendar.mail.digest.intro', { organisation: input.organisation, overdue: input.overdue, upcoming: input.upcoming }),
      ...lines,
      ...(input.more > 0 ? [t('calendar.mail.digest.more', { count: input.more })] : []),
    ],
    action: { label: t('calendar.mail.digest.button'), url: input.link },
    after: [t('calendar.mail.digestWhy', { link: input.settingsLink })],
  });
}
