import { phishingTemplates } from '../../../domain/phishing/templates.data.ts';

const template = phishingTemplates.find((t) => t.id === 'password-expiry')!;

/** A valid campaign body from the "password expiry" template, for tests and seeds. */
export const campaignBody = (extra: Record<string, unknown> = {}) => ({
  name: 'Passwort-Übung Dezember',
  templateId: template.id,
  locale: 'de',
  subject: template.de.subject,
  senderName: template.de.senderName,
  senderAddress: template.de.senderAddress,
  bodyHtml: template.de.bodyHtml,
  bodyText: template.de.bodyText,
  audience: { kind: 'all' },
  ...extra,
});
