import type { ChecklistItemInput, ChecklistKind } from './access.schema.ts';

interface DefaultItem {
  de: ChecklistItemInput;
  en: ChecklistItemInput;
}

/**
 * The built-in checklists, used while an organisation has none of its own. Onboarding follows KBV Anlage 1 Nr. 1
 * (regulated onboarding: duties, security rules, contact persons), the confidentiality duty of § 203 StGB and the
 * instruction of Art. 29 DSGVO (processing only on the controller's instruction; Art. 28 Abs. 3 lit. b for processors'
 * staff). Offboarding follows KBV Anlage 1 Nr. 2: keys, devices and cards taken back, every access withdrawn,
 * passwords known to the person changed.
 */
const defaults: Record<ChecklistKind, DefaultItem[]> = {
  onboarding: [
    {
      de: {
        title: 'Zugänge mit eigener Anmeldung eingerichtet (PVS, Windows, E-Mail)',
        hint: 'Keine geteilten Konten; jede Person meldet sich mit eigenem Namen an.',
      },
      en: { title: 'Accounts set up with personal logins (PVS, Windows, e-mail)', hint: 'No shared accounts; everyone signs in under their own name.' },
    },
    {
      de: { title: 'Schlüssel und Karten ausgegeben und festgehalten', hint: 'Praxisschlüssel, eHBA bzw. SMC-B mit PIN-Brief: wer hat was seit wann.' },
      en: { title: 'Keys and cards handed out and recorded', hint: 'Practice keys, eHBA or SMC-B with PIN letter: who holds what since when.' },
    },
    {
      de: {
        title: 'Verpflichtung auf Verschwiegenheit und Datengeheimnis unterschrieben',
        hint: '§ 203 StGB (Schweigepflicht), Art. 28 Abs. 3 lit. b und Art. 29 DSGVO (Verarbeitung nur auf Weisung).',
      },
      en: {
        title: 'Confidentiality and data secrecy obligation signed',
        hint: '§ 203 StGB (professional secrecy), Art. 28(3)(b) and Art. 29 GDPR (processing only on instruction).',
      },
    },
    {
      de: { title: 'Einweisung in die IT-Sicherheitsregeln der Praxis gegeben', hint: 'KBV Anlage 1 Nr. 1: Regeln, Abläufe und Ansprechpersonen.' },
      en: { title: "Briefing on the practice's IT security rules given", hint: 'KBV Annex 1 No. 1: rules, procedures and contact persons.' },
    },
    {
      de: { title: 'Passwortregeln erklärt', hint: 'Lange Passwörter, nicht weitergeben, nicht mehrfach verwenden.' },
      en: { title: 'Password rules explained', hint: 'Long passwords, never shared, never reused.' },
    },
  ],
  offboarding: [
    {
      de: { title: 'Alle Zugänge gesperrt', hint: 'Jeden Zugang unter „Zugänge“ sperren; erst dann erlischt der Hinweis.' },
      en: { title: 'Every account disabled', hint: 'Disable each account under "Access"; only then does the warning clear.' },
    },
    {
      de: { title: 'Schlüssel und Karten zurückgenommen', hint: 'Praxisschlüssel, Ausweise, eHBA; ggf. Sperrung beim Kartenherausgeber.' },
      en: { title: 'Keys and cards returned', hint: 'Practice keys, badges, eHBA; have cards blocked by the issuer where needed.' },
    },
    {
      de: { title: 'Gemeinsam genutzte Passwörter geändert', hint: 'Alles, was die Person kannte: WLAN, Router, Konnektor-Admin, Sammelkonten.' },
      en: { title: 'Shared passwords changed', hint: 'Everything the person knew: Wi-Fi, router, connector admin, shared accounts.' },
    },
    {
      de: { title: 'Fernzugänge entfernt', hint: 'VPN, Fernwartung, Cloud-Dienste, Weiterleitungen der E-Mail.' },
      en: { title: 'Remote access removed', hint: 'VPN, remote maintenance, cloud services, mail forwarding.' },
    },
    {
      de: { title: 'Mobile Geräte zurückgegeben', hint: 'KBV Anlage 1 Nr. 2: Geräte und Unterlagen zurücknehmen, Daten darauf löschen.' },
      en: { title: 'Mobile devices returned', hint: 'KBV Annex 1 No. 2: take back devices and documents, wipe the data on them.' },
    },
  ],
};

/** The built-in items of a kind in a language. */
export function defaultChecklist(kind: ChecklistKind, locale: 'de' | 'en'): ChecklistItemInput[] {
  return defaults[kind].map((item) => ({ ...item[locale] }));
}
