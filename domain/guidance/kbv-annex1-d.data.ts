import type { RequirementGuidance } from './guidance.types.ts';
import { dsgvo28Source, kbvSource, sgb393Source } from './kbv-annex1-sources.ts';

/**
 * Practical guidance on KBV Anlage 1 Nr. 39–50 (issue 12): steps a practice without IT staff can take, and what an
 * auditor accepts as evidence, in our own words from the requirement's title and summary, naming the places in
 * praxisschild where the work is recorded; no KBV wording. Steps beyond the requirement are examples ("z. B.").
 */
export const kbvAnnex1GuidanceD: readonly RequirementGuidance[] = [
  {
    requirementId: 'KBV-A1-39',
    stepsDe: [
      'Löschen Sie USB-Sticks und externe Festplatten vor einer Weitergabe oder Wiederverwendung nicht nur per „Löschen“ oder „Formatieren“; lassen Sie den IT-Dienstleister sie mit einem Löschprogramm sicher überschreiben.',
      'Löschen Sie neue oder fremde Datenträger vor dem ersten Gebrauch auf dieselbe Weise.',
      'Geben Sie defekte oder ausgemusterte Datenträger einem Entsorger, der die Vernichtung nach DIN 66399 (der Norm für die Vernichtung von Datenträgern) bescheinigt.',
      'Führen Sie eine Liste, welcher Datenträger wann gelöscht oder vernichtet wurde.',
    ],
    stepsEn: [
      'Before passing on or reusing USB sticks and external drives, do not just "delete" or "format" them; have the IT service provider overwrite them securely with a wiping tool.',
      'Wipe new or outside media the same way before first use.',
      'Give defective or retired media to a disposal company that certifies destruction under DIN 66399 (the standard for destroying data media).',
      'Keep a list of which medium was wiped or destroyed when.',
    ],
    evidenceDe: [
      'Lösch- und Vernichtungsprotokolle mit Datum und Datenträger, als Nachweis an dieser Anforderung hochgeladen.',
      'Die Liste der gelöschten und vernichteten Datenträger.',
      'Beim Entsorger der Vertrag (AVV) unter „Dienstleister“.',
    ],
    evidenceEn: [
      'Dated wiping and destruction records naming the medium, uploaded as evidence on this requirement.',
      'The list of wiped and destroyed media.',
      'For the disposal company, the contract (DPA) under "Suppliers".',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-39'), dsgvo28Source],
  },
  {
    requirementId: 'KBV-A1-40',
    stepsDe: [
      'Lassen Sie den IT-Dienstleister in allen E-Mail-Programmen prüfen, dass die Verbindung zum Mailserver verschlüsselt ist (Einstellung SSL/TLS oder STARTTLS).',
      'Lassen Sie einstellen, dass Bilder und Inhalte aus dem Internet nicht automatisch geladen werden und aus E-Mails keine Makros oder Programme von selbst starten.',
      'Lassen Sie sich bestätigen, dass Anhänge auf Schadsoftware geprüft werden, beim Mailanbieter oder durch den Virenschutz am Rechner.',
      'Lassen Sie neue Arbeitsplätze nur mit diesen Einstellungen einrichten, am besten zentral vorgegeben.',
    ],
    stepsEn: [
      'Have the IT service provider check in every e-mail program that the connection to the mail server is encrypted (setting SSL/TLS or STARTTLS).',
      'Have it set so that images and content from the internet are not loaded automatically and no macros or programs start by themselves from e-mails.',
      'Have it confirmed that attachments are checked for malware, by the mail provider or by the malware protection on the computer.',
      'Have new workstations set up only with these settings, preferably set centrally.',
    ],
    evidenceDe: [
      'Eine Bestätigung des IT-Dienstleisters mit den Einstellungen der E-Mail-Programme.',
      'Screenshots der Konto- und Sicherheitseinstellungen eines Beispielarbeitsplatzes, mit Datum.',
    ],
    evidenceEn: [
      'A confirmation from the IT service provider with the settings of the e-mail programs.',
      'Dated screenshots of the account and security settings of a sample workstation.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-40')],
  },
  {
    requirementId: 'KBV-A1-41',
    stepsDe: [
      'Erklären Sie dem Team: Spam und verdächtige E-Mails nicht beantworten, keine Links anklicken, keine Anhänge öffnen, sondern löschen.',
      'Legen Sie fest, ob und an wen verdächtige E-Mails vorher weitergeleitet werden, z. B. an eine Adresse des IT-Dienstleisters.',
      'Hängen Sie eine kurze Merkliste mit Erkennungszeichen aus: unbekannter Absender, Zeitdruck, Aufforderung zu Zahlungen oder zur Eingabe von Passwörtern.',
      'Nehmen Sie Spam und betrügerische E-Mails (Phishing) in die regelmäßige Schulung unter „Schulungen“ auf.',
    ],
    stepsEn: [
      'Tell the team: do not answer spam or suspicious e-mails, click no links, open no attachments, but delete them.',
      'Decide whether and to whom suspicious e-mails are forwarded first, e.g. to an address of the IT service provider.',
      'Put up a short list of warning signs: unknown sender, time pressure, requests for payments or for passwords.',
      'Include spam and fraudulent e-mails (phishing) in the regular training under "Training".',
    ],
    evidenceDe: [
      'Die Regel zum Umgang mit Spam in den schriftlichen IT-Regeln der Praxis, mit Datum.',
      'Die Teilnehmerliste der Schulung, in der das Thema behandelt wurde, unter „Schulungen“.',
    ],
    evidenceEn: [
      "The rule on handling spam in the practice's written IT rules, with its date.",
      'The attendance list of the training session that covered the topic, under "Training".',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-41')],
  },
  {
    requirementId: 'KBV-A1-42',
    stepsDe: [
      'Installieren Sie Apps auf dienstlichen Geräten nur aus dem App Store von Apple oder dem Google Play Store, nie über Links oder heruntergeladene Dateien.',
      'Schalten Sie auf Android-Geräten die Installation aus unbekannten Quellen aus.',
      'Legen Sie eine Liste der erlaubten Apps fest; mit einer Geräteverwaltung kann der IT-Dienstleister andere Apps sperren.',
      'Gehen Sie die Apps auf jedem Gerät regelmäßig durch, z. B. zweimal im Jahr, und deinstallieren Sie, was nicht mehr gebraucht wird, samt den Daten der App.',
    ],
    stepsEn: [
      "Install apps on work devices only from Apple's App Store or the Google Play Store, never via links or downloaded files.",
      'On Android devices, switch off installation from unknown sources.',
      'Keep a list of permitted apps; with device management the IT service provider can block other apps.',
      "Go through the apps on every device regularly, e.g. twice a year, and uninstall what is no longer needed, together with the app's data.",
    ],
    evidenceDe: [
      'Die Liste der erlaubten Apps mit Datum, als Nachweis an dieser Anforderung hochgeladen.',
      'Eine App-Übersicht je Gerät, als Screenshot oder Bericht der Geräteverwaltung.',
    ],
    evidenceEn: [
      'The list of permitted apps with its date, uploaded as evidence on this requirement.',
      'An overview of the apps on each device, as a screenshot or a report from the device management.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-42')],
  },
  {
    requirementId: 'KBV-A1-43',
    stepsDe: [
      'Schreiben Sie auf, welche Apps auf dienstlichen Geräten Praxisdaten speichern, z. B. Foto-Dokumentation, Scanner-App, Diktier-App oder Messenger.',
      'Fragen Sie bei jeder dieser Apps den Hersteller oder den IT-Dienstleister, ob sie die Daten verschlüsselt auf dem Gerät ablegt, und lassen Sie sich das schriftlich geben.',
      'Schalten Sie auf jedem Gerät einen Gerätecode und die Geräteverschlüsselung ein.',
      'Ersetzen Sie Apps, die Praxisdaten unverschlüsselt ablegen, durch geeignete Apps, oder nutzen Sie sie nicht mehr für Praxisdaten.',
    ],
    stepsEn: [
      'Write down which apps on work devices store practice data, e.g. photo documentation, scanner app, dictation app or messenger.',
      'For each of these apps, ask the manufacturer or the IT service provider whether it stores data on the device encrypted, and get the answer in writing.',
      'Switch on a device code and device encryption on every device.',
      'Replace apps that store practice data unencrypted with suitable ones, or stop using them for practice data.',
    ],
    evidenceDe: [
      'Die Liste der Apps mit Praxisdaten und dem Vermerk „verschlüsselt“ samt Quelle, z. B. der Angabe des Herstellers.',
      'Die Geräte unter „Geräte & Dienste“ mit der Angabe „Daten verschlüsselt gespeichert: Ja“.',
    ],
    evidenceEn: [
      'The list of apps holding practice data, marked "encrypted" with the source, e.g. the manufacturer\'s statement.',
      'The devices under "Assets" with "Data stored encrypted: Yes".',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-43')],
  },
  {
    requirementId: 'KBV-A1-44',
    stepsDe: [
      'Legen Sie fest, dass vertrauliche Daten nicht über Messenger, soziale Netzwerke oder private E-Mail verschickt werden, und nennen Sie die erlaubten Wege, z. B. KIM oder das PVS.',
      'Entziehen Sie Apps Zugriffe, die sie nicht brauchen, vor allem auf Kontakte, Fotos und Standort.',
      'Lassen Sie die Sicherung von App-Daten in private Cloud-Konten (z. B. iCloud oder Google) für Praxisdaten abschalten, auf Wunsch über die Geräteverwaltung.',
      'Nehmen Sie die Regel in die IT-Regeln auf und sprechen Sie sie in der Schulung an.',
    ],
    stepsEn: [
      'Decide that confidential data is not sent via messengers, social networks or private e-mail, and name the permitted routes, e.g. KIM or the practice software.',
      'Withdraw permissions that apps do not need, above all to contacts, photos and location.',
      'Have the backup of app data to private cloud accounts (e.g. iCloud or Google) switched off for practice data, if desired through device management.',
      'Put the rule into the IT rules and cover it in training.',
    ],
    evidenceDe: [
      'Die Regel zu den erlaubten Übermittlungswegen, mit Datum.',
      'Screenshots oder ein Bericht der Geräteverwaltung zu App-Berechtigungen und abgeschalteter Cloud-Sicherung.',
    ],
    evidenceEn: [
      'The rule on permitted transmission routes, with its date.',
      'Screenshots or a device-management report on app permissions and the cloud backup switched off.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-44')],
  },
  {
    requirementId: 'KBV-A1-45',
    stepsDe: [
      'Klären Sie mit Ihrem Webdienstleister, ob die Praxis selbst eine Webanwendung mit geschützten Bereichen betreibt, z. B. ein Patientenportal oder einen Download für Befunde. Wenn nicht, setzen Sie diese Anforderung mit Begründung auf „nicht anwendbar“.',
      'Lassen Sie sich bestätigen, dass jeder geschützte Bereich erst nach einer Anmeldung erreichbar ist, auch über direkte Links.',
      'Verlangen Sie eine sichere Anmeldung: ausreichend lange Passwörter, die nicht im Klartext gespeichert werden, und für Verwaltungszugänge einen zweiten Faktor (z. B. App auf dem Handy).',
      'Erfassen Sie den Betreiber der Webanwendung unter „Dienstleister“.',
    ],
    stepsEn: [
      'Clarify with your web provider whether the practice itself operates a web application with protected areas, e.g. a patient portal or a download for findings. If not, set this requirement to "not applicable" with the reason.',
      'Have it confirmed that every protected area can be reached only after signing in, also through direct links.',
      'Require a secure sign-in: passwords of sufficient length that are not stored in plain text, and a second factor for administrative access (e.g. an app on a phone).',
      'Record the operator of the web application under "Suppliers".',
    ],
    evidenceDe: [
      'Die schriftliche Bestätigung des Betreibers oder Entwicklers zu den Anmeldeverfahren.',
      'Der Bericht eines Sicherheitstests der Webanwendung, falls einer gemacht wurde.',
    ],
    evidenceEn: [
      "The operator's or developer's written confirmation of the sign-in methods.",
      'The report of a security test of the web application, if one was done.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-45')],
  },
  {
    requirementId: 'KBV-A1-46',
    stepsDe: [
      'Lassen Sie sich vom Betreiber bestätigen, dass die Webanwendung nur verschlüsselt erreichbar ist: Die Adresse beginnt mit https://, unverschlüsselte Aufrufe werden umgeleitet.',
      'Lassen Sie prüfen, dass vertrauliche Daten nicht in der Adresszeile (URL) stehen und nicht im Zwischenspeicher von Browsern oder Servern liegen bleiben.',
      'Lassen Sie sich bestätigen, dass gespeicherte vertrauliche Daten verschlüsselt abgelegt sind.',
      'Vereinbaren Sie, dass das Sicherheitszertifikat der Adresse rechtzeitig verlängert wird.',
    ],
    stepsEn: [
      'Have the operator confirm that the web application can be reached only encrypted: the address starts with https://, unencrypted requests are redirected.',
      'Have it checked that confidential data does not appear in the address bar (URL) and is not left in the cache of browsers or servers.',
      'Have it confirmed that stored confidential data is kept encrypted.',
      'Agree that the security certificate of the address is renewed in time.',
    ],
    evidenceDe: [
      'Die Bestätigung des Betreibers zur Verschlüsselung bei Übertragung und Speicherung.',
      'Das datierte Ergebnis eines Tests der verschlüsselten Verbindung, z. B. als Screenshot eines frei verfügbaren Prüfdienstes.',
    ],
    evidenceEn: [
      "The operator's confirmation of encryption in transit and at rest.",
      'The dated result of a test of the encrypted connection, e.g. a screenshot from a freely available checking service.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-46')],
  },
  {
    requirementId: 'KBV-A1-47',
    stepsDe: [
      'Fragen Sie den Betreiber der Webanwendung, ob eine Web Application Firewall davor geschaltet ist, also ein Filter, der Angriffe auf Webanwendungen erkennt und abwehrt.',
      'Fehlt sie, lassen Sie eine einrichten, z. B. als Leistung des Hosting-Anbieters.',
      'Lassen Sie sich bestätigen, dass die Regeln der Firewall aktuell gehalten und ihre Meldungen ausgewertet werden.',
    ],
    stepsEn: [
      'Ask the operator of the web application whether a web application firewall sits in front of it, i.e. a filter that detects and blocks attacks on web applications.',
      'If there is none, have one set up, e.g. as a service of the hosting provider.',
      "Have it confirmed that the firewall's rules are kept up to date and its alerts are reviewed.",
    ],
    evidenceDe: [
      'Die Bestätigung des Betreibers oder der Hosting-Vertrag mit der Leistung „Web Application Firewall“.',
      'Ein Auszug aus der Konfiguration oder einem Bericht der Firewall.',
    ],
    evidenceEn: [
      "The operator's confirmation or the hosting contract listing the web application firewall.",
      "An extract from the firewall's configuration or from one of its reports.",
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-47')],
  },
  {
    requirementId: 'KBV-A1-48',
    stepsDe: [
      'Fragen Sie den Betreiber, wie die Webanwendung das massenhafte Ausprobieren von Passwörtern und automatisierte Massenabfragen verhindert.',
      'Lassen Sie Schutzmechanismen einrichten: begrenzte Anmeldeversuche, eine Wartezeit nach Fehlversuchen und bei offenen Formularen eine Prüfung gegen automatische Eingaben (z. B. ein Captcha).',
      'Lassen Sie sich bestätigen, dass auffällige Zugriffe protokolliert werden und der Betreiber die Praxis bei einem Angriff informiert.',
    ],
    stepsEn: [
      'Ask the operator how the web application prevents mass password guessing and automated mass queries.',
      'Have protection set up: limited sign-in attempts, a waiting time after failed attempts and, on open forms, a check against automated input (e.g. a captcha).',
      'Have it confirmed that unusual access is logged and that the operator informs the practice of an attack.',
    ],
    evidenceDe: [
      'Die Bestätigung des Betreibers zu den eingerichteten Schutzmechanismen.',
      'Ein kurzes Testprotokoll, z. B. dass die Anmeldung nach mehreren Fehlversuchen gebremst wird.',
    ],
    evidenceEn: [
      "The operator's confirmation of the protection in place.",
      'A short test record, e.g. showing that sign-in is slowed down after several failed attempts.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-48')],
  },
  {
    requirementId: 'KBV-A1-49',
    stepsDe: [
      'Schreiben Sie auf, über welche Internetanwendungen die Praxis vertrauliche Daten überträgt oder ablegt, z. B. Online-Terminbuchung, Laborportal, Abrechnungsportal der KV oder Online-Speicher.',
      'Prüfen Sie bei jeder, ob die Verbindung verschlüsselt ist (https:// und Schloss-Symbol in der Adresszeile), und lassen Sie sich vom Anbieter bestätigen, dass gespeicherte Daten verschlüsselt sind.',
      'Verschicken Sie Patientendaten nicht per gewöhnlicher E-Mail, sondern z. B. über KIM oder ein verschlüsseltes Verfahren.',
      'Erfassen Sie die Anbieter unter „Dienstleister“, mit AVV, wenn sie Patientendaten erhalten.',
    ],
    stepsEn: [
      'Write down which internet applications the practice uses to transmit or store confidential data, e.g. online appointment booking, laboratory portal, the KV billing portal or online storage.',
      'For each, check that the connection is encrypted (https:// and a padlock in the address bar), and have the provider confirm that stored data is encrypted.',
      'Do not send patient data by ordinary e-mail, but e.g. via KIM or an encrypted method.',
      'Record the providers under "Suppliers", with a DPA where they receive patient data.',
    ],
    evidenceDe: [
      'Die Liste der genutzten Internetanwendungen mit einem Vermerk zur Verschlüsselung, mit Datum.',
      'Die Bestätigungen oder Sicherheitsunterlagen der Anbieter, bei ihren Einträgen unter „Dienstleister“.',
    ],
    evidenceEn: [
      'The dated list of internet applications in use with a note on encryption.',
      'The providers\' confirmations or security documents, with their entries under "Suppliers".',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-49'), dsgvo28Source],
  },
  {
    requirementId: 'KBV-A1-50',
    stepsDe: [
      'Schreiben Sie auf, welche Cloud-Dienste Praxisdaten speichern oder verarbeiten, z. B. Online-Terminbuchung, Datensicherung in der Cloud, PVS aus dem Rechenzentrum, E-Mail oder Videosprechstunde, und erfassen Sie sie unter „Dienstleister“.',
      'Fordern Sie von jedem Anbieter, der Gesundheits- oder Sozialdaten verarbeitet, das aktuelle C5-Testat des BSI an (einen Prüfbericht über die Sicherheit des Cloud-Dienstes) oder den Nachweis der Gleichwertigkeit; seit dem 1. Juli 2025 muss es ein Testat vom Typ 2 sein.',
      'Prüfen Sie, ob das Testat den genutzten Dienst und seine Rechenzentren umfasst, und tragen Sie Art und Gültigkeit ein; praxisschild erinnert vor dem Ablauf.',
      'Schließen Sie mit jedem Anbieter, der Patientendaten verarbeitet, einen Auftragsverarbeitungsvertrag (AVV).',
      'Kann ein Anbieter keinen Nachweis liefern, beenden Sie die Nutzung für Gesundheitsdaten und ziehen Sie die Daten zu einem Anbieter mit Nachweis um.',
    ],
    stepsEn: [
      'Write down which cloud services store or process practice data, e.g. online appointment booking, cloud backup, practice software from a data centre, e-mail or video consultation, and record them under "Suppliers".',
      'Ask every provider that processes health or social data for its current C5 attestation from the BSI (an audit report on the security of the cloud service) or the evidence of equivalence; since 1 July 2025 an attestation must be of type 2.',
      'Check that the attestation covers the service you use and its data centres, and enter its type and validity; praxisschild reminds you before it expires.',
      'Sign a data processing agreement (DPA) with every provider that processes patient data.',
      'If a provider cannot supply the evidence, stop using it for health data and move the data to a provider that can.',
    ],
    evidenceDe: [
      'Das C5-Testat oder der Gleichwertigkeitsnachweis je Cloud-Dienst, beim Anbieter unter „Dienstleister“ erfasst.',
      'Der unterschriebene AVV je Anbieter unter „Dienstleister“.',
      'Die Liste der Cloud-Dienste mit dem Datum der letzten Prüfung.',
    ],
    evidenceEn: [
      'The C5 attestation or evidence of equivalence for each cloud service, recorded with the provider under "Suppliers".',
      'The signed DPA for each provider under "Suppliers".',
      'The list of cloud services with the date of the last review.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-50'), sgb393Source, dsgvo28Source],
  },
];
