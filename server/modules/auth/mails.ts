/** Texts of the account mails, in the recipient's language, as plain text and as simple HTML. */

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function berlinTime(date: Date, locale: 'de' | 'en') {
  return date.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' });
}

const texts = {
  de: {
    subject: 'praxisschild: Passwort zurücksetzen',
    greeting: (name: string) => `Guten Tag ${name},`,
    intro: 'jemand hat für Ihr Konto bei praxisschild ein neues Passwort angefordert. Mit diesem Link legen Sie es fest:',
    button: 'Neues Passwort festlegen',
    valid: (until: string) => `Der Link gilt einmal und bis ${until} Uhr. Danach melden Sie sich wie gewohnt mit dem Code aus Ihrer Authenticator-App an.`,
    ignore: 'Falls Sie das nicht waren, können Sie diese Mail ignorieren: Ihr bisheriges Passwort bleibt gültig.',
  },
  en: {
    subject: 'praxisschild: reset your password',
    greeting: (name: string) => `Hello ${name},`,
    intro: 'someone asked for a new password for your praxisschild account. Set it with this link:',
    button: 'Set a new password',
    valid: (until: string) => `The link works once, until ${until} (Berlin time). Afterwards you sign in as usual with the code from your authenticator app.`,
    ignore: 'If this was not you, you can ignore this mail: your current password stays valid.',
  },
};

export function passwordResetMail(locale: 'de' | 'en', input: { name: string; link: string; expiresAt: Date }) {
  const t = texts[locale];
  const until = berlinTime(input.expiresAt, locale);
  const text = [t.greeting(input.name), '', t.intro, input.link, '', t.valid(until), '', t.ignore].join('\n');
  const html = [
    `<p>${escapeHtml(t.greeting(input.name))}</p>`,
    `<p>${escapeHtml(t.intro)}</p>`,
    `<p><a href="${escapeHtml(input.link)}" style="display:inline-block;padding:10px 16px;background:#1c7ed6;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(t.button)}</a></p>`,
    `<p style="word-break:break-all;color:#555">${escapeHtml(input.link)}</p>`,
    `<p>${escapeHtml(t.valid(until))}</p>`,
    `<p style="color:#555">${escapeHtml(t.ignore)}</p>`,
  ].join('\n');
  return { subject: t.subject, text, html };
}
