/**
 * Every mail praxisschild sends, in the recipient's language: texts from the locale files (section "mail"), one
 * layout, a plain-text part and an HTML part with the same content.
 */
import { formatDate, formatDateTime, formatTime, type Locale, translator } from '../../i18n/texts.ts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  after?: string[];
  /** The organisation the mail is sent for, named in the footer. */
  organisation: string;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The shared layout: greeting, paragraphs, one button with the link also written out, closing lines, footer. */
export function layoutMail(locale: Locale, content: MailContent): RenderedMail {
  const t = translator(locale);
  const footer = t('mail.layout.footer', { organisation: content.organisation });
  const after = content.after ?? [];
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.action ? [`${content.action.label}:`, content.action.url, ''] : []),
    ...after.flatMap((p) => [p, '']),
    '-- ',
    footer,
  ].join('\n');
  const p = (value: string, style = '') => `<p style="margin:0 0 16px;${style}">${escapeHtml(value)}</p>`;
  const button = content.action
    ? [
        `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 18px;background:#1c7ed6;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(content.action.label)}</a></p>`,
        p(t('mail.layout.linkHint'), 'font-size:13px;color:#555'),
        `<p style="margin:0 0 16px;font-size:13px;word-break:break-all"><a href="${escapeHtml(content.action.url)}" style="color:#1c7ed6">${escapeHtml(content.action.url)}</a></p>`,
      ]
    : [];
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="margin:0;padding:24px 12px;background:#f1f3f5;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#212529">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">',
    '<p style="margin:0 0 20px;font-size:18px;font-weight:bold;color:#1c7ed6">praxisschild</p>',
    p(content.greeting),
    ...content.paragraphs.map((x) => p(x)),
    ...button,
    ...after.map((x) => p(x)),
    `<p style="margin:24px 0 0;padding-top:12px;border-top:1px solid #dee2e6;font-size:12px;color:#868e96">${escapeHtml(footer)}</p>`,
    '</div></body></html>',
  ].join('\n');
  return { subject: content.subject, text, html };
}

export interface InvitationMailInput {
  organisation: string;
  inviter: string | null;
  role: string;
  isAdmin: boolean;
  link: string;
  expiresAt: Date;
}

export function invitationMail(locale: Locale, input: InvitationMailInput): RenderedMail {
  const t = translator(locale);
  const role = t(`role.${input.role}`);
  return layoutMail(locale, {
    organisation: input.organisation,
    subject: t('mail.invitation.subject', { organisation: input.organisation }),
    greeting: t('mail.invitation.greeting'),
    paragraphs: [
      t('mail.invitation.intro', { inviter: input.inviter ?? t('mail.invitation.someone'), organisation: input.organisation }),
      t(input.isAdmin ? 'mail.invitation.roleAdmin' : 'mail.invitation.role', { role }),
      t('mail.invitation.valid', { date: formatDate(locale, input.expiresAt) }),
    ],
    action: { label: t('mail.invitation.button'), url: input.link },
    after: [t('mail.invitation.authenticator')],
  });
}

export interface PasswordResetMailInput {
  organisation: string;
  name: string;
  link: string;
  expiresAt: Date;
}

export function passwordResetMail(locale: Locale, input: PasswordResetMailInput): RenderedMail {
  const t = translator(locale);
  return layoutMail(locale, {
    organisation: input.organisation,
    subject: t('mail.passwordReset.subject'),
    greeting: t('mail.passwordReset.greeting', { name: input.name }),
    paragraphs: [t('mail.passwordReset.intro')],
    action: { label: t('mail.passwordReset.button'), url: input.link },
    after: [t('mail.passwordReset.valid', { until: formatDateTime(locale, input.expiresAt) }), t('mail.passwordReset.ignore')],
  });
}

export const reminderReports = ['early_warning', 'notification', 'intermediate_report', 'progress_report', 'final_report', 'gdpr_art33'] as const;
export type ReminderReport = (typeof reminderReports)[number];

