import type { LegalSource } from '../kbv/explanation.ts';

/**
 * The ten risk-management measures of § 30(2) sentence 2 BSIG (Art. 21(2) NIS2) and which KBV requirements cover
 * them. Titles follow the statute; summaries and gaps are our paraphrases. The mapping is our reading of the KBV
 * titles (confidence: inferred), kept as data so that it can be reviewed and versioned like the catalogue.
 * "core": the requirement implements the part of the measure that the KBV guideline covers at all (the KBV part);
 * "partial": it helps but leaves gaps. `beyondKbv` names what § 30(2) sentence 2 lists for the measure that no KBV
 * requirement covers, so that a done KBV part is never shown as the whole measure.
 */
export interface Nis2Measure {
  id: string;
  number: number;
  legalBasis: string;
  nis2Article: string;
  titleDe: string;
  titleEn: string;
  summaryDe: string;
  summaryEn: string;
  kbvCore: readonly string[];
  kbvPartial: readonly string[];
  /** Elements of the statutory measure beyond the KBV part (null where the KBV part covers the wording). */
  beyondKbv: { de: string; en: string } | null;
  gapDe: string;
  gapEn: string;
}

export const MAPPING_CONFIDENCE = 'inferred';

export const bsig30Source: LegalSource = { citation: '§ 30 Abs. 2 BSIG', url: 'https://www.gesetze-im-internet.de/bsig_2025/__30.html' };

