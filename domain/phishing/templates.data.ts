/**
 * The phishing simulation's mail templates (issue 13): six lures that reach outpatient practices, in plain German and
 * English, each with the clues a careful reader could have noticed. The clues are what the teaching page lists after a
 * click (§ 30 Abs. 2 Satz 2 Nr. 7 BSIG, Art. 21 Abs. 2 lit. g NIS2: cyber hygiene and training; KBV-IT-Sicherheits-
 * richtlinie Anlage 1 Nr. 8 to 10: awareness and instruction of staff). Written for this product; the sender addresses
 * use the reserved top-level domain `.example` (RFC 2606), so a default never impersonates a real company — the
 * organisation replaces them with an address its own SMTP server may send as.
 *
 * Placeholders: {{firstName}}, {{name}}, {{organisation}}, {{date}}, {{link}} (the tracked link, required),
 * {{reportLink}} (the report-as-phishing link; the footer carries it anyway). Versioned data with stable ids.
 */
export const PHISHING_TEMPLATES_VERSION = '2026-12-08';

export const phishingTemplateIds = ['parcel-notice', 'kv-letter', 'password-expiry', 'fake-invoice', 'shared-document', 'ti-connector-update'] as const;
export type PhishingTemplateId = (typeof phishingTemplateIds)[number];

/** Where the link leads: a fake sign-in form (a submission is counted, never its contents) or straight to the lesson. */
export type PhishingLanding = 'form' | 'lesson';

export interface PhishingTemplateText {
  title: string;
  subject: string;
  senderName: string;
  senderAddress: string;
  bodyHtml: string;
  bodyText: string;
  /** What gave the mail away, in plain words, most telling first. */
  clues: readonly string[];
}

export interface PhishingTemplate {
  id: PhishingTemplateId;
  /** 1 easy to spot … 3 hard. */
  difficulty: 1 | 2 | 3;
  landing: PhishingLanding;
  de: PhishingTemplateText;
  en: PhishingTemplateText;
}

const p = (text: string) => `<p style="margin:0 0 12px">${text}</p>`;
const button = (label: string) =>
  `<p style="margin:16px 0"><a href="{{link}}" style="background:#1d4ed8;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none;display:inline-block">${label}</a></p>`;
const html = (...parts: string[]) =>
  `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#1f2937;max-width:600px">${parts.join('')}</div>`;