export interface IncidentReminderMailInput {
  organisation: string;
  name: string;
  report: ReminderReport;
  number: number;
  title: string;
  /** The deadline (an instant; shown in Berlin time). */
  due: string | Date;
  hoursLeft: number;
  link: string;
}

export function incidentReminderMail(locale: Locale, input: IncidentReminderMailInput): RenderedMail {
  const t = translator(locale);
  const report = t(`mail.incidentReminder.report.${input.report}`);
  const expired = input.hoursLeft === 0;
  return layoutMail(locale, {
    organisation: input.organisation,
    subject: expired
      ? t('mail.incidentReminder.subjectExpired', { report, number: input.number })
      : t('mail.incidentReminder.subjectDue', { report, number: input.number, hours: input.hoursLeft }),
    greeting: t('mail.incidentReminder.greeting', { name: input.name }),
    paragraphs: [
      t('mail.incidentReminder.due', { number: input.number, title: input.title, report, date: formatDate(locale, input.due), time: formatTime(input.due) }),
      t(expired ? 'mail.incidentReminder.expired' : 'mail.incidentReminder.ready'),
    ],
    action: { label: t('mail.incidentReminder.button'), url: input.link },
  });
}

export const alertSeverities = ['low', 'medium', 'high', 'critical'] as const;

export interface IncidentAlertMailInput {
  organisation: string;
  name: string;
  source: string;
  title: string;
  host: string | null;
  severity: (typeof alertSeverities)[number];
  number: number;
  appended: boolean;
  link: string;
}

export function incidentAlertMail(locale: Locale, input: IncidentAlertMailInput): RenderedMail {
  const t = translator(locale);
  const what = { source: input.source, title: input.title };
  return layoutMail(locale, {
    organisation: input.organisation,
    subject: t('mail.incidentAlert.subject', { severity: t(`mail.incidentAlert.severity.${input.severity}`), title: input.title }),
    greeting: t('mail.incidentAlert.greeting', { name: input.name }),
    paragraphs: [
      input.host ? t('mail.incidentAlert.reportedOnHost', { ...what, host: input.host }) : t('mail.incidentAlert.reported', what),
      t(input.appended ? 'mail.incidentAlert.appended' : 'mail.incidentAlert.created', { number: input.number }),
      t('mail.incidentAlert.check'),
    ],
    action: { label: t('mail.incidentAlert.button'), url: input.link },
  });
}

/**
 * One example of each mail, so that a test renders every template in every language (a missing text throws).
 * The kind is what the outbox shows ("outbox.kind.<kind>").
 */
export const mailExamples = {
  invitation: (locale: Locale) =>
    invitationMail(locale, {
      organisation: 'Praxis Dr. Muster',
      inviter: 'Anna Admin',
      role: 'it_lead',
      isAdmin: true,
      link: 'https://praxis.example/invite/abc',
      expiresAt: new Date('2026-03-29T10:00:00Z'),
    }),
  password_reset: (locale: Locale) =>
    passwordResetMail(locale, {
      organisation: 'Praxis Dr. Muster',
      name: 'Anna Admin',
      link: 'https://praxis.example/password-reset/abc',
      expiresAt: new Date('2026-03-29T10:00:00Z'),
    }),
  incident_reminder: (locale: Locale) =>
    incidentReminderMail(locale, {
      organisation: 'Praxis Dr. Muster',
      name: 'Anna Admin',
      report: 'early_warning',
      number: 3,
      title: 'Praxissoftware verschlüsselt',
      due: '2026-03-29T10:00:00Z',
      hoursLeft: 2,
      link: 'https://praxis.example/o/x/incidents/y',
    }),
  incident_alert: (locale: Locale) =>
    incidentAlertMail(locale, {
      organisation: 'Praxis Dr. Muster',
      name: 'Anna Admin',
      source: 'Wazuh',
      title: 'Ransomware',
      host: 'PC-Empfang',
      severity: 'critical',
      number: 3,
      appended: false,
      link: 'https://praxis.example/o/x/incidents/y',
    }),
} satisfies Record<string, (locale: Locale) => RenderedMail>;
export type MailKind = keyof typeof mailExamples;
