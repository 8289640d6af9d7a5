import { describe, expect, it } from 'vitest';
import { locales } from '../../i18n/texts.ts';
import { invitationMail, type MailKind, mailExamples } from './templates.ts';

const kinds = Object.keys(mailExamples) as MailKind[];
const cases = kinds.flatMap((kind) => locales.map((locale) => [kind, locale] as const));

describe('mail templates', () => {
  it.each(cases)('renders %s in %s as subject, text and HTML with no raw key or placeholder left', (kind, locale) => {
    const mail = mailExamples[kind](locale);
    for (const part of [mail.subject, mail.text, mail.html]) {
      expect(part.trim()).not.toBe('');
      expect(part).not.toMatch(/\{\{|\}\}|\bmail\.[a-zA-Z]+\./);
    }
    expect(mail.html).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${locale}">`));
    expect(mail.html).toContain('https://praxis.example/');
    expect(mail.text).toContain('https://praxis.example/');
  });

  it.each(kinds)('writes %s differently in German and English', (kind) => {
    const de = mailExamples[kind]('de');
    const en = mailExamples[kind]('en');
    expect(de.subject).not.toBe(en.subject);
    expect(de.text).not.toBe(en.text);
  });

  it('writes the German invitation in German only: role name without English, no English paragraph', () => {
    const mail = mailExamples.invitation('de');
    expect(mail.text).toContain('Ihre Rolle: IT-Verantwortliche/r, mit Administrationsrechten.');
    expect(mail.text).toContain('Die Einladung gilt bis 29.03.2026.');
    expect(mail.text).not.toMatch(/IT lead|invited|Open the link|You have been/);
    const en = mailExamples.invitation('en');
    expect(en.text).toContain('Your role: IT lead, with administrator rights.');
    expect(en.text).not.toMatch(/Ihre Rolle|Einladung/);
  });

  it('escapes what people typed (names, organisation) in the HTML part', () => {
    const mail = invitationMail('de', {
      organisation: 'Praxis <b>&</b>',
      inviter: '"Anna"',
      role: 'staff',
      isAdmin: false,
      link: 'https://praxis.example/invite/x?a=1&b=2',
      expiresAt: new Date('2026-03-29T10:00:00Z'),
    });
    expect(mail.html).toContain('Praxis &lt;b&gt;&amp;&lt;/b&gt;');
    expect(mail.html).toContain('&quot;Anna&quot;');
    expect(mail.html).toContain('href="https://praxis.example/invite/x?a=1&amp;b=2"');
    expect(mail.html).not.toContain('<b>&</b>');
  });

  it('has an outbox label in both languages for every kind of mail', async () => {
    const de = (await import('../../../client/locales/de.json')).default as { outbox: { kind: Record<string, string> } };
    const en = (await import('../../../client/locales/en.json')).default as { outbox: { kind: Record<string, string> } };
    for (const kind of kinds) {
      expect(de.outbox.kind[kind]).toBeTruthy();
      expect(en.outbox.kind[kind]).toBeTruthy();
    }
  });
});