export const nis2Measures: readonly Nis2Measure[] = [
  {
    id: 'BSIG-30-2-01',
    number: 1,
    legalBasis: '§ 30 Abs. 2 Satz 2 Nr. 1 BSIG',
    nis2Article: 'Art. 21(2)(a) NIS2',
    titleDe: 'Konzepte in Bezug auf die Risikoanalyse und die Sicherheit in der Informationstechnik',
    titleEn: 'Policies on risk analysis and information-system security',
    summaryDe: 'Schriftliche, aktuelle Konzepte zur Analyse von Cyberrisiken und zur Absicherung der IT-Systeme.',
    summaryEn: 'Have written concepts for analysing cyber risks and for securing IT systems, kept current.',
    kbvCore: [],
    kbvPartial: ['KBV-A1-12', 'KBV-A3-02', 'KBV-A1-08'],
    beyondKbv: null,
    gapDe: 'Die KBV-Richtlinie ist ein fester Basiskatalog; eine dokumentierte Risikoanalyse, Sicherheitsleitlinie oder ein ISMS verlangt sie nicht.',
    gapEn: 'KBV prescribes a fixed baseline catalogue; it does not require a documented risk analysis, an information-security policy or an ISMS.',
  },
  {
    id: 'BSIG-30-2-02',
    number: 2,
    legalBasis: '§ 30 Abs. 2 Satz 2 Nr. 2 BSIG',
    nis2Article: 'Art. 21(2)(b) NIS2',
    titleDe: 'Bewältigung von Sicherheitsvorfällen',
    titleEn: 'Incident handling',
    summaryDe: 'Sicherheitsvorfälle verhindern, erkennen, analysieren, eindämmen, darauf reagieren und sich davon erholen können.',
    summaryEn: 'Be able to prevent, detect, analyse, contain and respond to security incidents and recover from them.',
    kbvCore: [],
    kbvPartial: ['KBV-A2-01', 'KBV-A4-03', 'KBV-A1-34', 'KBV-A3-10', 'KBV-A1-20'],
    beyondKbv: null,
    gapDe: 'Kein Vorfallbewältigungsprozess, keine Rollen/Playbooks und keine Meldepflicht an Behörden in der KBV-Richtlinie.',
    gapEn: 'No incident-response process, roles, playbooks or duty to report to authorities in the KBV guideline.',
  },
  {
    id: 'BSIG-30-2-03',
    number: 3,
    legalBasis: '§ 30 Abs. 2 Satz 2 Nr. 3 BSIG',
    nis2Article: 'Art. 21(2)(c) NIS2',
    titleDe: 'Aufrechterhaltung des Betriebs (Backup-Management, Wiederherstellung nach einem Notfall) und Krisenmanagement',
    titleEn: 'Business continuity (backup management, disaster recovery) and crisis management',
    summaryDe: 'Betrieb bei Störungen aufrechterhalten: gesteuerte Datensicherung, getestete Wiederherstellung, Notfall- und Krisenregelungen.',
    summaryEn: 'Keep services running during disruptions: managed backups, tested restore, disaster-recovery and crisis arrangements.',
    kbvCore: ['KBV-A1-21', 'KBV-A1-22', 'KBV-A1-23', 'KBV-A1-24', 'KBV-A1-25'],
    kbvPartial: ['KBV-A3-16'],
    beyondKbv: { de: 'Krisenmanagement und Notfallplanung über die Datensicherung hinaus', en: 'crisis management and emergency planning beyond backups' },
    gapDe: 'Datensicherung ist gut abgedeckt; Notfallvorsorge, Notfallhandbuch und Krisenmanagement fordert die KBV nicht.',
    gapEn: 'Backups are covered well; business-continuity planning, emergency manual and crisis management are not required by KBV.',
  },
  {
    id: 'BSIG-30-2-04',
    number: 4,
    legalBasis: '§ 30 Abs. 2 Satz 2 Nr. 4 BSIG',
    nis2Article: 'Art. 21(2)(d) NIS2',
    titleDe: 'Sicherheit der Lieferkette einschließlich sicherheitsbezogener Aspekte der Beziehungen zu unmittelbaren Anbietern oder Diensteanbietern',
    titleEn: 'Supply-chain security incl. relations with direct suppliers and service providers',
    summaryDe:
      'Sicherheitsrisiken durch unmittelbare Lieferanten und Dienstleister (IT-Dienstleister, PVS-Hersteller, Cloud, TI-Anbieter) steuern, einschließlich vertraglicher Sicherheitsanforderungen.',
    summaryEn:
      'Manage security risks arising from direct suppliers and service providers (IT service providers, PVS vendors, cloud, TI providers), including contractual security requirements.',
    kbvCore: [],
    kbvPartial: ['KBV-A1-03', 'KBV-A1-04', 'KBV-A1-50', 'KBV-A5-01', 'KBV-A5-05', 'KBV-A5-06'],
    beyondKbv: null,
    gapDe:
      'Kein Lieferantenverzeichnis, keine Lieferantenbewertung und keine Sicherheitsklauseln (Vorfallmeldung, Auditrechte) über Fremdpersonal-Regeln, Cloud-C5 und TI-Anbietervorgaben hinaus.',
    gapEn:
      'No supplier inventory, supplier risk assessment or security clauses (incident notification, audit rights) beyond external-staff rules, cloud C5 and TI provider specs.',
  },
  {
    id: 'BSIG-30-2-05',
    number: 5,
    legalBasis: '§ 30 Abs. 2 Satz 2 Nr. 5 BSIG',
    nis2Article: 'Art. 21(2)(e) NIS2',
    titleDe:
      'Sicherheitsmaßnahmen bei Erwerb, Entwicklung und Wartung von IT-Systemen, -Komponenten und -Prozessen einschließlich Management und Offenlegung von Schwachstellen',
    titleEn: 'Security in acquisition, development and maintenance incl. vulnerability handling and disclosure',
    summaryDe:
      'Sicherheit bei Beschaffung, Entwicklung und Wartung von IT berücksichtigen; Schwachstellen managen und einen Umgang mit ihrer Offenlegung haben.',
    summaryEn: 'Build security into buying, developing and maintaining IT; manage vulnerabilities and have a way to handle and disclose them.',
    kbvCore: ['KBV-A1-14', 'KBV-A1-15', 'KBV-A1-16', 'KBV-A1-17', 'KBV-A5-08'],
    kbvPartial: ['KBV-A4-01', 'KBV-A4-02', 'KBV-A4-04', 'KBV-A1-47'],
    beyondKbv: {
      de: 'Sicherheitsanforderungen beim Erwerb (sichere Beschaffung) sowie Management und Offenlegung von Schwachstellen',
      en: 'security requirements when acquiring systems (secure procurement) and vulnerability management and disclosure',
    },
    gapDe: 'Patchen ist abgedeckt; Sicherheitskriterien bei der Beschaffung und ein Prozess zur Schwachstellen-Offenlegung fehlen.',
    gapEn: 'Patching is covered; security criteria for procurement and a vulnerability-disclosure process are not.',
  },
  {
    id: 'BSIG-30-2-06',
    number: 6,
    legalBasis: '§ 30 Abs. 2 Satz 2 Nr. 6 BSIG',
    nis2Article: 'Art. 21(2)(f) NIS2',
    titleDe: 'Konzepte und Verfahren zur Bewertung der Wirksamkeit von Risikomanagementmaßnahmen',
    titleEn: 'Policies and procedures to assess effectiveness of risk-management measures',
    summaryDe: 'Regelmäßig prüfen, ob die Sicherheitsmaßnahmen wirken (Überprüfungen, Audits, Tests).',
    summaryEn: 'Regularly check whether the security measures actually work (reviews, audits, tests).',
    kbvCore: [],
    kbvPartial: ['KBV-A1-25', 'KBV-A3-01'],
    beyondKbv: null,
    gapDe: 'Nur Wiederherstellungstests und (Großpraxen) Lernerfolgsmessung; kein allgemeiner Prüf-/Auditzyklus.',
    gapEn: 'Only backup restore tests and (large practices) training-success measurement; no general review/audit cycle.',
  },
  {
    id: 'BSIG-30-2-07',
    number: 7,
    legalBasis: '§ 30 Abs. 2 Satz 2 Nr. 7 BSIG',
    nis2Article: 'Art. 21(2)(g) NIS2',
    titleDe: 'Grundlegende Verfahren im Bereich der Cyberhygiene und Schulungen im Bereich der Sicherheit in der Informationstechnik',
    titleEn: 'Basic cyber-hygiene practices and cybersecurity training',
    summaryDe: 'Grundlegende Cyberhygiene (Updates, Schadsoftwareschutz, sichere Konfiguration, Passwörter) umsetzen und Personal schulen.',
    summaryEn: 'Apply basic cyber hygiene (updates, malware protection, secure configuration, passwords) and train staff.',
    kbvCore: ['KBV-A1-08', 'KBV-A1-09', 'KBV-A1-10', 'KBV-A1-20', 'KBV-A1-19', 'KBV-A1-41'],
    kbvPartial: ['KBV-A1-06', 'KBV-A3-01', 'KBV-A1-31'],
    beyondKbv: null,
    gapDe:
      'Für Beschäftigte gut abgedeckt; die eigene Schulungspflicht der Geschäftsleitung nach § 38 Abs. 3 BSIG geht über KBV A1-08 (Sensibilisierung der Praxisleitung) hinaus.',
    gapEn:
      'Well covered for staff; the separate training duty for management under § 38(3) BSIG goes further than KBV A1-08 (awareness of practice management).',
  },
  {
    id: 'BSIG-30-2-08',
    number: 8,
    legalBasis: '§ 30 Abs. 2 Satz 2 Nr. 8 BSIG',
    nis2Article: 'Art. 21(2)(h) NIS2',
    titleDe: 'Konzepte und Verfahren für den Einsatz von Kryptografie und Verschlüsselung',
    titleEn: 'Policies and procedures on cryptography and encryption',
    summaryDe: 'Festlegen, wo und wie Kryptografie/Verschlüsselung eingesetzt wird (gespeicherte und übertragene Daten, Schlüssel).',
    summaryEn: 'Decide where and how cryptography/encryption is used (data at rest, in transit, keys).',
    kbvCore: [],
    kbvPartial: ['KBV-A1-49', 'KBV-A1-43', 'KBV-A1-22', 'KBV-A2-02', 'KBV-A2-08', 'KBV-A3-03', 'KBV-A3-09', 'KBV-A3-13', 'KBV-A3-14', 'KBV-A5-07'],
    beyondKbv: null,
    gapDe: 'Viele Einzelanforderungen zur Verschlüsselung, aber kein übergreifendes Kryptokonzept und keine Schlüsselverwaltung.',
    gapEn: 'Many individual encryption requirements, but no overall cryptography concept or key-management rules.',
  },
  {
    id: 'BSIG-30-2-09',
    number: 9,
    legalBasis: '§ 30 Abs. 2 Satz 2 Nr. 9 BSIG',
    nis2Article: 'Art. 21(2)(i) NIS2',
    titleDe: 'Sicherheit des Personals, Konzepte für die Zugriffskontrolle und Management von Anlagen',
    titleEn: 'Human-resources security, access-control policies and asset management',
    summaryDe: 'Personal über den gesamten Beschäftigungszyklus absichern, Zugriffe steuern und ein Verzeichnis der IT-Werte führen.',
    summaryEn: 'Secure the staff life cycle, control who can access what, and keep an inventory of IT assets.',
    kbvCore: ['KBV-A1-01', 'KBV-A1-02', 'KBV-A1-03', 'KBV-A1-04', 'KBV-A1-05', 'KBV-A1-07', 'KBV-A1-26', 'KBV-A2-03'],
    kbvPartial: ['KBV-A1-12', 'KBV-A1-13', 'KBV-A1-28', 'KBV-A3-08', 'KBV-A4-05', 'KBV-A2-04'],
    beyondKbv: { de: 'Management von Anlagen (ein vollständiges Verzeichnis der IT-Werte)', en: 'asset management (a complete inventory of IT assets)' },
    gapDe: 'Personal und Zugriffssteuerung sind abgedeckt; ein vollständiges Asset-Verzeichnis ergibt sich nur mittelbar aus der Netzdokumentation.',
    gapEn: 'Personnel and access control are covered; a complete asset inventory is only implied via the network documentation.',
  },
  {
    id: 'BSIG-30-2-10',
    number: 10,
    legalBasis: '§ 30 Abs. 2 Satz 2 Nr. 10 BSIG',
    nis2Article: 'Art. 21(2)(j) NIS2',
    titleDe:
      'Multi-Faktor-Authentifizierung oder kontinuierliche Authentifizierung, gesicherte Sprach-, Video- und Textkommunikation sowie gegebenenfalls gesicherte Notfallkommunikation',
    titleEn: 'MFA or continuous authentication, secured voice/video/text communication and secured emergency communication where appropriate',
    summaryDe:
      'Wo angemessen Mehr-Faktor- oder kontinuierliche Authentifizierung nutzen, Sprach-, Video- und Textkommunikation schützen und eine gesicherte Notfallkommunikation vorsehen.',
    summaryEn:
      'Use multi-factor or continuous authentication where appropriate, protect voice/video/text communication and provide secure emergency communication.',
    kbvCore: [],
    kbvPartial: ['KBV-A1-26', 'KBV-A1-45', 'KBV-A2-08', 'KBV-A5-07'],
    beyondKbv: null,
    gapDe:
      'Die KBV-Richtlinie kennt keine allgemeine MFA-Pflicht für Praxissysteme oder Fernzugänge (TI-Karten sind nur für die TI zweifaktoriell) und nichts zur Notfallkommunikation.',
    gapEn:
      'KBV has no general MFA requirement for practice systems or remote access (TI smart cards are two-factor by design but only for TI use) and nothing on emergency communication.',
  },
];

