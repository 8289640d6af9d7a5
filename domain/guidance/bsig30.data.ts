import type { RequirementGuidance } from './guidance.types.ts';
import { guidance } from './guidance-entry.ts';

/**
 * Guidance on the ten risk-management measures of § 30 Abs. 2 Satz 2 BSIG, in catalog order. Written in our own
 * words from the measure's wording; the steps reuse what the KBV requirements and the registers of the app already
 * hold, and add what the measure asks beyond them (see beyondKbv and the gaps in domain/nis2/measures.data.ts).
 */
export const bsig30Guidance: readonly RequirementGuidance[] = [
  guidance('BSIG-30-2-01', {
    stepsDe: [
      'Erfassen Sie im Menü „Risiken“ die wichtigsten Risiken der Praxis, am einfachsten aus den Vorlagen (z. B. Verschlüsselungsangriff, Ausfall des Konnektors, Phishing), jeweils mit Wahrscheinlichkeit, Auswirkung und Maßnahmen.',
      'Lassen Sie die Geschäftsleitung über die Risiken entscheiden, die trotz der Maßnahmen hoch bleiben: weiter verringern oder bewusst tragen.',
      'Schreiben Sie eine kurze Leitlinie zur Informationssicherheit: warum sie für die Praxis wichtig ist, wer wofür zuständig ist und welche Regeln für alle gelten.',
      'Halten Sie fest, wie die IT-Systeme geschützt werden (Sicherheitskonzept); der Umsetzungsstand der KBV-Anforderungen im Anforderungskatalog ist dafür eine gute Grundlage.',
      'Lassen Sie Leitlinie und Konzept von der Geschäftsleitung billigen und legen Sie fest, wann beide überprüft werden, z. B. jährlich und nach jedem größeren Vorfall.',
    ],
    stepsEn: [
      'Record the practice’s main risks under “Risks”, most easily from the templates (e.g. ransomware attack, connector failure, phishing), each with likelihood, impact and measures.',
      'Have management decide on the risks that stay high despite the measures: reduce them further or accept them knowingly.',
      'Write a short information security policy: why it matters to the practice, who is responsible for what and which rules apply to everyone.',
      'Record how the IT systems are protected (security concept); the implementation status of the KBV requirements in the requirements catalogue is a good basis for it.',
      'Have management approve the policy and the concept, and set when both are reviewed, e.g. yearly and after every major incident.',
    ],
    evidenceDe: [
      'Die Leitlinie zur Informationssicherheit, von der Geschäftsleitung unterschrieben und datiert',
      'Das Risikoregister im Menü „Risiken“ mit Bewertungen und Entscheidungen der Geschäftsleitung',
      'Das Sicherheitskonzept oder der Umsetzungsstand im Anforderungskatalog, mit dem Datum der letzten Überprüfung',
    ],
    evidenceEn: [
      'The information security policy, signed and dated by management',
      'The risk register under “Risks” with the ratings and management’s decisions',
      'The security concept or the implementation status in the requirements catalogue, with the date of the last review',
    ],
  }),
  guidance('BSIG-30-2-02', {
    stepsDe: [
      'Schreiben Sie einen einseitigen Ablauf: wer einen Vorfall bemerkt, meldet ihn sofort an wen; wer entscheidet, ob Geräte vom Netz gehen; wer den IT-Dienstleister holt.',
      'Tragen Sie die Eskalationskette (IT, Geschäftsleitung, Datenschutz) auf der Seite „Registrierung (§ 33)“ ein, mit Telefonnummern und Vertretungen.',
      'Sagen Sie allen Beschäftigten, woran sie einen Vorfall erkennen (z. B. verschlüsselte Dateien, seltsame E-Mails, unbekannte Anmeldungen) und dass sie ihn sofort melden sollen, ohne Ärger befürchten zu müssen.',
      'Erfassen Sie jeden Vorfall im Menü „Sicherheitsvorfälle“; dort sehen Sie die Meldefristen an das BSI (§ 32 BSIG) und an die Datenschutzaufsicht (Art. 33 DSGVO).',
      'Vereinbaren Sie mit dem IT-Dienstleister, wie schnell er bei einem Vorfall hilft und wie die Systeme aus der Datensicherung wiederhergestellt werden.',
      'Spielen Sie den Ablauf einmal im Jahr an einem ausgedachten Fall durch und besprechen Sie nach jedem echten Vorfall, was sich verbessern lässt.',
    ],
    stepsEn: [
      'Write a one-page procedure: whoever notices an incident reports it to whom at once; who decides whether devices are taken off the network; who calls the IT service provider.',
      'Enter the escalation chain (IT, management, data protection) on the “Registration (§ 33)” page, with phone numbers and deputies.',
      'Tell all staff how to recognise an incident (e.g. encrypted files, strange e-mails, unknown sign-ins) and that they should report it at once without fear of blame.',
      'Record every incident under “Security incidents”, where you see the reporting deadlines to the BSI (§ 32 BSIG) and to the data protection authority (Art. 33 GDPR).',
      'Agree with the IT service provider how quickly they help in an incident and how systems are restored from the backup.',
      'Walk through the procedure once a year with an invented case, and after every real incident discuss what can be improved.',
    ],
    evidenceDe: [
      'Der Ablauf bei Sicherheitsvorfällen, datiert und von der Geschäftsleitung freigegeben',
      'Die eingetragene Eskalationskette auf der Seite „Registrierung (§ 33)“',
      'Das Protokoll der letzten Übung oder der Nachbesprechung eines Vorfalls',
      'Die Vereinbarung mit dem IT-Dienstleister über Hilfe bei Vorfällen',
    ],
    evidenceEn: [
      'The incident procedure, dated and approved by management',
      'The escalation chain entered on the “Registration (§ 33)” page',
      'The record of the last exercise or of the review of an incident',
      'The agreement with the IT service provider on help with incidents',
    ],
  }),
  guidance('BSIG-30-2-03', {
    stepsDe: [
      'Lassen Sie sich vom IT-Dienstleister bestätigen, dass nach der 3-2-1-Regel gesichert wird: drei Kopien auf zwei verschiedenen Speichern, davon eine außer Haus und offline oder unveränderbar.',
      'Lassen Sie regelmäßig eine Wiederherstellung aus der Sicherung testen und Dauer und Ergebnis festhalten.',
      'Schreiben Sie einen Notfallplan auf zwei Seiten: wer im Notfall entscheidet, wie die Versorgung ohne IT weiterläuft (Papierformulare, Telefonliste) und in welcher Reihenfolge die Systeme wieder anlaufen.',
      'Legen Sie die wichtigsten Kontakte auf Papier bereit: IT-Dienstleister, Hersteller der Praxisverwaltung, TI-Dienstleister und Geschäftsleitung.',
      'Legen Sie fest, wer in einer Krise mit Patientinnen und Patienten, Beschäftigten und Behörden spricht.',
      'Üben Sie den Notfallplan einmal im Jahr, z. B. einen Vormittag ohne Praxisverwaltung, und passen Sie ihn danach an.',
    ],
    stepsEn: [
      'Have the IT service provider confirm that backups follow the 3-2-1 rule: three copies on two different media, one of them off site and offline or unchangeable.',
      'Have a restore from the backup tested regularly and its duration and result recorded.',
      'Write a two-page emergency plan: who decides in an emergency, how care continues without IT (paper forms, phone list) and in which order systems are brought back.',
      'Keep the most important contacts on paper: IT service provider, vendor of the practice management system, TI service provider and management.',
      'Decide who speaks to patients, staff and authorities in a crisis.',
      'Rehearse the emergency plan once a year, e.g. a morning without the practice management system, and adjust it afterwards.',
    ],
    evidenceDe: [
      'Der Notfallplan, datiert und von der Geschäftsleitung freigegeben',
      'Bericht des IT-Dienstleisters zur Datensicherung (was gesichert wird, wo, letzte erfolgreiche Sicherung)',
      'Das Protokoll des letzten Wiederherstellungstests',
      'Das Protokoll der letzten Notfallübung',
    ],
    evidenceEn: [
      'The emergency plan, dated and approved by management',
      'A report from the IT service provider on backups (what is backed up, where, the last successful backup)',
      'The record of the last restore test',
      'The record of the last emergency exercise',
    ],
  }),
  guidance('BSIG-30-2-04', {
    stepsDe: [
      'Erfassen Sie im Menü „Dienstleister“ jeden Anbieter mit Zugriff auf IT oder Daten: IT-Dienstleister, Hersteller der Praxisverwaltung, TI-Dienstleister, Cloud-Dienste und Wartungsfirmen der Medizingeräte.',
      'Schätzen Sie für jeden ein, wie wichtig er für den Betrieb ist und ob er Patientendaten sehen kann.',
      'Schließen Sie mit jedem, der Patientendaten in Ihrem Auftrag verarbeitet, einen Vertrag zur Auftragsverarbeitung (AVV, Art. 28 DSGVO) und vermerken Sie ihn beim Dienstleister.',
      'Vereinbaren Sie mit den wichtigen Anbietern schriftlich, dass sie Sicherheitsvorfälle melden, welche Mindestanforderungen an die Sicherheit gelten und dass die Praxis prüfen darf.',
      'Legen Sie für jeden wichtigen Anbieter einen Prüftermin fest und sehen Sie dann nach, ob Verträge, Nachweise (z. B. das C5-Testat eines Cloud-Dienstes) und Kontakte noch stimmen.',
    ],
    stepsEn: [
      'Record every provider with access to IT or data under “Suppliers”: IT service provider, vendor of the practice management system, TI service provider, cloud services and the maintenance companies for medical devices.',
      'Assess for each how important it is for operations and whether it can see patient data.',
      'Sign a data processing agreement (AVV, Art. 28 GDPR) with everyone who processes patient data on your behalf, and note it with the supplier.',
      'Agree in writing with the important providers that they report security incidents, which minimum security requirements apply and that the practice may audit them.',
      'Set a review date for every important provider, and then check whether contracts, attestations (e.g. a cloud service’s C5 attestation) and contacts are still correct.',
    ],
    evidenceDe: [
      'Die Dienstleisterliste mit Bedeutung, Zugriff auf Patientendaten und nächstem Prüftermin',
      'Die Verträge zur Auftragsverarbeitung (AVV) der Anbieter mit Zugriff auf Patientendaten',
      'Sicherheitsvereinbarungen oder Vertragsklauseln zu Vorfallmeldung und Prüfrecht',
    ],
    evidenceEn: [
      'The supplier list with importance, access to patient data and the next review date',
      'The data processing agreements (AVV) of the providers with access to patient data',
      'Security agreements or contract clauses on incident reporting and audit rights',
    ],
  }),
  guidance('BSIG-30-2-05', {
    stepsDe: [
      'Schreiben Sie eine kurze Checkliste für jede Anschaffung: Liefert der Hersteller Sicherheitsupdates für die ganze Nutzungsdauer, lässt sich die Anmeldung mit einem zweiten Faktor schützen, werden Daten verschlüsselt, hat ein Cloud-Dienst ein C5-Testat?',
      'Legen Sie fest, wer Updates für Rechner, Server, Praxissoftware, Netzgeräte und Medizingeräte einspielt und wie oft geprüft wird, ob welche fehlen.',
      'Tragen Sie im Menü „Geräte & Dienste“ das Supportende der Hersteller ein und planen Sie den Ersatz von Geräten, für die es keine Updates mehr gibt.',
      'Bestimmen Sie, wer Sicherheitswarnungen liest (z. B. vom BSI oder von den Herstellern) und wie schnell kritische Lücken geschlossen werden.',
      'Lassen Sie sich vom IT-Dienstleister regelmäßig berichten, welche Updates eingespielt wurden und welche Lücken noch offen sind.',
      'Legen Sie fest, wer eine Meldung über eine Schwachstelle entgegennimmt, z. B. von einem Dienstleister, und wie die Praxis darauf reagiert.',
    ],
    stepsEn: [
      'Write a short checklist for every purchase: does the vendor supply security updates for the whole period of use, can sign-in be protected with a second factor, are data encrypted, does a cloud service have a C5 attestation?',
      'Decide who installs updates for computers, servers, practice software, network devices and medical devices, and how often it is checked whether any are missing.',
      'Enter the vendors’ end of support under “Assets” and plan to replace devices that no longer receive updates.',
      'Decide who reads security warnings (e.g. from the BSI or the vendors) and how quickly critical vulnerabilities are closed.',
      'Have the IT service provider report regularly which updates were installed and which vulnerabilities are still open.',
      'Decide who receives a report of a vulnerability, e.g. from a service provider, and how the practice responds to it.',
    ],
    evidenceDe: [
      'Die Checkliste für Anschaffungen, datiert, mit einem ausgefüllten Beispiel',
      'Update-Berichte des IT-Dienstleisters mit Zeitraum',
      'Die Geräte mit Supportende und letzten Updates im Menü „Geräte & Dienste“',
      'Die schriftliche Regel zum Umgang mit Sicherheitswarnungen und gemeldeten Schwachstellen',
    ],
    evidenceEn: [
      'The purchase checklist, dated, with a completed example',
      'Update reports from the IT service provider with the period covered',
      'The devices with end of support and latest updates under “Assets”',
      'The written rule on handling security warnings and reported vulnerabilities',
    ],
  }),
  guidance('BSIG-30-2-06', {
    stepsDe: [
      'Legen Sie einen Prüfplan fest: wer was wie oft prüft, z. B. vierteljährlich Risikoregister und Notfallplan durchsehen, jährlich eine Notfallübung und einen Wiederherstellungstest.',
      'Tragen Sie die Prüftermine im Menü „Aufgaben“ ein, jeweils mit einer zuständigen Person.',
      'Halten Sie bei jeder Prüfung in wenigen Sätzen fest, was geprüft wurde, was funktioniert hat und was nicht.',
      'Machen Sie aus jedem gefundenen Mangel eine Aufgabe mit Frist und zuständiger Person.',
      'Berichten Sie der Geschäftsleitung mindestens einmal im Jahr über die Ergebnisse, z. B. mit dem Stand aus der Übersicht.',
      'Erwägen Sie, die Maßnahmen in größeren Abständen von einer unabhängigen Fachfirma prüfen zu lassen.',
    ],
    stepsEn: [
      'Set a review plan: who checks what and how often, e.g. go through the risk register and the emergency plan quarterly, hold an emergency exercise and a restore test yearly.',
      'Enter the review dates under “Tasks”, each with a person responsible.',
      'At every review, record in a few sentences what was checked, what worked and what did not.',
      'Turn every shortcoming found into a task with a deadline and a person responsible.',
      'Report the results to management at least once a year, e.g. with the status from the overview.',
      'Consider having the measures checked by an independent specialist firm at longer intervals.',
    ],
    evidenceDe: [
      'Der Prüfplan mit Zuständigen und Terminen',
      'Die Protokolle der letzten Prüfungen mit ihren Ergebnissen',
      'Der Bericht an die Geschäftsleitung, datiert',
    ],
    evidenceEn: [
      'The review plan with the people responsible and the dates',
      'The records of the latest reviews with their results',
      'The report to management, dated',
    ],
  }),
  guidance('BSIG-30-2-07', {
    stepsDe: [
      'Sorgen Sie mit dem IT-Dienstleister für die Grundregeln auf allen Geräten: Updates, aktiver Virenschutz, Bildschirmsperre, eigene Konten statt Sammelkonten und sichere Passwörter.',
      'Legen Sie einen Schulungsplan fest: jährlich alle Beschäftigten, neue Beschäftigte beim Eintritt, die IT-Verantwortlichen zusätzlich zu ihren Aufgaben.',
      'Beginnen Sie mit einer kurzen Schulung zu Phishing: gefälschte E-Mails erkennen, nicht auf Links und Anhänge klicken, Verdächtiges sofort melden.',
      'Legen Sie die Schulungen im Menü „Schulungen“ mit ihrer Wiederholung an und erfassen Sie die Teilnahmen; die Beschäftigten bestätigen ihre Teilnahme über einen Link.',
      'Sehen Sie einmal im Jahr nach, wer noch nicht geschult ist, und holen Sie es nach.',
    ],
    stepsEn: [
      'Make sure with the IT service provider that the basics hold on every device: updates, active antivirus, screen lock, personal accounts instead of shared ones and secure passwords.',
      'Set a training plan: all staff yearly, new staff when they join, the people responsible for IT in addition for their tasks.',
      'Start with a short session on phishing: recognising fake e-mails, not clicking links and attachments, reporting anything suspicious at once.',
      'Create the courses under “Training” with their repeat interval and record attendance; staff confirm their attendance through a link.',
      'Check once a year who has not been trained yet, and catch up.',
    ],
    evidenceDe: [
      'Der Schulungsplan',
      'Die Teilnahmen bzw. bestätigten Teilnahmen im Menü „Schulungen“',
      'Bericht des IT-Dienstleisters zu Updates und Virenschutz auf allen Geräten',
    ],
    evidenceEn: [
      'The training plan',
      'The attendance and confirmed attendance under “Training”',
      'A report from the IT service provider on updates and antivirus on all devices',
    ],
  }),
  guidance('BSIG-30-2-08', {
    stepsDe: [
      'Schreiben Sie auf, wo Daten gespeichert und übertragen werden: Server, Laptops, Sicherungen, USB-Datenträger, E-Mail, Fernzugang und Cloud-Dienste.',
      'Legen Sie für jeden dieser Orte fest, ob und wie verschlüsselt wird, z. B. Festplatten von Laptops und Servern, Sicherungen, und für Patientendaten KIM (der sichere E-Mail-Dienst der Telematikinfrastruktur) statt gewöhnlicher E-Mail.',
      'Lassen Sie sich vom IT-Dienstleister bestätigen, dass die Verfahren dem Stand der Technik entsprechen, z. B. den Empfehlungen des BSI.',
      'Regeln Sie, wer die Schlüssel und Wiederherstellungscodes wo verwahrt; ohne sie sind verschlüsselte Daten verloren.',
      'Fassen Sie das auf einer Seite als Kryptokonzept zusammen und lassen Sie es von der Geschäftsleitung billigen.',
    ],
    stepsEn: [
      'Write down where data are stored and transmitted: servers, laptops, backups, USB media, e-mail, remote access and cloud services.',
      'Decide for each of these whether and how it is encrypted, e.g. the disks of laptops and servers, backups, and KIM (the secure e-mail service of the telematics infrastructure) instead of ordinary e-mail for patient data.',
      'Have the IT service provider confirm that the methods are state of the art, e.g. in line with the BSI’s recommendations.',
      'Settle who keeps the keys and recovery codes, and where; without them encrypted data are lost.',
      'Sum this up on one page as a cryptography concept and have management approve it.',
    ],
    evidenceDe: [
      'Das Kryptokonzept (was wie verschlüsselt wird, wer die Schlüssel verwahrt), datiert und gebilligt',
      'Bestätigung des IT-Dienstleisters zur eingesetzten Verschlüsselung',
      'Der Vermerk „Daten verschlüsselt gespeichert“ bei den Geräten im Menü „Geräte & Dienste“',
    ],
    evidenceEn: [
      'The cryptography concept (what is encrypted how, who keeps the keys), dated and approved',
      'Confirmation from the IT service provider of the encryption in use',
      'The note “data encrypted at rest” on the devices under “Assets”',
    ],
  }),
  guidance('BSIG-30-2-09', {
    stepsDe: [
      'Erfassen Sie im Menü „Personal“ alle Beschäftigten, Auszubildenden und externen Kräfte mit Rolle, Beginn und Ende.',
      'Verwenden Sie bei jedem Eintritt und Austritt eine Checkliste: Einweisung, Hinweis auf die Schweigepflicht, Rückgabe von Schlüsseln und Geräten, Sperren aller Zugänge am letzten Arbeitstag.',
      'Erfassen Sie im Menü „Zugänge“ für jede Person ihre Konten, Karten und Schlüssel, und vergeben Sie nur die Rechte, die sie für ihre Arbeit braucht.',
      'Erfassen Sie im Menü „Geräte & Dienste“ alle IT-Geräte, Programme und Cloud-Dienste mit Standort und verantwortlicher Person.',
      'Prüfen Sie Zugänge und Bestand regelmäßig, z. B. jedes halbe Jahr, und sperren oder entfernen Sie, was nicht mehr gebraucht wird.',
    ],
    stepsEn: [
      'Record all employees, trainees and external workers under “Staff” with their role, start and end.',
      'Use a checklist for every joiner and leaver: briefing, reminder of confidentiality, return of keys and devices, blocking all accounts on the last working day.',
      'Record each person’s accounts, cards and keys under “Access”, and grant only the rights they need for their work.',
      'Record all IT devices, programs and cloud services under “Assets” with their location and the person responsible.',
      'Review accounts and inventory regularly, e.g. every six months, and block or remove what is no longer needed.',
    ],
    evidenceDe: [
      'Das Personalverzeichnis und die ausgefüllten Checklisten für Eintritt und Austritt',
      'Die Übersicht der Zugänge mit dem Datum der letzten Prüfung',
      'Das Verzeichnis der Geräte und Dienste',
    ],
    evidenceEn: [
      'The staff register and the completed joiner and leaver checklists',
      'The overview of accounts with the date of the last review',
      'The register of assets',
    ],
  }),
  guidance('BSIG-30-2-10', {
    stepsDe: [
      'Richten Sie für alle Administrator-Konten und Fernzugänge einen zweiten Faktor ein (neben dem Passwort z. B. ein Code aus einer App auf dem Handy): Windows-Verwaltung, Praxisverwaltung, Datensicherung, VPN, Microsoft 365 und andere Cloud-Dienste.',
      'Prüfen Sie, wo ein zweiter Faktor auch für normale Konten angemessen ist, vor allem bei Zugängen aus dem Internet wie Webmail oder Cloud-Speicher.',
      'Vermerken Sie im Menü „Zugänge“ bei jedem Konto, ob der zweite Faktor eingerichtet ist.',
      'Legen Sie fest, über welche gesicherten Wege vertraulich gesprochen und geschrieben wird, z. B. KIM für Arztbriefe und eine verschlüsselte Videosprechstunde.',
      'Legen Sie einen Kommunikationsweg für Notfälle fest, der auch ohne Praxis-IT funktioniert, z. B. eine Telefonliste auf Papier und eine verschlüsselte Gruppe auf Diensthandys, und nehmen Sie ihn in den Notfallplan auf.',
    ],
    stepsEn: [
      'Set up a second factor for all administrator accounts and remote accesses (besides the password, e.g. a code from an app on the phone): Windows administration, practice management system, backup, VPN, Microsoft 365 and other cloud services.',
      'Check where a second factor is appropriate for normal accounts too, above all for access from the internet such as webmail or cloud storage.',
      'Note for each account under “Access” whether the second factor is set up.',
      'Decide which secured channels are used for confidential calls and messages, e.g. KIM for doctors’ letters and an encrypted video consultation service.',
      'Set a channel for emergencies that works without the practice IT, e.g. a phone list on paper and an encrypted group on work phones, and add it to the emergency plan.',
    ],
    evidenceDe: [
      'Die Übersicht der Zugänge im Menü „Zugänge“ mit dem Vermerk zur Mehr-Faktor-Anmeldung',
      'Screenshots der Mehr-Faktor-Einstellung der wichtigsten Administrator-Konten',
      'Die datierte Festlegung der gesicherten Kommunikationswege und des Wegs für Notfälle',
    ],
    evidenceEn: [
      'The overview of accounts under “Access” with the note on multi-factor sign-in',
      'Screenshots of the multi-factor setting of the most important administrator accounts',
      'The dated decision on the secured channels and the emergency channel',
    ],
  }),
];
