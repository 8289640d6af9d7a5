import type { LegalSource } from '../kbv/explanation.ts';
import type { RequirementGuidance } from './guidance.types.ts';
import { dsgvo28Source, kbvSource } from './kbv-annex1-a.data.ts';

/**
 * Practical guidance on KBV Anlage 1 Nr. 26–50 (issue 12): access, Windows, mobile devices, removable media, e-mail,
 * apps, web applications and cloud services. Same rules as kbv-annex1-a.data.ts: our own words, modest good practice
 * marked as an example, the places in praxisschild where the work is recorded.
 */

/** Health and social data in the cloud: C5 attestation or documented equivalence. */
const sgb393Source: LegalSource = { citation: '§ 393 SGB V', url: 'https://www.gesetze-im-internet.de/sgb_5/__393.html' };

export const kbvAnnex1GuidanceB: readonly RequirementGuidance[] = [
  {
    requirementId: 'KBV-A1-26',
    stepsDe: [
      'Geben Sie jeder Person ein eigenes Benutzerkonto für Windows und das PVS; gemeinsame Konten wie „Empfang“ lösen Sie nach und nach ab.',
      'Legen Sie eine Passwortregel fest, z. B. mindestens 12 Zeichen oder ein Satz aus mehreren Wörtern, für jedes Konto ein anderes Passwort und keine Weitergabe.',
      'Lassen Sie den IT-Dienstleister prüfen, ob es Geräte oder Programme gibt, die ohne Anmeldung nutzbar sind (z. B. ein Laptop ohne Passwort), und diese Lücken schließen.',
      'Nutzen Sie einen zweiten Faktor (z. B. App auf dem Handy), wo er angeboten wird, vor allem beim Fernzugang und bei Administrator-Konten.',
      'Erfassen Sie unter „Zugänge“, wer welches Konto hat.',
    ],
    stepsEn: [
      'Give every person their own user account for Windows and the practice software; phase out shared accounts such as "Reception".',
      'Set a password rule, e.g. at least 12 characters or a sentence of several words, a different password for each account and no sharing.',
      'Have the IT service provider check whether any device or program can be used without a login (e.g. a laptop without a password), and close these gaps.',
      'Use a second factor (e.g. an app on a phone) where it is offered, above all for remote access and administrator accounts.',
      'Record under "Access" who has which account.',
    ],
    evidenceDe: [
      'Die Passwort- und Anmelderegel in den schriftlichen IT-Regeln der Praxis.',
      'Die Konten je Person unter „Zugänge“.',
      'Eine Bestätigung oder Screenshots des IT-Dienstleisters zu den Anmeldeeinstellungen, z. B. Passwortlänge und Sperre nach Fehlversuchen.',
    ],
    evidenceEn: [
      "The password and login rule in the practice's written IT rules.",
      'The accounts per person under "Access".',
      'A confirmation or screenshots from the IT service provider of the login settings, e.g. password length and lock after failed attempts.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-26')],
  },
  {
    requirementId: 'KBV-A1-27',
    stepsDe: [
      'Lassen Sie den IT-Dienstleister auf allen Praxis-PCs prüfen, ob Windows Daten mit Cloud-Diensten von Microsoft abgleicht, etwa Einstellungen über ein Microsoft-Konto oder die Ordner Desktop und Dokumente über OneDrive.',
      'Lassen Sie diese Synchronisierung und das Teilen von WLAN-Zugangsdaten abschalten, am besten zentral per Gruppenrichtlinie (einer Vorgabe, die für alle PCs gilt).',
      'Melden Sie sich an Praxis-PCs nicht mit privaten Microsoft-Konten an.',
      'Nutzt die Praxis bewusst einen Cloud-Dienst wie Microsoft 365, legen Sie schriftlich fest, welche Daten dorthin dürfen; Patientendaten nur, wenn der Dienst die Anforderung Nr. 50 (C5-Nachweis) erfüllt.',
    ],
    stepsEn: [
      'Have the IT service provider check on all practice PCs whether Windows synchronises data with Microsoft cloud services, such as settings via a Microsoft account or the Desktop and Documents folders via OneDrive.',
      'Have this synchronisation and the sharing of Wi-Fi credentials switched off, preferably centrally by group policy (a setting that applies to all PCs).',
      'Do not sign in to practice PCs with private Microsoft accounts.',
      'If the practice deliberately uses a cloud service such as Microsoft 365, set down in writing which data may go there; patient data only if the service meets requirement Nr. 50 (C5 evidence).',
    ],
    evidenceDe: [
      'Eine Bestätigung des IT-Dienstleisters mit der Liste der PCs und der abgeschalteten Synchronisierung.',
      'Ein Screenshot der Gruppenrichtlinie oder der Einstellungen an einem Beispiel-PC.',
    ],
    evidenceEn: [
      'A confirmation from the IT service provider with the list of PCs and the synchronisation switched off.',
      'A screenshot of the group policy or of the settings on a sample PC.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-27')],
  },
  {
    requirementId: 'KBV-A1-28',
    stepsDe: [
      'Schreiben Sie mit dem IT-Dienstleister auf, welche gemeinsamen Ordner es gibt (z. B. „Abrechnung“, „Personal“, „Scans“) und wer auf welchen Ordner zugreifen muss.',
      'Lassen Sie die Rechte so einstellen, dass jede Person nur die Ordner öffnen kann, die sie für ihre Arbeit braucht; Personalunterlagen z. B. nur die Praxisleitung.',
      'Lassen Sie sicherstellen, dass normale Benutzerkonten keine Administratorrechte haben und nicht in die Windows- und Programmordner schreiben können.',
      'Prüfen Sie die Rechte einmal im Jahr und bei jedem Eintritt, Wechsel oder Austritt.',
    ],
    stepsEn: [
      'Write down with the IT service provider which shared folders exist (e.g. "Billing", "Staff", "Scans") and who needs access to which folder.',
      'Have permissions set so that each person can open only the folders they need for their work; staff records, for example, only the practice management.',
      'Have it ensured that ordinary user accounts have no administrator rights and cannot write to the Windows and program folders.',
      'Review the permissions once a year and whenever someone joins, changes role or leaves.',
    ],
    evidenceDe: [
      'Das Berechtigungskonzept als Tabelle (Ordner und Gruppen) mit Datum, als Nachweis an dieser Anforderung hochgeladen.',
      'Ein Export oder Screenshot der tatsächlich eingestellten Rechte vom IT-Dienstleister.',
      'Ein Vermerk über die letzte jährliche Durchsicht.',
    ],
    evidenceEn: [
      'The permission concept as a table (folders and groups) with its date, uploaded as evidence on this requirement.',
      'An export or screenshot of the permissions actually set, from the IT service provider.',
      'A note on the last yearly review.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-28')],
  },
  {
    requirementId: 'KBV-A1-29',
    stepsDe: [
      'Lassen Sie den IT-Dienstleister auf allen Praxis-PCs die Diagnosedaten an Microsoft auf die niedrigste Stufe stellen, die Ihre Windows-Ausgabe erlaubt.',
      'Lassen Sie unter „Datenschutz“ Werbe-ID, personalisierte Angebote, Standortdienste und ähnliche Optionen ausschalten, soweit sie nicht gebraucht werden.',
      'Lassen Sie die Einstellungen zentral per Gruppenrichtlinie (einer Vorgabe für alle PCs) festlegen, damit sie nach Updates nicht zurückspringen.',
      'Lassen Sie die Einstellungen nach großen Windows-Updates stichprobenartig prüfen.',
    ],
    stepsEn: [
      'Have the IT service provider set diagnostic data sent to Microsoft to the lowest level your Windows edition allows, on all practice PCs.',
      'Have the advertising ID, tailored experiences, location services and similar options under "Privacy" switched off where they are not needed.',
      'Have the settings fixed centrally by group policy (a setting that applies to all PCs) so that they do not revert after updates.',
      'Have the settings spot-checked after major Windows updates.',
    ],
    evidenceDe: [
      'Eine Bestätigung des IT-Dienstleisters mit den gesetzten Einstellungen und der Liste der PCs.',
      'Ein datierter Screenshot der Seite „Diagnose und Feedback“ eines Beispiel-PCs.',
    ],
    evidenceEn: [
      'A confirmation from the IT service provider with the settings applied and the list of PCs.',
      'A dated screenshot of the "Diagnostics & feedback" page of a sample PC.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-29')],
  },
  {
    requirementId: 'KBV-A1-30',
    stepsDe: [
      'Erfassen Sie alle dienstlichen Smartphones, Tablets und mobilen Router mit SIM-Karte unter „Geräte & Dienste“.',
      'Schalten Sie in den Einstellungen jedes Geräts die SIM-PIN ein und ersetzen Sie eine voreingestellte PIN durch eine eigene.',
      'Bewahren Sie PIN und PUK (den Entsperrcode der SIM-Karte) getrennt vom Gerät auf, z. B. verschlossen bei der Praxisleitung.',
      'Prüfen Sie bei jeder Ausgabe eines Geräts, dass die SIM-PIN aktiv ist.',
    ],
    stepsEn: [
      'Record all work smartphones, tablets and mobile routers with a SIM card under "Assets".',
      'Switch on the SIM PIN in the settings of each device and replace any preset PIN with your own.',
      "Keep PIN and PUK (the SIM card's unblocking code) apart from the device, e.g. locked away with the practice management.",
      'Check that the SIM PIN is active whenever a device is handed out.',
    ],
    evidenceDe: [
      'Eine datierte und abgezeichnete Liste der Geräte mit SIM-Karte und dem Vermerk „SIM-PIN aktiv“.',
      'Ein Screenshot der SIM-Einstellung eines Beispielgeräts.',
    ],
    evidenceEn: ['A dated, initialled list of devices with a SIM card marked "SIM PIN active".', 'A screenshot of the SIM setting on a sample device.'],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-30')],
  },
  {
    requirementId: 'KBV-A1-31',
    stepsDe: [
      'Schreiben Sie eine kurze Einrichtungs-Checkliste für dienstliche Smartphones und Tablets: aktuelle Software, Bildschirmsperre, Verschlüsselung an, automatische Updates an, nicht benötigte Funktionen wie Bluetooth, NFC oder Standort aus.',
      'Richten Sie jedes Gerät nach dieser Checkliste ein oder lassen Sie es vom IT-Dienstleister einrichten; bei mehreren Geräten am besten mit einer Geräteverwaltung (MDM, ein Programm, das Einstellungen zentral auf alle Geräte bringt).',
      'Richten Sie auf Dienstgeräten keine privaten Konten und keine Apps ein, die für die Arbeit nicht nötig sind.',
      'Erfassen Sie jedes Gerät unter „Geräte & Dienste“ und geben Sie an, ob die Daten verschlüsselt gespeichert sind.',
    ],
    stepsEn: [
      'Write a short setup checklist for work smartphones and tablets: current software, screen lock, encryption on, automatic updates on, unneeded functions such as Bluetooth, NFC or location off.',
      'Set up each device by this checklist or have the IT service provider do it; with several devices preferably with device management (MDM, a program that pushes settings to all devices centrally).',
      'Set up no private accounts and no apps on work devices that are not needed for work.',
      'Record each device under "Assets" and state whether its data is stored encrypted.',
    ],
    evidenceDe: [
      'Die Einrichtungs-Checkliste mit Datum, als Nachweis an dieser Anforderung hochgeladen.',
      'Je Gerät die abgehakte Checkliste oder ein Bericht aus der Geräteverwaltung.',
    ],
    evidenceEn: [
      'The setup checklist with its date, uploaded as evidence on this requirement.',
      'For each device, the ticked checklist or a report from the device management.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-31')],
  },
  {
    requirementId: 'KBV-A1-32',
    stepsDe: [
      'Stellen Sie auf jedem dienstlichen Smartphone und Tablet eine Bildschirmsperre mit Code ein, z. B. mindestens sechs Ziffern; Wischmuster und einfache Folgen wie 123456 reichen nicht.',
      'Nutzen Sie Fingerabdruck oder Gesichtserkennung nur zusätzlich zum Code, nie an seiner Stelle.',
      'Stellen Sie die automatische Sperre auf wenige Minuten ein, z. B. 2 Minuten.',
      'Prüfen Sie bei jeder Geräteausgabe, dass Code und automatische Sperre aktiv sind; mit einer Geräteverwaltung lässt sich das für alle Geräte vorgeben.',
    ],
    stepsEn: [
      'Set a screen lock with a code on every work smartphone and tablet, e.g. at least six digits; swipe patterns and simple sequences such as 123456 are not enough.',
      'Use fingerprint or face recognition only in addition to the code, never instead of it.',
      'Set the automatic lock to a few minutes, e.g. 2 minutes.',
      'Check that code and automatic lock are active whenever a device is handed out; device management can enforce this for all devices.',
    ],
    evidenceDe: [
      'Eine datierte Liste der Geräte mit dem Vermerk „Code und automatische Sperre aktiv“.',
      'Ein Screenshot der Sperreinstellung oder ein Bericht der Geräteverwaltung.',
    ],
    evidenceEn: [
      'A dated list of devices marked "code and automatic lock active".',
      'A screenshot of the lock setting or a report from the device management.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-32')],
  },
  {
    requirementId: 'KBV-A1-33',
    stepsDe: [
      'Gehen Sie auf jedem dienstlichen Gerät die App-Berechtigungen durch (in den Einstellungen unter „Datenschutz“ bzw. „Apps“).',
      'Erlauben Sie Zugriff auf Kontakte, Standort, Kamera, Mikrofon und Fotos nur Apps, die ihn für ihre Aufgabe brauchen, und möglichst nur während der Nutzung der App.',
      'Schalten Sie Werbe-Tracking und das Senden von Analysedaten an den Hersteller aus.',
      'Prüfen Sie die Einstellungen nach der Installation neuer Apps und einmal im Jahr.',
    ],
    stepsEn: [
      'Go through the app permissions on every work device (in the settings under "Privacy" or "Apps").',
      'Allow access to contacts, location, camera, microphone and photos only to apps that need it for their task, and where possible only while the app is in use.',
      'Switch off ad tracking and the sending of analytics data to the manufacturer.',
      'Check the settings after installing new apps and once a year.',
    ],
    evidenceDe: [
      'Die Vorgaben für die Datenschutzeinstellungen in der Einrichtungs-Checkliste für mobile Geräte.',
      'Datierte Screenshots der Berechtigungsübersicht je Gerät oder ein Bericht der Geräteverwaltung.',
    ],
    evidenceEn: [
      'The privacy settings required by the setup checklist for mobile devices.',
      'Dated screenshots of the permission overview for each device, or a report from the device management.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-33')],
  },
  {
    requirementId: 'KBV-A1-34',
    stepsDe: [
      'Schreiben Sie einen kurzen Ablauf für den Verlust eines dienstlichen Mobiltelefons: wen man sofort anruft (Praxisleitung, IT-Dienstleister) und wie die SIM-Karte gesperrt wird (Sperrnummer des Mobilfunkanbieters).',
      'Halten Sie dafür je Gerät die nötigen Angaben bereit: Rufnummer, Kundennummer und die Gerätekennung (IMEI).',
      'Schalten Sie vorab Ortung und Fernlöschung ein („Wo ist?“ bei Apple, die Gerätesuche von Google bei Android) oder nutzen Sie dafür die Geräteverwaltung.',
      'Geben Sie den Ablauf allen, die ein Dienst-Handy haben, und erfassen Sie einen Verlust unter „Sicherheitsvorfälle“, wenn Patientendaten darauf waren.',
    ],
    stepsEn: [
      "Write a short procedure for losing a work mobile phone: whom to call at once (practice management, IT service provider) and how the SIM card is blocked (the mobile operator's blocking number).",
      'Keep the details needed for each device at hand: phone number, customer number and the device identifier (IMEI).',
      'Switch on locating and remote wiping beforehand ("Find My" on Apple, Google\'s device finder on Android), or use device management for it.',
      'Give the procedure to everyone with a work phone, and record a loss under "Security incidents" if patient data was on the device.',
    ],
    evidenceDe: [
      'Der schriftliche Ablauf mit Sperrnummern, datiert, als Nachweis an dieser Anforderung hochgeladen.',
      'Die Mobiltelefone unter „Geräte & Dienste“ mit Rufnummer und Gerätekennung in den Notizen.',
      'Ein Screenshot, dass Ortung und Fernlöschung eingeschaltet sind.',
    ],
    evidenceEn: [
      'The written procedure with blocking numbers, dated, uploaded as evidence on this requirement.',
      'The mobile phones under "Assets" with phone number and device identifier in the notes.',
      'A screenshot showing that locating and remote wiping are switched on.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-34')],
  },
  {
    requirementId: 'KBV-A1-35',
    stepsDe: [
      'Schalten Sie auf jedem dienstlichen Mobiltelefon Gerätecode und SIM-PIN ein, bevor Sie es ausgeben.',
      'Schalten Sie die weiteren vorhandenen Schutzfunktionen ein: automatische Sperre, Verschlüsselung, automatische Updates.',
      'Ersetzen Sie voreingestellte Codes, etwa für die Mailbox, durch eigene.',
      'Prüfen Sie bei der Ausgabe mit einer kurzen Checkliste, dass alles aktiv ist, und lassen Sie sich die Übergabe unterschreiben.',
    ],
    stepsEn: [
      'Switch on the device code and SIM PIN on every work mobile phone before handing it out.',
      'Switch on the other protective functions the phone offers: automatic lock, encryption, automatic updates.',
      'Replace preset codes, for example for the voicemail, with your own.',
      'At hand-out, check with a short checklist that everything is active, and have the hand-over signed.',
    ],
    evidenceDe: [
      'Ein Übergabeprotokoll je Mobiltelefon mit den abgehakten Schutzfunktionen und Unterschrift.',
      'Der Geräteeintrag unter „Geräte & Dienste“ mit der verantwortlichen Person.',
    ],
    evidenceEn: [
      'A hand-over record for each mobile phone with the protective functions ticked and a signature.',
      'The device entry under "Assets" with the person in charge.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-35')],
  },
  {
    requirementId: 'KBV-A1-36',
    stepsDe: [
      'Legen Sie fest, dass USB-Sticks, externe Festplatten und CDs, besonders fremde wie Bild-CDs von Patientinnen und Patienten, erst nach einer Prüfung auf Schadsoftware geöffnet werden.',
      'Lassen Sie den IT-Dienstleister einstellen, dass der Virenschutz angeschlossene Datenträger automatisch prüft, und lassen Sie sich das bestätigen.',
      'Lassen Sie die automatische Wiedergabe (Autostart) für Datenträger auf allen Rechnern abschalten.',
      'Nehmen Sie die Regel in die schriftlichen IT-Regeln auf und erklären Sie sie in der Einweisung.',
    ],
    stepsEn: [
      'Decide that USB sticks, external drives and CDs, especially ones from outside such as image CDs brought by patients, are opened only after a malware check.',
      'Have the IT service provider set the malware protection to check connected media automatically, and have this confirmed.',
      'Have automatic playback (autorun) for media switched off on all computers.',
      'Put the rule into the written IT rules and explain it during instruction.',
    ],
    evidenceDe: [
      'Die Regel für Wechseldatenträger in den schriftlichen IT-Regeln der Praxis.',
      'Eine Bestätigung oder ein Screenshot des IT-Dienstleisters zur automatischen Prüfung und zum abgeschalteten Autostart.',
    ],
    evidenceEn: [
      "The rule on removable media in the practice's written IT rules.",
      'A confirmation or screenshot from the IT service provider of the automatic check and the disabled autorun.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-36')],
  },
  {
    requirementId: 'KBV-A1-37',
    stepsDe: [
      'Beschriften Sie Datenträger, die verschickt werden, nur mit neutralen Angaben: Absender, Empfänger, Datum und eine laufende Nummer, keine Patientennamen oder Diagnosen.',
      'Führen Sie ein Versandbuch: Nummer, Inhalt, Empfänger, Datum und Versandart.',
      'Schreiben Sie die Regel als kurze Anleitung auf und legen Sie sie dort bereit, wo Datenträger verschickt werden.',
    ],
    stepsEn: [
      'Label media that are sent only with neutral details: sender, recipient, date and a running number, no patient names or diagnoses.',
      'Keep a dispatch log: number, content, recipient, date and method of dispatch.',
      'Write the rule down as a short instruction and keep it where media are sent from.',
    ],
    evidenceDe: ['Die Versandregel mit Datum, als Nachweis an dieser Anforderung hochgeladen.', 'Ein Auszug aus dem Versandbuch.'],
    evidenceEn: ['The dispatch rule with its date, uploaded as evidence on this requirement.', 'An extract from the dispatch log.'],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-37')],
  },
  {
    requirementId: 'KBV-A1-38',
    stepsDe: [
      'Prüfen Sie zuerst, ob ein elektronischer Weg wie KIM (der sichere E-Mail-Dienst der Telematikinfrastruktur) den Versand eines Datenträgers ersetzen kann.',
      'Verschicken Sie Datenträger mit vertraulichen Daten nur per Einschreiben, Kurier oder persönlicher Übergabe mit Empfangsbestätigung.',
      'Verwenden Sie manipulationssichere Versandtaschen (Sicherheitstaschen, die sich nicht unbemerkt öffnen lassen) und notieren Sie deren Nummer.',
      'Verschlüsseln Sie die Daten auf dem Datenträger und teilen Sie das Kennwort auf einem anderen Weg mit, z. B. am Telefon.',
      'Tragen Sie jeden Versand ins Versandbuch ein und legen Sie die Empfangsbestätigung dazu.',
    ],
    stepsEn: [
      'First check whether an electronic route such as KIM (the secure e-mail service of the telematics infrastructure) can replace sending a data medium.',
      'Send media with confidential data only by registered mail, courier or personal hand-over with a receipt.',
      'Use tamper-evident envelopes (security bags that cannot be opened unnoticed) and note their number.',
      'Encrypt the data on the medium and pass on the password by another route, e.g. by phone.',
      'Enter every dispatch in the dispatch log and file the receipt with it.',
    ],
    evidenceDe: ['Das Versandbuch mit Versandart, Nummer der Sicherheitstasche und Empfangsbestätigung.', 'Die Versandregel der Praxis mit Datum.'],
    evidenceEn: ['The dispatch log with method, security-bag number and receipt.', "The practice's dispatch rule with its date."],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-38')],
  },
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
