/** The mail module: mails queued in the outbox and delivered by SMTP, and the texts of every mail. */
export { createMailer, type Mailer, type MailerOptions, type MailInput, type MailLog } from './mail.service.ts';
export { incidentAlertMail, incidentReminderMail, invitationMail, layoutMail, passwordResetMail, type RenderedMail } from './templates.ts';