export const phishingTemplates: readonly PhishingTemplate[] = [
  {
    id: 'parcel-notice',
    difficulty: 1,
    landing: 'form',
    de: {
      title: 'Paket konnte nicht zugestellt werden',
      subject: 'Ihre Sendung konnte nicht zugestellt werden – Zollgebühr offen',
      senderName: 'Paketdienst Zustellung',
      senderAddress: 'zustellung@paket-benachrichtigung.example',
      bodyHtml: html(
        p('Sehr geehrte Kundin, sehr geehrter Kunde,'),
        p('Ihre Sendung Nr. 00340434161094 konnte heute nicht zugestellt werden, da eine Zollgebühr von 1,99 EUR offen ist.'),
        p('Bitte begleichen Sie die Gebühr innerhalb von 24 Stunden, sonst wird die Sendung an den Absender zurückgeschickt.'),
        button('Sendung freigeben'),
        p('Mit freundlichen Grüßen<br>Ihr Zustellteam'),
      ),
      bodyText:
        'Sehr geehrte Kundin, sehr geehrter Kunde,\n\nIhre Sendung Nr. 00340434161094 konnte heute nicht zugestellt werden, da eine Zollgebühr von 1,99 EUR offen ist.\n\nBitte begleichen Sie die Gebühr innerhalb von 24 Stunden, sonst wird die Sendung an den Absender zurückgeschickt.\n\nSendung freigeben: {{link}}\n\nMit freundlichen Grüßen\nIhr Zustellteam',
      clues: [
        'Die Absenderadresse gehört keinem Paketdienst, den die Praxis nutzt.',
        'Keine persönliche Anrede: Ein echter Paketdienst kennt Ihren Namen.',
        'Zeitdruck („innerhalb von 24 Stunden“) soll Sie vom Nachdenken abhalten.',
        'Eine kleine Gebühr per Link ist ein typischer Trick, um an Zahlungs- oder Anmeldedaten zu kommen.',
        'Die Praxis hat gar kein Paket aus dem Ausland erwartet.',
      ],
    },
    en: {
      title: 'Parcel could not be delivered',
      subject: 'Your parcel could not be delivered – customs fee outstanding',
      senderName: 'Parcel Delivery Service',
      senderAddress: 'delivery@parcel-notification.example',
      bodyHtml: html(
        p('Dear customer,'),
        p('Your parcel no. 00340434161094 could not be delivered today because a customs fee of EUR 1.99 is outstanding.'),
        p('Please pay the fee within 24 hours, otherwise the parcel will be returned to the sender.'),
        button('Release parcel'),
        p('Kind regards<br>Your delivery team'),
      ),
      bodyText:
        'Dear customer,\n\nYour parcel no. 00340434161094 could not be delivered today because a customs fee of EUR 1.99 is outstanding.\n\nPlease pay the fee within 24 hours, otherwise the parcel will be returned to the sender.\n\nRelease parcel: {{link}}\n\nKind regards\nYour delivery team',
      clues: [
        'The sender address belongs to no parcel service the practice uses.',
        'No personal greeting: a real parcel service knows your name.',
        'Time pressure ("within 24 hours") is meant to stop you from thinking.',
        'A small fee paid through a link is a common trick to obtain payment or sign-in details.',
        'The practice was not expecting a parcel from abroad.',
      ],
    },
  },
  {
    id: 'kv-letter',
    difficulty: 3,
    landing: 'form',
    de: {
      title: 'Schreiben der Kassenärztlichen Vereinigung',
      subject: 'Rückfrage zur Quartalsabrechnung – Frist {{date}}',
      senderName: 'KV Abrechnung',
      senderAddress: 'abrechnung@kv-online-portal.example',
      bodyHtml: html(
        p('Sehr geehrte Damen und Herren,'),
        p('bei der Prüfung Ihrer Quartalsabrechnung für {{organisation}} sind Unstimmigkeiten bei mehreren Gebührenordnungspositionen aufgefallen.'),
        p('Bitte nehmen Sie bis zum {{date}} im Mitgliederportal Stellung. Ohne Ihre Stellungnahme wird die Abrechnung gekürzt.'),
        button('Zum Mitgliederportal'),
        p('Mit freundlichen Grüßen<br>Abteilung Abrechnung'),
      ),
      bodyText:
        'Sehr geehrte Damen und Herren,\n\nbei der Prüfung Ihrer Quartalsabrechnung für {{organisation}} sind Unstimmigkeiten bei mehreren Gebührenordnungspositionen aufgefallen.\n\nBitte nehmen Sie bis zum {{date}} im Mitgliederportal Stellung. Ohne Ihre Stellungnahme wird die Abrechnung gekürzt.\n\nZum Mitgliederportal: {{link}}\n\nMit freundlichen Grüßen\nAbteilung Abrechnung',
      clues: [
        'Die Absenderadresse ist nicht die Ihrer Kassenärztlichen Vereinigung.',
        'Die KV erreicht Praxen für Abrechnungsfragen über KIM oder ihr Portal, das Sie selbst aufrufen – nicht über einen Link in einer E-Mail.',
        'Die Drohung mit einer Kürzung und die kurze Frist sollen Sie zum schnellen Klick bewegen.',
        'Das Anmeldeformular nach dem Klick lag nicht auf der Adresse des echten Mitgliederportals.',
      ],
    },
    en: {
      title: 'Letter from the Association of Statutory Health Insurance Physicians (KV)',
      subject: 'Query about your quarterly billing – deadline {{date}}',
      senderName: 'KV Billing',
      senderAddress: 'billing@kv-online-portal.example',
      bodyHtml: html(
        p('Dear Sir or Madam,'),
        p('While checking the quarterly billing of {{organisation}} we found inconsistencies in several fee schedule items.'),
        p('Please respond in the member portal by {{date}}. Without your response the billing will be reduced.'),
        button('Go to member portal'),
        p('Kind regards<br>Billing department'),
      ),
      bodyText:
        'Dear Sir or Madam,\n\nWhile checking the quarterly billing of {{organisation}} we found inconsistencies in several fee schedule items.\n\nPlease respond in the member portal by {{date}}. Without your response the billing will be reduced.\n\nGo to member portal: {{link}}\n\nKind regards\nBilling department',
      clues: [
        'The sender address is not that of your KV.',
        'The KV contacts practices about billing through KIM or its portal, which you open yourself – not through a link in an e-mail.',
        'The threat of a reduction and the short deadline are meant to make you click quickly.',
        'The sign-in form after the click was not on the address of the real member portal.',
      ],
    },
  },
  {
    id: 'password-expiry',
    difficulty: 2,
    landing: 'form',
    de: {
      title: 'Ihr Passwort läuft ab',
      subject: 'Ihr Passwort läuft heute ab',
      senderName: 'IT-Support',
      senderAddress: 'it-support@praxis-konto-service.example',
      bodyHtml: html(
        p('Hallo {{firstName}},'),
        p(
          'das Passwort Ihres Kontos läuft heute ab. Damit Sie weiter auf E-Mails und die Praxissoftware zugreifen können, bestätigen Sie bitte jetzt Ihr aktuelles Passwort.',
        ),
        button('Passwort behalten'),
        p('Ihr IT-Support'),
      ),
      bodyText:
        'Hallo {{firstName}},\n\ndas Passwort Ihres Kontos läuft heute ab. Damit Sie weiter auf E-Mails und die Praxissoftware zugreifen können, bestätigen Sie bitte jetzt Ihr aktuelles Passwort.\n\nPasswort behalten: {{link}}\n\nIhr IT-Support',
      clues: [
        'Kein echter IT-Support fragt nach Ihrem aktuellen Passwort – weder per E-Mail noch am Telefon.',
        'Die Absenderadresse gehört nicht zu Ihrer Praxis oder Ihrem IT-Dienstleister.',
        '„Heute“ setzt Sie unter Druck.',
        'Ein Passwort ändern Sie in der Anwendung selbst, nicht über einen Link.',
      ],
    },
    en: {
      title: 'Your password expires',
      subject: 'Your password expires today',
      senderName: 'IT Support',
      senderAddress: 'it-support@practice-account-service.example',
      bodyHtml: html(
        p('Hello {{firstName}},'),
        p('The password of your account expires today. To keep access to e-mail and the practice software, please confirm your current password now.'),
        button('Keep password'),
        p('Your IT support'),
      ),
      bodyText:
        'Hello {{firstName}},\n\nThe password of your account expires today. To keep access to e-mail and the practice software, please confirm your current password now.\n\nKeep password: {{link}}\n\nYour IT support',
      clues: [
        'No real IT support asks for your current password – neither by e-mail nor on the phone.',
        'The sender address belongs neither to your practice nor to your IT service provider.',
        '"Today" puts you under pressure.',
        'You change a password in the application itself, not through a link.',
      ],
    },
  },
  {
    id: 'fake-invoice',
    difficulty: 2,
    landing: 'lesson',
    de: {
      title: 'Offene Rechnung mit Mahnung',
      subject: 'Zahlungserinnerung: Rechnung 2026-4471 überfällig',
      senderName: 'Buchhaltung Medizinbedarf',
      senderAddress: 'buchhaltung@medizinbedarf-rechnung.example',
      bodyHtml: html(
        p('Guten Tag,'),
        p(
          'unsere Rechnung 2026-4471 über 1.284,60 EUR für Praxisbedarf ist seit 14 Tagen überfällig. Die Rechnung und die Kontoverbindung finden Sie im Anhang unter folgendem Link.',
        ),
        p('Bitte überweisen Sie den Betrag umgehend, um Mahngebühren und ein Inkassoverfahren zu vermeiden. Beachten Sie unsere neue Bankverbindung.'),
        button('Rechnung ansehen'),
        p('Freundliche Grüße<br>Buchhaltung'),
      ),
      bodyText:
        'Guten Tag,\n\nunsere Rechnung 2026-4471 über 1.284,60 EUR für Praxisbedarf ist seit 14 Tagen überfällig. Die Rechnung und die Kontoverbindung finden Sie unter folgendem Link.\n\nBitte überweisen Sie den Betrag umgehend, um Mahngebühren und ein Inkassoverfahren zu vermeiden. Beachten Sie unsere neue Bankverbindung.\n\nRechnung ansehen: {{link}}\n\nFreundliche Grüße\nBuchhaltung',
      clues: [
        'Die Praxis hat bei diesem Lieferanten nichts bestellt – prüfen Sie Rechnungen gegen Ihre Bestellungen.',
        'Eine „neue Bankverbindung“ per E-Mail ist ein klassisches Betrugsmuster: immer telefonisch unter der bekannten Nummer nachfragen.',
        'Mahnung und Inkasso drohen, bevor je eine Rechnung kam.',
        'Die Rechnung liegt hinter einem Link statt im Anhang oder auf Papier.',
      ],
    },
    en: {
      title: 'Overdue invoice with reminder',
      subject: 'Payment reminder: invoice 2026-4471 overdue',
      senderName: 'Medical Supplies Accounts',
      senderAddress: 'accounts@medical-supplies-invoice.example',
      bodyHtml: html(
        p('Good day,'),
        p(
          'Our invoice 2026-4471 of EUR 1,284.60 for practice supplies has been overdue for 14 days. You will find the invoice and our bank details at the following link.',
        ),
        p('Please transfer the amount immediately to avoid reminder fees and debt collection. Note our new bank details.'),
        button('View invoice'),
        p('Kind regards<br>Accounts'),
      ),
      bodyText:
        'Good day,\n\nOur invoice 2026-4471 of EUR 1,284.60 for practice supplies has been overdue for 14 days. You will find the invoice and our bank details at the following link.\n\nPlease transfer the amount immediately to avoid reminder fees and debt collection. Note our new bank details.\n\nView invoice: {{link}}\n\nKind regards\nAccounts',
      clues: [
        'The practice ordered nothing from this supplier – check invoices against your orders.',
        '"New bank details" by e-mail is a classic fraud pattern: always call back on the number you already know.',
        'Reminder fees and debt collection are threatened before any invoice arrived.',
        'The invoice sits behind a link instead of an attachment or paper.',
      ],
    },
  },
  {
    id: 'shared-document',
    difficulty: 2,
    landing: 'form',
    de: {
      title: 'Geteiltes Dokument',
      subject: '{{senderName}} hat ein Dokument mit Ihnen geteilt: „Dienstplan neu.xlsx“',
      senderName: 'Dokumentenfreigabe',
      senderAddress: 'freigabe@dokumente-teilen.example',
      bodyHtml: html(
        p('Hallo {{firstName}},'),
        p('ein Dokument wurde für Sie freigegeben: <strong>Dienstplan neu.xlsx</strong>'),
        p('Melden Sie sich mit Ihrem Praxis-Konto an, um das Dokument zu öffnen. Die Freigabe ist 48 Stunden gültig.'),
        button('Dokument öffnen'),
      ),
      bodyText:
        'Hallo {{firstName}},\n\nein Dokument wurde für Sie freigegeben: Dienstplan neu.xlsx\n\nMelden Sie sich mit Ihrem Praxis-Konto an, um das Dokument zu öffnen. Die Freigabe ist 48 Stunden gültig.\n\nDokument öffnen: {{link}}',
      clues: [
        'Wer hat das Dokument geteilt? Die Mail nennt keine Kollegin und keinen Kollegen.',
        'Der Dienstplan kommt in Ihrer Praxis nicht über einen fremden Freigabedienst.',
        'Für ein geteiltes Dokument müssen Sie nie Ihr Passwort auf einer Seite eingeben, die Sie über einen Mail-Link erreicht haben.',
        'Die befristete Freigabe („48 Stunden“) erzeugt Eile.',
      ],
    },
    en: {
      title: 'Shared document',
      subject: '{{senderName}} shared a document with you: "New duty roster.xlsx"',
      senderName: 'Document Sharing',
      senderAddress: 'share@documents-sharing.example',
      bodyHtml: html(
        p('Hello {{firstName}},'),
        p('A document was shared with you: <strong>New duty roster.xlsx</strong>'),
        p('Sign in with your practice account to open the document. The share is valid for 48 hours.'),
        button('Open document'),
      ),
      bodyText:
        'Hello {{firstName}},\n\nA document was shared with you: New duty roster.xlsx\n\nSign in with your practice account to open the document. The share is valid for 48 hours.\n\nOpen document: {{link}}',
      clues: [
        'Who shared the document? The mail names no colleague.',
        'Your practice does not send the duty roster through an unknown sharing service.',
        'A shared document never needs your password on a page reached through a mail link.',
        'The time-limited share ("48 hours") creates haste.',
      ],
    },
  },
  {
    id: 'ti-connector-update',
    difficulty: 3,
    landing: 'lesson',
    de: {
      title: 'Dringendes Update für den TI-Konnektor',
      subject: 'Sicherheitsupdate Konnektor erforderlich – TI-Anbindung wird am {{date}} getrennt',
      senderName: 'TI-Service Konnektor',
      senderAddress: 'service@ti-konnektor-update.example',
      bodyHtml: html(
        p('Sehr geehrtes Praxisteam,'),
        p(
          'für Ihren Konnektor steht ein sicherheitskritisches Update bereit. Ohne das Update wird die Anbindung an die Telematikinfrastruktur am {{date}} getrennt; E-Rezept, eAU und ePA sind dann nicht mehr nutzbar.',
        ),
        p('Laden Sie das Update-Werkzeug herunter und führen Sie es an einem Praxis-PC mit Administratorrechten aus.'),
        button('Update herunterladen'),
        p('Ihr TI-Service'),
      ),
      bodyText:
        'Sehr geehrtes Praxisteam,\n\nfür Ihren Konnektor steht ein sicherheitskritisches Update bereit. Ohne das Update wird die Anbindung an die Telematikinfrastruktur am {{date}} getrennt; E-Rezept, eAU und ePA sind dann nicht mehr nutzbar.\n\nLaden Sie das Update-Werkzeug herunter und führen Sie es an einem Praxis-PC mit Administratorrechten aus.\n\nUpdate herunterladen: {{link}}\n\nIhr TI-Service',
      clues: [
        'Updates des Konnektors spielt Ihr TI-Dienstleister ein; sie kommen nie als Programm zum Herunterladen aus einer E-Mail.',
        'Die Aufforderung, ein Programm mit Administratorrechten auszuführen, ist ein Alarmzeichen.',
        'Die Drohung, E-Rezept und ePA abzuschalten, soll Sie ohne Rückfrage handeln lassen.',
        'Der Absender ist nicht Ihr bekannter TI-Dienstleister. Im Zweifel dort unter der bekannten Nummer anrufen.',
      ],
    },
    en: {
      title: 'Urgent update for the TI connector',
      subject: 'Connector security update required – TI access will be cut on {{date}}',
      senderName: 'TI Connector Service',
      senderAddress: 'service@ti-connector-update.example',
      bodyHtml: html(
        p('Dear practice team,'),
        p(
          'A security-critical update is available for your connector. Without it, access to the telematics infrastructure will be cut on {{date}}; e-prescriptions, eAU and the electronic patient record will stop working.',
        ),
        p('Download the update tool and run it on a practice PC with administrator rights.'),
        button('Download update'),
        p('Your TI service'),
      ),
      bodyText:
        'Dear practice team,\n\nA security-critical update is available for your connector. Without it, access to the telematics infrastructure will be cut on {{date}}; e-prescriptions, eAU and the electronic patient record will stop working.\n\nDownload the update tool and run it on a practice PC with administrator rights.\n\nDownload update: {{link}}\n\nYour TI service',
      clues: [
        'Connector updates are installed by your TI service provider; they never come as a program to download from an e-mail.',
        'Being asked to run a program with administrator rights is an alarm sign.',
        'The threat of switching off e-prescriptions and the patient record is meant to make you act without asking.',
        'The sender is not your known TI service provider. When in doubt, call them on the number you know.',
      ],
    },
  },
];

export function phishingTemplate(id: string): PhishingTemplate | undefined {
  return phishingTemplates.find((template) => template.id === id);
}

/**
 * The footer every campaign mail carries (issue 13 item 2: a report button in the footer), worded like an
 * organisation's own mail footer, with the report-as-phishing link.
 */
export const phishingReportFooter = {
  de: { text: 'Verdächtige E-Mail erhalten? Melden Sie sie mit einem Klick:', link: 'Als Phishing melden' },
  en: { text: 'Received a suspicious e-mail? Report it with one click:', link: 'Report as phishing' },
} as const;