/** Duties NIS2 adds beyond the KBV guideline, for the "what else do we need" view. */
export interface Nis2Addition {
  id: string;
  legalBasis: string;
  de: string;
  en: string;
}

export const nis2BeyondKbv: readonly Nis2Addition[] = [
  {
    id: 'incident_reporting',
    legalBasis: '§ 32 BSIG',
    de: 'Erhebliche Sicherheitsvorfälle an das BSI melden: frühe Erstmeldung binnen 24 Stunden, Meldung binnen 72 Stunden, Abschlussmeldung nach einem Monat. Die KBV-Richtlinie kennt keine Meldepflicht.',
    en: 'Report significant incidents to the BSI: early warning within 24 hours, notification within 72 hours, final report after one month. The KBV guideline has no reporting duty.',
  },
  {
    id: 'registration',
    legalBasis: '§ 33 BSIG',
    de: 'Die Einrichtung spätestens drei Monate, nachdem sie betroffen ist, beim BSI registrieren.',
    en: 'Register the entity with the BSI at the latest three months after it comes into scope.',
  },
  {
    id: 'risk_analysis_and_documentation',
    legalBasis: '§ 30 Abs. 1 und Abs. 2 Nr. 1 BSIG',
    de: 'Eine dokumentierte Risikoanalyse und Sicherheitskonzepte; außerdem muss die Umsetzung der Maßnahmen dokumentiert werden.',
    en: 'A documented risk analysis and security policies; the implementation of the measures must be documented as well.',
  },
  {
    id: 'supply_chain',
    legalBasis: '§ 30 Abs. 2 Nr. 4 BSIG',
    de: 'Risiken durch Lieferanten und Dienstleister strukturiert bewerten und Sicherheitsanforderungen vertraglich festlegen.',
    en: 'Assess supplier and service-provider risks in a structured way and set security requirements in contracts.',
  },
  {
    id: 'business_continuity',
    legalBasis: '§ 30 Abs. 2 Nr. 3 BSIG',
    de: 'Notfall- und Krisenmanagement, das über die Datensicherung hinausgeht (z. B. Notfallhandbuch, Wiederanlauf).',
    en: 'Emergency and crisis management that goes beyond backups (e.g. emergency manual, restart plans).',
  },
  {
    id: 'effectiveness_review',
    legalBasis: '§ 30 Abs. 2 Nr. 6 BSIG',
    de: 'Regelmäßig prüfen, ob die Maßnahmen wirken.',
    en: 'Check regularly whether the measures work.',
  },
  {
    id: 'mfa_and_emergency_communication',
    legalBasis: '§ 30 Abs. 2 Nr. 10 BSIG',
    de: 'Mehr-Faktor-Anmeldung, wo angemessen, und ein gesicherter Kommunikationsweg für Notfälle.',
    en: 'Multi-factor authentication where appropriate and a secured channel for emergency communication.',
  },
  {
    id: 'management_duties',
    legalBasis: '§ 38 BSIG',
    de: 'Die Geschäftsleitung muss die Maßnahmen billigen (Art. 20 Abs. 1 NIS2-Richtlinie), sie umsetzen, ihre Umsetzung überwachen und regelmäßig an Schulungen teilnehmen; sie kann das nicht an die IT abgeben und haftet bei Verstößen der Einrichtung.',
    en: 'Management must approve the measures (Art. 20(1) NIS2 Directive), implement them, oversee their implementation and attend training regularly; it cannot delegate this to IT and is liable to the entity for breaches.',
  },
  {
    id: 'fines_and_supervision',
    legalBasis: '§§ 61, 62, 65 BSIG',
    de: 'Aufsicht durch das BSI und Bußgelder bis 10 Mio. EUR bzw. 7 Mio. EUR (oder 2 % bzw. 1,4 % des weltweiten Umsatzes). Die KBV-Richtlinie sieht keine Bußgelder vor.',
    en: 'Supervision by the BSI and fines up to EUR 10 million or 7 million (or 2 % or 1.4 % of worldwide turnover). The KBV guideline has no fines.',
  },
];
