import type { RequirementGuidance } from './guidance.types.ts';
import { guidance } from './guidance-entry.ts';

/**
 * Guidance on KBV Anlage 2 (medium and large practices), in catalog order. Written in our own words from the
 * requirement's title and summary; no sentence of the guideline is quoted.
 */
export const kbvAnnex2Guidance: readonly RequirementGuidance[] = [
  guidance('KBV-A2-01', {
    stepsDe: [
      'Lassen Sie sich vom IT-Dienstleister die Netzgeräte nennen, die Ereignisse aufzeichnen können: Router, Firewall, Switches, WLAN-Zugangspunkte und Server.',
      'Bitten Sie ihn, dort die Aufzeichnung (Protokollierung) einzuschalten und alle Aufzeichnungen an einer Stelle zu sammeln, z. B. auf dem Server oder in der Verwaltung der Firewall.',
      'Legen Sie gemeinsam fest, welche Ereignisse sofort eine Nachricht auslösen: Ausfall eines Geräts, Hardwarefehler, wiederholt fehlgeschlagene Anmeldungen und Überlastung.',
      'Schreiben Sie auf, wer diese Nachrichten bekommt (Name, E-Mail-Adresse oder Handynummer) und wer vertritt, wenn diese Person nicht da ist.',
      'Lassen Sie einmal eine Testnachricht auslösen und prüfen Sie, ob sie bei der zuständigen Person ankommt.',
    ],
    stepsEn: [
      'Ask the IT service provider to name the network devices that can record events: router, firewall, switches, Wi-Fi access points and servers.',
      'Ask them to switch on recording (logging) there and to collect all records in one place, e.g. on the server or in the firewall’s management console.',
      'Agree together which events trigger a message at once: a device failing, hardware faults, repeated failed sign-ins and overload.',
      'Write down who receives these messages (name, e-mail address or mobile number) and who stands in when that person is away.',
      'Have a test message triggered once and check that it reaches the person responsible.',
    ],
    evidenceDe: [
      'Kurze, datierte Beschreibung des IT-Dienstleisters: welche Geräte aufzeichnen, wo die Aufzeichnungen liegen und wer benachrichtigt wird',
      'Screenshot der Alarm-Einstellungen an Firewall oder Router',
      'Die weitergeleitete Testnachricht mit Datum, als Nachweis an dieser Anforderung hochgeladen',
    ],
    evidenceEn: [
      'A short, dated description from the IT service provider: which devices record, where the records are kept and who is notified',
      'A screenshot of the alert settings on the firewall or router',
      'The forwarded test message with its date, uploaded as evidence on this requirement',
    ],
  }),
  guidance('KBV-A2-02', {
    stepsDe: [
      'Schreiben Sie auf, mit welchen Stellen die Praxisrechner Daten austauschen: Praxisverwaltung, Labor, KIM, E-Mail, Online-Banking, Fernwartung und Cloud-Dienste.',
      'Fragen Sie den IT-Dienstleister bei jeder Verbindung, ob sie verschlüsselt ist und ob das Verfahren dem Stand der Technik entspricht; im Browser erkennen Sie das an „https“ und dem Schloss-Symbol.',
      'Lassen Sie unverschlüsselte Verbindungen umstellen, z. B. das E-Mail-Programm auf verschlüsselte Übertragung (TLS) und den Fernzugang auf ein VPN, also einen verschlüsselten Tunnel ins Praxisnetz.',
      'Wo eine Verbindung nicht verschlüsselt werden kann (z. B. bei einem alten Gerät), schreiben Sie den Grund auf und klären Sie mit dem IT-Dienstleister, ob das Gerät abgeschirmt oder ersetzt wird.',
      'Bitten Sie das Team, Warnungen des Browsers zu unsicheren Verbindungen nicht wegzuklicken, sondern der Praxisleitung zu melden.',
    ],
    stepsEn: [
      'Write down with whom the practice computers exchange data: practice management system, laboratory, KIM, e-mail, online banking, remote maintenance and cloud services.',
      'Ask the IT service provider for each connection whether it is encrypted and whether the method is state of the art; in a browser you can tell by “https” and the padlock symbol.',
      'Have unencrypted connections changed, e.g. the mail program to encrypted transfer (TLS) and remote access to a VPN, an encrypted tunnel into the practice network.',
      'Where a connection cannot be encrypted (e.g. an old device), write down why and agree with the IT service provider whether the device is shielded or replaced.',
      'Ask the team not to click away browser warnings about insecure connections but to report them to the practice manager.',
    ],
    evidenceDe: [
      'Liste der Verbindungen mit dem Vermerk „verschlüsselt ja/nein“, vom IT-Dienstleister bestätigt und datiert',
      'Screenshots der Verschlüsselungseinstellungen, z. B. im E-Mail-Programm oder beim VPN-Zugang',
      'Die begründeten Ausnahmen mit dem Plan, wie sie beseitigt werden',
    ],
    evidenceEn: [
      'A list of the connections marked “encrypted yes/no”, confirmed and dated by the IT service provider',
      'Screenshots of the encryption settings, e.g. in the mail program or for VPN access',
      'The exceptions with their reasons and the plan for removing them',
    ],
  }),
  guidance('KBV-A2-03', {
    stepsDe: [
      'Schreiben Sie für jede Person auf, welche Programme, Ordner und Geräte sie für ihre Arbeit braucht; ihre Zugänge erfassen Sie im Menü „Zugänge“.',
      'Lassen Sie den IT-Dienstleister die Rechte danach einstellen: Wer nur Termine vergibt, braucht z. B. keinen Zugriff auf die Buchhaltung.',
      'Administrator-Rechte, also das Recht, Programme zu installieren und Einstellungen zu ändern, bekommen nur die IT-Verantwortlichen; auch sie arbeiten im Alltag mit einem normalen Konto.',
      'Vergeben Sie zusätzliche Rechte nur auf Anfrage mit kurzer Begründung und nehmen Sie sie wieder weg, sobald die Aufgabe entfällt.',
      'Prüfen Sie die Rechte regelmäßig mit dem IT-Dienstleister, z. B. jedes halbe Jahr, und halten Sie das Ergebnis mit Datum fest.',
    ],
    stepsEn: [
      'Write down for each person which programs, folders and devices they need for their work; record their accounts under “Access”.',
      'Have the IT service provider set the rights accordingly: someone who only books appointments does not need access to the accounts, for example.',
      'Administrator rights, the right to install programs and change settings, go only to the people responsible for IT; they too use a normal account for everyday work.',
      'Grant extra rights only on request with a short reason, and withdraw them as soon as the task ends.',
      'Review the rights regularly with the IT service provider, e.g. every six months, and record the result with its date.',
    ],
    evidenceDe: [
      'Übersicht der Rechte je Person oder Rolle (z. B. ein Export aus der Praxisverwaltung), datiert',
      'Protokoll der letzten Überprüfung der Rechte mit Ergebnis und Unterschrift',
      'Die Zugänge je Person im Menü „Zugänge“ mit Vermerk der Administrator-Konten',
    ],
    evidenceEn: [
      'An overview of the rights per person or role (e.g. an export from the practice management system), dated',
      'The record of the last review of rights with its result and a signature',
      'Each person’s accounts under “Access”, with administrator accounts marked',
    ],
  }),
  guidance('KBV-A2-04', {
    stepsDe: [
      'Fragen Sie den IT-Dienstleister, ob die Praxisrechner in einer Windows-Domäne sind, ob also die Anmeldung zentral über einen Server (Active Directory) läuft; wenn nicht, gilt diese Anforderung nicht.',
      'Lassen Sie sich bestätigen, dass die Anmeldung über Kerberos läuft, das sichere Standardverfahren von Windows dafür.',
      'Bitten Sie ihn, die alten Anmeldeverfahren LAN Manager und NTLMv1 über eine Gruppenrichtlinie (eine zentrale Windows-Einstellung für alle Rechner) abzuschalten.',
      'Lassen Sie vorher prüfen, ob ein altes Gerät oder Programm, z. B. ein Scanner oder ein Medizingerät, diese Verfahren noch braucht, und planen Sie dafür ein Update oder einen Ersatz.',
      'Halten Sie fest, wann die Einstellung gesetzt wurde, und lassen Sie sie nach größeren Umbauten am Server erneut prüfen.',
    ],
    stepsEn: [
      'Ask the IT service provider whether the practice computers are in a Windows domain, i.e. whether sign-in runs centrally through a server (Active Directory); if not, this requirement does not apply.',
      'Have them confirm that sign-in uses Kerberos, the secure standard method of Windows for it.',
      'Ask them to switch off the old sign-in methods LAN Manager and NTLMv1 through a group policy (a central Windows setting for all computers).',
      'Have them check beforehand whether an old device or program, e.g. a scanner or a medical device, still needs these methods, and plan an update or a replacement for it.',
      'Record when the setting was made, and have it checked again after major changes to the server.',
    ],
    evidenceDe: [
      'Datierte Bestätigung des IT-Dienstleisters: Anmeldung über Kerberos, LAN Manager und NTLMv1 abgeschaltet',
      'Screenshot oder Export der betreffenden Gruppenrichtlinie',
      'Liste der alten Geräte, die umgestellt oder ersetzt wurden',
    ],
    evidenceEn: [
      'A dated confirmation from the IT service provider: sign-in via Kerberos, LAN Manager and NTLMv1 switched off',
      'A screenshot or export of the group policy concerned',
      'A list of old devices that were changed over or replaced',
    ],
  }),
  guidance('KBV-A2-05', {
    stepsDe: [
      'Erfassen Sie alle Smartphones und Tablets, die für die Praxis genutzt werden, im Menü „Geräte & Dienste“, auch private Geräte, mit denen dienstlich gearbeitet wird.',
      'Schreiben Sie auf ein bis zwei Seiten Regeln dafür: wofür die Geräte genutzt werden dürfen, ob private Geräte erlaubt sind, welche Sperre (PIN, Fingerabdruck) Pflicht ist und was für Patientendaten auf dem Gerät gilt.',
      'Nehmen Sie auf, was bei Verlust oder Diebstahl zu tun ist: sofort der Praxisleitung melden, damit das Gerät gesperrt oder aus der Ferne gelöscht werden kann.',
      'Lassen Sie die Regeln von der Praxisleitung mit Datum unterschreiben und damit verbindlich machen.',
      'Geben Sie die Regeln jeder Person, die ein Mobilgerät nutzt, und lassen Sie den Empfang unterschreiben; bei neuen Beschäftigten gehört das zur Einarbeitung.',
    ],
    stepsEn: [
      'Record every smartphone and tablet used for the practice under “Assets”, including private devices used for work.',
      'Write one or two pages of rules: what the devices may be used for, whether private devices are allowed, which lock (PIN, fingerprint) is required and what applies to patient data on the device.',
      'Include what to do after loss or theft: report it to the practice manager at once so that the device can be locked or wiped remotely.',
      'Have the practice manager sign and date the rules to make them binding.',
      'Give the rules to everyone who uses a mobile device and have them sign for receipt; for new staff this is part of onboarding.',
    ],
    evidenceDe: [
      'Die Richtlinie zur Nutzung mobiler Geräte, unterschrieben und datiert',
      'Unterschriebene Empfangsbestätigungen der Beschäftigten oder eine Liste mit Unterschriften',
      'Die Mobilgeräte im Menü „Geräte & Dienste“',
    ],
    evidenceEn: [
      'The policy on the use of mobile devices, signed and dated',
      'Signed acknowledgements from the staff, or a list with signatures',
      'The mobile devices under “Assets”',
    ],
  }),
  guidance('KBV-A2-06', {
    stepsDe: [
      'Sehen Sie auf jedem Smartphone und Tablet der Praxis in den Einstellungen nach, ob ein Sprachassistent eingeschaltet ist (z. B. Siri, Google Assistant oder Bixby).',
      'Schalten Sie ihn aus, auch die Aktivierung per Zuruf („Hey …“) und die Nutzung bei gesperrtem Bildschirm.',
      'Wird ein Sprachassistent wirklich gebraucht, z. B. wegen einer Behinderung, schreiben Sie den Grund auf und lassen Sie die Praxisleitung zustimmen.',
      'Nehmen Sie „Sprachassistent aus“ in die Regeln für Mobilgeräte auf und prüfen Sie es bei jedem neuen Gerät gleich bei der Einrichtung.',
    ],
    stepsEn: [
      'Check in the settings of every practice smartphone and tablet whether a voice assistant is switched on (e.g. Siri, Google Assistant or Bixby).',
      'Switch it off, including activation by voice (“Hey …”) and use while the screen is locked.',
      'If a voice assistant is really needed, e.g. because of a disability, write down why and have the practice manager agree.',
      'Add “voice assistant off” to the rules for mobile devices and check it on every new device when it is set up.',
    ],
    evidenceDe: [
      'Liste der Mobilgeräte mit Vermerk „Sprachassistent aus“ und dem Datum der Prüfung',
      'Screenshot der Einstellung an einem Gerät als Beispiel',
      'Schriftlich begründete Ausnahmen mit Zustimmung der Praxisleitung',
    ],
    evidenceEn: [
      'A list of the mobile devices marked “voice assistant off” with the date of the check',
      'A screenshot of the setting on one device as an example',
      'Exceptions with written reasons and the practice manager’s agreement',
    ],
  }),
  guidance('KBV-A2-07', {
    stepsDe: [
      'Schreiben Sie auf, welche dienstlichen Mobiltelefone es gibt und wer sie nutzt, und erfassen Sie sie im Menü „Geräte & Dienste“.',
      'Legen Sie kurze Regeln fest, z. B.: Gerätesperre und SIM-PIN einschalten, das Telefon nicht unbeaufsichtigt liegen lassen, Verlust sofort der Praxisleitung melden.',
      'Regeln Sie, ob das Telefon privat genutzt werden darf und wer darauf Apps installieren darf.',
      'Notieren Sie, wer die SIM-Karte beim Mobilfunkanbieter sperren lassen kann, und halten Sie die Sperrnummer bereit.',
      'Geben Sie die Regeln allen Nutzenden, besprechen Sie sie kurz in der Teambesprechung und lassen Sie die Kenntnisnahme bestätigen.',
    ],
    stepsEn: [
      'Write down which work mobile phones exist and who uses them, and record them under “Assets”.',
      'Set short rules, e.g.: switch on the screen lock and SIM PIN, do not leave the phone unattended, report a loss to the practice manager at once.',
      'Decide whether the phone may be used privately and who may install apps on it.',
      'Note who can have the SIM card blocked by the mobile network operator, and keep the blocking number at hand.',
      'Give the rules to all users, go through them briefly in the team meeting and have everyone confirm they have read them.',
    ],
    evidenceDe: [
      'Die Regeln zur Nutzung der Mobiltelefone, datiert und von der Praxisleitung freigegeben',
      'Bestätigung der Nutzenden, dass sie die Regeln kennen (Unterschriftenliste oder Protokoll der Teambesprechung)',
    ],
    evidenceEn: [
      'The rules for using mobile phones, dated and approved by the practice manager',
      'Confirmation from the users that they know the rules (a signature list or the minutes of the team meeting)',
    ],
  }),
  guidance('KBV-A2-08', {
    stepsDe: [
      'Schreiben Sie auf, was über die Mobiltelefone der Praxis übertragen wird: Anrufe, SMS, E-Mails, Fotos und Messenger-Nachrichten.',
      'Legen Sie fest, welche davon Patientendaten enthalten dürfen, z. B.: keine Befunde per SMS, Fotos von Wunden nur mit der dafür freigegebenen App.',
      'Wo Patientendaten übertragen werden dürfen, dann nur verschlüsselt: Lassen Sie sich vom IT-Dienstleister bestätigen, dass E-Mail und freigegebene Apps verschlüsselt übertragen.',
      'Regeln Sie, dass dienstliche Daten nicht über offene WLANs ohne Passwort laufen, z. B. im Café oder im Zug.',
      'Nehmen Sie diese Festlegungen in die Regeln für Mobiltelefone auf und besprechen Sie sie mit dem Team.',
    ],
    stepsEn: [
      'Write down what is transmitted over the practice mobile phones: calls, text messages, e-mails, photos and messenger messages.',
      'Decide which of these may contain patient data, e.g.: no findings by text message, photos of wounds only with the app approved for it.',
      'Where patient data may be transmitted, then only encrypted: have the IT service provider confirm that e-mail and the approved apps transmit encrypted.',
      'Rule that work data does not travel over open Wi-Fi without a password, e.g. in a café or on a train.',
      'Add these decisions to the rules for mobile phones and go through them with the team.',
    ],
    evidenceDe: [
      'Datierte schriftliche Festlegung, welche Daten über Mobiltelefone übertragen werden dürfen und wie',
      'Bestätigung des IT-Dienstleisters, dass die freigegebenen Wege verschlüsselt sind',
      'Nachweis, dass das Team informiert ist (Unterschriftenliste oder Protokoll)',
    ],
    evidenceEn: [
      'A dated written rule on which data may be transmitted over mobile phones and how',
      'Confirmation from the IT service provider that the approved channels are encrypted',
      'Proof that the team has been informed (a signature list or minutes)',
    ],
  }),
  guidance('KBV-A2-09', {
    stepsDe: [
      'Schreiben Sie auf, welche Wechseldatenträger in der Praxis vorkommen: USB-Sticks, externe Festplatten, Speicherkarten, CDs oder DVDs, z. B. mit Röntgenbildern.',
      'Legen Sie schriftlich fest, ob und wann sie die Praxis verlassen dürfen, z. B. nur die Sicherungsplatte zur Aufbewahrung außer Haus, und wer das erlauben muss.',
      'Bestimmen Sie, dass mitgenommene Datenträger mit Praxisdaten möglichst verschlüsselt sind und nie unbeaufsichtigt bleiben, z. B. nicht im Auto.',
      'Führen Sie eine einfache Liste, wer welchen Datenträger wann mitgenommen und zurückgebracht hat.',
      'Geben Sie die Regel allen Beschäftigten bekannt und lassen Sie die Kenntnisnahme bestätigen.',
    ],
    stepsEn: [
      'Write down which removable media occur in the practice: USB sticks, external hard drives, memory cards, CDs or DVDs, e.g. with X-ray images.',
      'Set down in writing whether and when they may leave the practice, e.g. only the backup drive for storage off site, and who has to allow it.',
      'Require media with practice data that are taken out to be encrypted where possible and never left unattended, e.g. not in the car.',
      'Keep a simple list of who took which medium out and brought it back, and when.',
      'Make the rule known to all staff and have them confirm they have read it.',
    ],
    evidenceDe: [
      'Die Regel zur Mitnahme von Wechseldatenträgern, datiert und von der Praxisleitung unterschrieben',
      'Die Liste der Mitnahmen mit Ausgabe und Rückgabe',
      'Bestätigung der Beschäftigten, dass sie die Regel kennen',
    ],
    evidenceEn: [
      'The rule on taking removable media out of the practice, dated and signed by the practice manager',
      'The list of media taken out and returned',
      'Confirmation from the staff that they know the rule',
    ],
  }),
  guidance('KBV-A2-10', {
    stepsDe: [
      'Öffnen Sie auf jedem dienstlichen Smartphone und Tablet in den Einstellungen die Übersicht der App-Berechtigungen: Kamera, Mikrofon, Standort, Kontakte, Fotos und Dateien.',
      'Nehmen Sie jeder App die Berechtigungen weg, die sie für ihre Aufgabe nicht braucht; eine Termin-App braucht z. B. weder Mikrofon noch Standort.',
      'Löschen Sie Apps, die niemand für die Arbeit braucht.',
      'Gibt es eine Geräteverwaltung (MDM, ein Programm zur zentralen Verwaltung der Mobilgeräte), lassen Sie die Berechtigungen vom IT-Dienstleister dort festsetzen, damit sie niemand zurückstellt.',
      'Ohne Geräteverwaltung prüfen Sie die Berechtigungen regelmäßig, z. B. vierteljährlich und nach größeren App-Updates, und notieren das Datum.',
    ],
    stepsEn: [
      'On every work smartphone and tablet, open the overview of app permissions in the settings: camera, microphone, location, contacts, photos and files.',
      'Take away from each app the permissions it does not need for its task; an appointments app needs neither microphone nor location, for example.',
      'Delete apps that nobody needs for work.',
      'If there is device management (MDM, a program for managing mobile devices centrally), have the IT service provider fix the permissions there so that nobody can change them back.',
      'Without device management, review the permissions regularly, e.g. quarterly and after major app updates, and note the date.',
    ],
    evidenceDe: [
      'Liste der Apps je Gerät mit den erlaubten Berechtigungen und dem Datum der letzten Prüfung',
      'Screenshot der Berechtigungsübersicht eines Geräts oder der Vorgaben in der Geräteverwaltung',
    ],
    evidenceEn: [
      'A list of the apps per device with their allowed permissions and the date of the last review',
      'A screenshot of one device’s permission overview or of the settings in device management',
    ],
  }),
];
