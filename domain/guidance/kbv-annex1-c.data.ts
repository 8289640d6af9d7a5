import type { RequirementGuidance } from './guidance.types.ts';
import { kbvSource } from './kbv-annex1-sources.ts';

/**
 * Practical guidance on KBV Anlage 1 Nr. 26–38 (issue 12): steps a practice without IT staff can take, and what an
 * auditor accepts as evidence, in our own words from the requirement's title and summary, naming the places in
 * praxisschild where the work is recorded; no KBV wording. Steps beyond the requirement are examples ("z. B.").
 */
export const kbvAnnex1GuidanceC: readonly RequirementGuidance[] = [
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
];
