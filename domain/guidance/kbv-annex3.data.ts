import type { RequirementGuidance } from './guidance.types.ts';
import { guidance } from './guidance-entry.ts';

/**
 * Guidance on KBV Anlage 3 (large practices and practices with data processing on a significant scale), in catalog
 * order. Written in our own words from the requirement's title and summary; no sentence of the guideline is quoted.
 */
export const kbvAnnex3Guidance: readonly RequirementGuidance[] = [
  guidance('KBV-A3-01', {
    stepsDe: [
      'Legen Sie für jede Schulung fest, woran Sie den Erfolg messen, z. B. ein kurzer Test mit fünf bis zehn Fragen am Ende oder eine Fragerunde in der Teambesprechung.',
      'Werten Sie nach der Schulung aus, welche Fragen oft falsch beantwortet wurden; für diese Auswertung brauchen Sie keine Namen.',
      'Nutzen Sie weitere Anzeichen, z. B. wie viele verdächtige E-Mails gemeldet wurden oder ob eine mit dem Team vereinbarte Phishing-Übung erkannt wurde.',
      'Schreiben Sie das Ergebnis in zwei, drei Sätzen auf und halten Sie fest, was Sie ändern: welches Thema die nächste Schulung vertieft und ob die Form der Schulung passt.',
      'Erfassen Sie Termine und Teilnahmen im Menü „Schulungen“ und wiederholen Sie die Messung bei jeder Schulungsrunde.',
    ],
    stepsEn: [
      'Decide for each training session how you measure its success, e.g. a short test of five to ten questions at the end or a round of questions in the team meeting.',
      'After the session, work out which questions were often answered wrongly; this evaluation needs no names.',
      'Use further signs, e.g. how many suspicious e-mails were reported or whether a phishing exercise agreed with the team was spotted.',
      'Write the result down in two or three sentences and record what you change: which topic the next session goes into more deeply and whether the format suits.',
      'Record dates and attendance under “Training” and repeat the measurement in every round of training.',
    ],
    evidenceDe: [
      'Die Auswertung der Lernerfolgskontrolle je Schulungsrunde mit Datum, Ergebnis und Folgerungen',
      'Der verwendete Test oder Fragebogen',
      'Die Teilnahmen im Menü „Schulungen“',
    ],
    evidenceEn: [
      'The evaluation of learning success for each round of training, with date, result and conclusions',
      'The test or questionnaire used',
      'The attendance under “Training”',
    ],
  }),
  guidance('KBV-A3-02', {
    stepsDe: [
      'Lassen Sie den IT-Dienstleister einen Netzplan zeichnen: welche Geräte es gibt, wie sie verbunden sind, wo Internetzugang und Konnektor sind und welche Fernzugänge bestehen.',
      'Legen Sie mit ihm fest, welche Bereiche voneinander getrennt werden, z. B. Praxis-EDV, Medizingeräte, Telematikinfrastruktur und Gäste-WLAN; ein solcher getrennter Bereich heißt Netzsegment.',
      'Lassen Sie festhalten, welche Verbindungen zwischen den Bereichen erlaubt sind, z. B. darf das Gäste-WLAN nur ins Internet.',
      'Lassen Sie das Netz nach diesem Plan einrichten und sich bestätigen, dass es dem Plan entspricht.',
      'Tragen Sie bei jedem Gerät im Menü „Geräte & Dienste“ sein Netzsegment ein und lassen Sie den Plan nach jeder Änderung am Netz anpassen.',
    ],
    stepsEn: [
      'Have the IT service provider draw a network plan: which devices exist, how they are connected, where the internet access and the connector are and which remote accesses there are.',
      'Decide with them which areas are separated from each other, e.g. practice IT, medical devices, telematics infrastructure and guest Wi-Fi; such a separate area is called a network segment.',
      'Have it recorded which connections between the areas are allowed, e.g. the guest Wi-Fi may reach only the internet.',
      'Have the network set up according to this plan and get confirmation that it matches the plan.',
      'Enter each device’s network segment under “Assets” and have the plan updated after every change to the network.',
    ],
    evidenceDe: [
      'Der Netzplan mit den Netzsegmenten und den erlaubten Verbindungen, datiert und mit Versionsangabe',
      'Bestätigung des IT-Dienstleisters, dass das Netz nach dem Plan eingerichtet ist',
      'Die Geräte mit ihrem Netzsegment im Menü „Geräte & Dienste“',
    ],
    evidenceEn: [
      'The network plan with the segments and the allowed connections, dated and with a version',
      'Confirmation from the IT service provider that the network is set up according to the plan',
      'The devices with their network segment under “Assets”',
    ],
  }),
  guidance('KBV-A3-03', {
    stepsDe: [
      'Schreiben Sie mit dem IT-Dienstleister auf, welche schützenswerten Daten durch das Netz laufen: Patientendaten zwischen Server und Arbeitsplätzen, zwischen Standorten, zur Fernwartung, zu Labor und Abrechnung.',
      'Lassen Sie sich für jede dieser Verbindungen bestätigen, dass ein sicheres Verfahren genutzt wird, z. B. https, verschlüsselte E-Mail-Übertragung (TLS) oder ein VPN, also ein verschlüsselter Tunnel zwischen zwei Netzen.',
      'Lassen Sie unsichere Verfahren abschalten oder ersetzen, z. B. unverschlüsselte Dateiübertragung (FTP) oder Fernzugriff ohne Verschlüsselung.',
      'Achten Sie darauf, dass sich beide Seiten einer Verbindung ausweisen müssen (mit Zertifikat oder Zugangsdaten), damit sich niemand dazwischenschalten kann.',
      'Halten Sie die Liste aktuell, wenn ein neuer Dienst oder ein neuer Standort dazukommt.',
    ],
    stepsEn: [
      'Write down with the IT service provider which sensitive data travel through the network: patient data between server and workstations, between locations, for remote maintenance, to the laboratory and for billing.',
      'Have them confirm for each of these connections that a secure method is used, e.g. https, encrypted mail transfer (TLS) or a VPN, an encrypted tunnel between two networks.',
      'Have insecure methods switched off or replaced, e.g. unencrypted file transfer (FTP) or remote access without encryption.',
      'Make sure that both ends of a connection have to identify themselves (with a certificate or credentials) so that nobody can step in between.',
      'Keep the list up to date when a new service or a new location is added.',
    ],
    evidenceDe: [
      'Liste der Verbindungen mit schützenswerten Daten und dem jeweiligen Schutzverfahren, vom IT-Dienstleister bestätigt',
      'Nachweis der Einrichtung des VPN oder der Standortvernetzung (Screenshot oder Bericht des IT-Dienstleisters)',
    ],
    evidenceEn: [
      'A list of the connections carrying sensitive data and the protection used for each, confirmed by the IT service provider',
      'Proof of how the VPN or the link between locations is set up (a screenshot or a report from the IT service provider)',
    ],
  }),
  guidance('KBV-A3-04', {
    stepsDe: [
      'Erfassen Sie alle Smartphones und Tablets der Praxis im Menü „Geräte & Dienste“ und schreiben Sie dazu, wofür sie genutzt werden.',
      'Schreiben Sie eine Richtlinie: welche Geräte zugelassen sind, ob private Geräte dienstlich genutzt werden dürfen und welche Nutzung erlaubt ist.',
      'Legen Sie darin die Pflicht-Einstellungen fest, z. B. Bildschirmsperre mit PIN, automatische Sperre nach kurzer Zeit, Updates, Verschlüsselung und nur freigegebene Apps.',
      'Regeln Sie Verlust, Reparatur und Rückgabe: wer informiert wird, wann ein Gerät gelöscht wird und was beim Ausscheiden einer Person geschieht.',
      'Lassen Sie die Richtlinie von der Praxisleitung unterschreiben, machen Sie sie allen Nutzenden bekannt und sehen Sie sie einmal im Jahr durch.',
    ],
    stepsEn: [
      'Record all practice smartphones and tablets under “Assets” and note what they are used for.',
      'Write a policy: which devices are allowed, whether private devices may be used for work and which use is permitted.',
      'Set the required settings in it, e.g. screen lock with PIN, automatic lock after a short time, updates, encryption and approved apps only.',
      'Cover loss, repair and return: who is told, when a device is wiped and what happens when someone leaves.',
      'Have the practice manager sign the policy, make it known to all users and review it once a year.',
    ],
    evidenceDe: [
      'Die Richtlinie für Smartphones und Tablets, datiert und unterschrieben',
      'Die Empfangsbestätigungen der Nutzenden',
      'Die Mobilgeräte im Menü „Geräte & Dienste“ mit Vermerk, ob ihre Daten verschlüsselt sind',
    ],
    evidenceEn: [
      'The policy for smartphones and tablets, dated and signed',
      'The users’ acknowledgements of receipt',
      'The mobile devices under “Assets”, marked whether their data are encrypted',
    ],
  }),
  guidance('KBV-A3-05', {
    stepsDe: [
      'Bestimmen Sie, wer Apps freigibt, z. B. die Praxisleitung gemeinsam mit dem IT-Dienstleister.',
      'Legen Sie Prüffragen fest: Wird die App für die Arbeit gebraucht, stammt sie aus dem offiziellen App-Store, wird sie vom Anbieter noch gepflegt, welche Berechtigungen will sie und wo speichert sie Daten?',
      'Führen Sie eine Liste der freigegebenen Apps mit dem Datum der Freigabe und dem Namen der Person, die freigegeben hat.',
      'Nur Apps von dieser Liste kommen auf die Geräte; wer eine neue App braucht, fragt vorher an.',
      'Verarbeitet eine App Patientendaten beim Anbieter, tragen Sie den Anbieter im Menü „Dienstleister“ ein und schließen Sie mit ihm einen Vertrag zur Auftragsverarbeitung (AVV).',
      'Gehen Sie die Liste regelmäßig durch und entfernen Sie Apps, die nicht mehr gebraucht oder nicht mehr gepflegt werden.',
    ],
    stepsEn: [
      'Decide who approves apps, e.g. the practice manager together with the IT service provider.',
      'Set check questions: is the app needed for work, does it come from the official app store, is it still maintained by its vendor, which permissions does it want and where does it store data?',
      'Keep a list of approved apps with the date of approval and the name of the person who approved them.',
      'Only apps from this list go onto the devices; anyone who needs a new app asks first.',
      'If an app processes patient data at its vendor, record the vendor under “Suppliers” and sign a data processing agreement (AVV) with them.',
      'Go through the list regularly and remove apps that are no longer needed or no longer maintained.',
    ],
    evidenceDe: ['Die Liste der freigegebenen Apps mit Freigabedatum und dem Namen der freigebenden Person', 'Ein Beispiel einer ausgefüllten App-Prüfung'],
    evidenceEn: ['The list of approved apps with the date of approval and the name of the approver', 'An example of a completed app check'],
  }),
  guidance('KBV-A3-06', {
    stepsDe: [
      'Schreiben Sie auf, welche Arten von Informationen auf Smartphones und Tablets gespeichert oder bearbeitet werden dürfen, z. B. Termine und Kontakte ja, Befunde und Arztbriefe nur in einer freigegebenen App.',
      'Legen Sie fest, welche Programme und Apps auf den Geräten genutzt werden dürfen; die Liste der freigegebenen Apps gehört dazu.',
      'Regeln Sie, dass Patientendaten nicht in private Speicher gelangen, z. B. keine Fotos in der allgemeinen Fotogalerie und keine Sicherung in einen privaten Cloud-Speicher.',
      'Nehmen Sie diese Festlegungen in die Richtlinie für Smartphones und Tablets auf und erklären Sie sie den Nutzenden.',
    ],
    stepsEn: [
      'Write down which kinds of information may be stored or handled on smartphones and tablets, e.g. appointments and contacts yes, findings and doctors’ letters only in an approved app.',
      'Decide which programs and apps may be used on the devices; the list of approved apps is part of this.',
      'Make sure that patient data do not end up in private storage, e.g. no photos in the general photo gallery and no backup to a private cloud storage.',
      'Add these decisions to the policy for smartphones and tablets and explain them to the users.',
    ],
    evidenceDe: [
      'Die schriftliche Festlegung der erlaubten Informationen und Apps, datiert und von der Praxisleitung freigegeben',
      'Nachweis, dass die Nutzenden informiert sind (Unterschriftenliste)',
    ],
    evidenceEn: [
      'The written rule on permitted information and apps, dated and approved by the practice manager',
      'Proof that the users have been informed (a signature list)',
    ],
  }),
  guidance('KBV-A3-07', {
    stepsDe: [
      'Lassen Sie sich vom IT-Dienstleister erklären, wie die Smartphones und Tablets auf Praxisdaten zugreifen (E-Mail, Kalender, Praxisverwaltung, Dateien) und über welches Netz.',
      'Lassen Sie die Geräte in eine Geräteverwaltung aufnehmen (MDM: ein Programm, mit dem die IT alle Mobilgeräte zentral einrichtet und kontrolliert).',
      'Lassen Sie über die Geräteverwaltung einrichten, dass der Zugriff auf Praxissysteme nur verschlüsselt läuft, z. B. über ein VPN, und dass sich jedes Gerät dabei mit einem Zertifikat ausweist.',
      'Geräte, die nicht in der Geräteverwaltung sind, bekommen keinen Zugang zu Praxissystemen; lassen Sie das technisch sicherstellen.',
      'Lassen Sie sich regelmäßig die Liste der verwalteten Geräte geben und gleichen Sie sie mit dem Menü „Geräte & Dienste“ ab.',
    ],
    stepsEn: [
      'Have the IT service provider explain how the smartphones and tablets reach practice data (e-mail, calendar, practice management system, files) and over which network.',
      'Have the devices enrolled in device management (MDM: a program with which IT sets up and controls all mobile devices centrally).',
      'Have device management set up so that access to practice systems is encrypted only, e.g. through a VPN, and each device identifies itself with a certificate.',
      'Devices that are not in device management get no access to practice systems; have this enforced technically.',
      'Regularly ask for the list of managed devices and compare it with the list under “Assets”.',
    ],
    evidenceDe: [
      'Datierte Beschreibung des IT-Dienstleisters, wie Mobilgeräte angebunden sind (VPN, Zertifikate, Geräteverwaltung)',
      'Export der verwalteten Geräte aus der Geräteverwaltung',
      'Screenshot der Verbindungsregeln in der Geräteverwaltung',
    ],
    evidenceEn: [
      'A dated description from the IT service provider of how mobile devices are connected (VPN, certificates, device management)',
      'An export of the managed devices from device management',
      'A screenshot of the connection rules in device management',
    ],
  }),
  guidance('KBV-A3-08', {
    stepsDe: [
      'Lassen Sie sich vom IT-Dienstleister alle Personen nennen, die sich an der Geräteverwaltung (MDM) anmelden können, jeweils mit ihren Rechten.',
      'Legen Sie fest, wer was darf, z. B.: Nur der IT-Dienstleister ändert Einstellungen, die Praxisleitung darf ein verlorenes Gerät sperren, sonst niemand.',
      'Lassen Sie überflüssige Konten löschen und die Rechte nach diesen Rollen beschränken; jede Person arbeitet mit einem eigenen Konto.',
      'Lassen Sie die Anmeldung an der Geräteverwaltung nach Möglichkeit mit einem zweiten Faktor schützen, z. B. einer App auf dem Handy, die einen Code anzeigt.',
      'Tragen Sie diese Konten im Menü „Zugänge“ ein und prüfen Sie die Liste, wenn jemand ausscheidet oder der Dienstleister wechselt.',
    ],
    stepsEn: [
      'Ask the IT service provider to name everyone who can sign in to device management (MDM), each with their rights.',
      'Decide who may do what, e.g.: only the IT service provider changes settings, the practice manager may lock a lost device, nobody else.',
      'Have unneeded accounts deleted and rights limited to these roles; everyone works with their own account.',
      'Where possible, have sign-in to device management protected with a second factor, e.g. an app on the phone that shows a code.',
      'Record these accounts under “Access” and check the list when someone leaves or the service provider changes.',
    ],
    evidenceDe: ['Datierte Liste der Konten in der Geräteverwaltung mit Rolle und Rechten', 'Die Konten mit Administrationsrechten im Menü „Zugänge“'],
    evidenceEn: ['A dated list of the accounts in device management with their role and rights', 'The accounts with administrator rights under “Access”'],
  }),
  guidance('KBV-A3-09', {
    stepsDe: [
      'Fragen Sie den IT-Dienstleister, welche Zertifikate die Mobilgeräte brauchen; ein Zertifikat ist ein digitaler Ausweis, mit dem sich ein Gerät z. B. am WLAN, am VPN oder am E-Mail-Server ausweist.',
      'Lassen Sie Zertifikate nur über die Geräteverwaltung (MDM) auf die Geräte bringen, nicht von Hand.',
      'Lassen Sie eine Übersicht führen, welches Zertifikat wann abläuft, und es rechtzeitig vorher erneuern.',
      'Legen Sie fest, dass die Zertifikate eines Geräts sofort gesperrt (widerrufen) werden, wenn es verloren geht oder die Person ausscheidet.',
    ],
    stepsEn: [
      'Ask the IT service provider which certificates the mobile devices need; a certificate is a digital ID with which a device identifies itself, e.g. to the Wi-Fi, the VPN or the mail server.',
      'Have certificates put onto the devices only through device management (MDM), not by hand.',
      'Have an overview kept of when each certificate expires, and have it renewed in good time.',
      'Rule that a device’s certificates are blocked (revoked) at once when it is lost or its user leaves.',
    ],
    evidenceDe: [
      'Übersicht der Zertifikate mit Ablaufdatum aus der Geräteverwaltung',
      'Beschreibung des Ablaufs bei Verlust oder Ausscheiden, mit einem Beispiel eines widerrufenen Zertifikats',
    ],
    evidenceEn: [
      'An overview of the certificates with their expiry dates from device management',
      'A description of the procedure after loss or departure, with an example of a revoked certificate',
    ],
  }),
  guidance('KBV-A3-10', {
    stepsDe: [
      'Lassen Sie in der Geräteverwaltung (MDM) für jedes Mobilgerät die Fernlöschung einrichten und einmal an einem Testgerät ausprobieren.',
      'Schreiben Sie auf, was bei Verlust oder Diebstahl geschieht: wer sofort informiert wird (mit Telefonnummer, auch am Wochenende), wer die Löschung auslöst und wer die SIM-Karte sperren lässt.',
      'Legen Sie einen Ablauf für ausgemusterte Geräte fest: Praxisdaten und Konten entfernen, auf Werkseinstellungen zurücksetzen, aus der Geräteverwaltung austragen und im Menü „Geräte & Dienste“ vermerken.',
      'Halten Sie jede Fernlöschung und jede Außerbetriebnahme mit Datum und Namen fest.',
      'Prüfen Sie nach einem Verlust, ob Patientendaten betroffen sein können, und erfassen Sie den Fall im Menü „Sicherheitsvorfälle“; dort sehen Sie die Meldefristen.',
    ],
    stepsEn: [
      'Have remote wipe set up in device management (MDM) for every mobile device, and try it once on a test device.',
      'Write down what happens after loss or theft: who is told at once (with a phone number, weekends too), who triggers the wipe and who has the SIM card blocked.',
      'Set a procedure for retired devices: remove practice data and accounts, reset to factory settings, remove from device management and note it under “Assets”.',
      'Record every remote wipe and every retirement with its date and the name of the person.',
      'After a loss, check whether patient data may be affected and record the case under “Security incidents”, where you also see the reporting deadlines.',
    ],
    evidenceDe: [
      'Der schriftliche Ablauf für Verlust und Außerbetriebnahme, datiert',
      'Das Protokoll des Tests der Fernlöschung',
      'Die Liste der gelöschten und ausgemusterten Geräte mit Datum',
    ],
    evidenceEn: [
      'The written procedure for loss and retirement, dated',
      'The record of the remote-wipe test',
      'The list of wiped and retired devices with dates',
    ],
  }),
  guidance('KBV-A3-11', {
    stepsDe: [
      'Führen Sie eine Liste der freigegebenen Apps mit dem Datum der Freigabe und der Person, die geprüft hat.',
      'Lassen Sie den IT-Dienstleister nur diese Apps über die Geräteverwaltung (MDM) auf die Geräte verteilen.',
      'Lassen Sie in der Geräteverwaltung einstellen, dass Beschäftigte keine anderen Apps selbst installieren können, z. B. indem der App-Store auf die freigegebenen Apps beschränkt wird.',
      'Lassen Sie Apps, deren Freigabe endet, über die Geräteverwaltung von allen Geräten entfernen.',
      'Gleichen Sie die Liste regelmäßig mit einem Export der Geräteverwaltung ab.',
    ],
    stepsEn: [
      'Keep a list of approved apps with the date of approval and the person who checked them.',
      'Have the IT service provider distribute only these apps to the devices through device management (MDM).',
      'Have device management set so that staff cannot install other apps themselves, e.g. by limiting the app store to the approved apps.',
      'Have apps whose approval ends removed from all devices through device management.',
      'Regularly compare the list with an export from device management.',
    ],
    evidenceDe: [
      'Die Liste der freigegebenen Apps mit Freigabedatum',
      'Screenshot oder Export der App-Verteilung und der Installationssperre aus der Geräteverwaltung',
    ],
    evidenceEn: [
      'The list of approved apps with the date of approval',
      'A screenshot or export of app distribution and the install block from device management',
    ],
  }),
  guidance('KBV-A3-12', {
    stepsDe: [
      'Nehmen Sie die schriftliche Festlegung, welche Informationen auf Mobilgeräten erlaubt sind, als Grundlage (sie steht in der Richtlinie für Smartphones und Tablets).',
      'Lassen Sie den IT-Dienstleister diese Festlegung in der Geräteverwaltung (MDM) technisch umsetzen, z. B. mit einem getrennten, verschlüsselten Bereich für Praxisdaten auf jedem Gerät.',
      'Lassen Sie einstellen, dass Praxisdaten nicht in private Apps oder private Cloud-Speicher kopiert werden können.',
      'Lassen Sie sich an einem Gerät vorführen, dass das Kopieren in eine private App nicht geht, und halten Sie das mit Datum fest.',
    ],
    stepsEn: [
      'Take the written rule on which information is allowed on mobile devices as the basis (it is part of the policy for smartphones and tablets).',
      'Have the IT service provider enforce this rule technically in device management (MDM), e.g. with a separate, encrypted area for practice data on each device.',
      'Have it set so that practice data cannot be copied into private apps or private cloud storage.',
      'Have it shown on one device that copying into a private app does not work, and record this with the date.',
    ],
    evidenceDe: [
      'Export oder Screenshot der Vorgaben in der Geräteverwaltung (z. B. getrennter Arbeitsbereich, Kopiersperre)',
      'Das Protokoll der Vorführung an einem Gerät, mit Datum',
    ],
    evidenceEn: [
      'An export or screenshot of the settings in device management (e.g. separate work area, copy block)',
      'The record of the demonstration on one device, with its date',
    ],
  }),
  guidance('KBV-A3-13', {
    stepsDe: [
      'Schreiben Sie auf, welche Wechseldatenträger mit Praxisdaten genutzt werden (USB-Sticks, externe Festplatten, Sicherungsplatten) und von wem.',
      'Lassen Sie den IT-Dienstleister eine Verschlüsselung einrichten, z. B. BitLocker To Go unter Windows, oder schaffen Sie verschlüsselte USB-Sticks mit PIN-Eingabe an.',
      'Bewahren Sie das Passwort oder den Wiederherstellungsschlüssel getrennt vom Datenträger auf, z. B. im verschlossenen Schrank der Praxisleitung.',
      'Lassen Sie nach Möglichkeit einstellen, dass die Praxisrechner nur auf verschlüsselte Datenträger schreiben.',
      'Verschlüsseln oder ersetzen Sie vorhandene unverschlüsselte Datenträger und löschen Sie die alten sicher.',
    ],
    stepsEn: [
      'Write down which removable media with practice data are used (USB sticks, external hard drives, backup drives) and by whom.',
      'Have the IT service provider set up encryption, e.g. BitLocker To Go on Windows, or buy encrypted USB sticks with a PIN pad.',
      'Keep the password or recovery key apart from the medium, e.g. in the practice manager’s locked cupboard.',
      'Where possible, have the practice computers set to write only to encrypted media.',
      'Encrypt or replace existing unencrypted media and wipe the old ones securely.',
    ],
    evidenceDe: [
      'Liste der Datenträger mit Vermerk „verschlüsselt“ und Datum',
      'Bestätigung des IT-Dienstleisters oder Screenshot der Verschlüsselungseinstellung',
    ],
    evidenceEn: [
      'A list of the media marked “encrypted”, with the date',
      'Confirmation from the IT service provider or a screenshot of the encryption setting',
    ],
  }),
  guidance('KBV-A3-14', {
    stepsDe: [
      'Schreiben Sie auf, wann Daten auf Wechseldatenträgern weitergegeben oder aufbewahrt werden, z. B. Bilder für eine Überweisung oder Sicherungskopien.',
      'Lassen Sie den IT-Dienstleister ein einfaches Verfahren einrichten, das beim Beschreiben eine Prüfsumme erzeugt oder die Daten digital signiert; eine Prüfsumme ist eine Art Fingerabdruck der Daten, der sich bei jeder Änderung ändert.',
      'Legen Sie fest, dass beim Einlesen die Prüfsumme verglichen wird; viele Sicherungs- und Brennprogramme können das selbst („Überprüfen“).',
      'Schreiben Sie den Ablauf in zwei, drei Sätzen auf und zeigen Sie ihn allen, die Datenträger erstellen.',
    ],
    stepsEn: [
      'Write down when data are handed on or kept on removable media, e.g. images for a referral or backup copies.',
      'Have the IT service provider set up a simple method that creates a checksum or digitally signs the data when writing; a checksum is a kind of fingerprint of the data that changes with every change.',
      'Rule that the checksum is compared when the data are read in; many backup and burning programs can do this themselves (“verify”).',
      'Write the procedure down in two or three sentences and show it to everyone who creates media.',
    ],
    evidenceDe: [
      'Die kurze Arbeitsanweisung zu Prüfsummen oder Signaturen, datiert',
      'Screenshot der Prüfeinstellung im Sicherungs- oder Brennprogramm oder eine Prüfsummendatei als Beispiel',
    ],
    evidenceEn: [
      'The short work instruction on checksums or signatures, dated',
      'A screenshot of the verify setting in the backup or burning program, or a checksum file as an example',
    ],
  }),
  guidance('KBV-A3-15', {
    stepsDe: [
      'Klären Sie mit dem IT-Dienstleister, ob die Praxis einen eigenen E-Mail-Server betreibt (z. B. Exchange im Haus); hat sie nur Postfächer bei einem Anbieter, gilt diese Anforderung nicht.',
      'Lassen Sie sich bestätigen, dass der Server E-Mails verschlüsselt verschickt und empfängt (TLS) und keine E-Mails Fremder weiterleitet (kein „offenes Relay“, das Spammer ausnutzen).',
      'Lassen Sie prüfen, dass Postfächer nur mit eigenem Konto und sicherem Passwort erreichbar sind und der Zugang aus dem Internet (Webmail) abgesichert ist.',
      'Lassen Sie Updates für den E-Mail-Server zeitnah einspielen und jeweils das Datum festhalten.',
      'Erfassen Sie den Server im Menü „Geräte & Dienste“ mit Version und Supportende des Herstellers.',
    ],
    stepsEn: [
      'Find out with the IT service provider whether the practice runs its own mail server (e.g. Exchange on site); if it only has mailboxes with a provider, this requirement does not apply.',
      'Have them confirm that the server sends and receives mail encrypted (TLS) and does not pass on mail for outsiders (no “open relay” that spammers exploit).',
      'Have them check that mailboxes can be reached only with a personal account and a secure password, and that access from the internet (webmail) is protected.',
      'Have updates for the mail server installed promptly and the date recorded each time.',
      'Record the server under “Assets” with its version and the vendor’s end of support.',
    ],
    evidenceDe: [
      'Datierte Bestätigung des IT-Dienstleisters zur sicheren Einrichtung: Verschlüsselung, kein offenes Relay, geschützte Postfächer',
      'Das Ergebnis eines Prüfwerkzeugs für Verschlüsselung und Relay des Servers',
      'Nachweis der letzten Updates (Update-Bericht oder Screenshot)',
    ],
    evidenceEn: [
      'A dated confirmation from the IT service provider of the secure set-up: encryption, no open relay, protected mailboxes',
      'The result of a test tool for the server’s encryption and relay',
      'Proof of the latest updates (an update report or screenshot)',
    ],
  }),
  guidance('KBV-A3-16', {
    stepsDe: [
      'Lassen Sie sich vom IT-Dienstleister bestätigen, dass der E-Mail-Server in die regelmäßige Datensicherung einbezogen ist.',
      'Klären Sie, welche E-Mails wie lange aufbewahrt werden müssen, z. B. Geschäftsbriefe nach Handels- und Steuerrecht und E-Mails, die zur Patientenakte gehören; fragen Sie im Zweifel Ihre Steuerberatung.',
      'Lassen Sie eine Archivierung einrichten, die E-Mails für diese Zeit unveränderbar aufbewahrt und durchsuchbar hält.',
      'Lassen Sie einmal eine einzelne E-Mail und ein ganzes Postfach aus der Sicherung wiederherstellen und halten Sie das Ergebnis fest.',
    ],
    stepsEn: [
      'Have the IT service provider confirm that the mail server is included in the regular backup.',
      'Find out which e-mails must be kept and for how long, e.g. business letters under commercial and tax law and e-mails that belong to the patient record; ask your tax adviser if in doubt.',
      'Have an archive set up that keeps e-mails unchangeable for that time and keeps them searchable.',
      'Have a single e-mail and a whole mailbox restored from the backup once, and record the result.',
    ],
    evidenceDe: [
      'Bestätigung des IT-Dienstleisters, dass E-Mails gesichert und archiviert werden, mit den Aufbewahrungsfristen',
      'Das Protokoll der Probe-Wiederherstellung von E-Mails',
    ],
    evidenceEn: [
      'Confirmation from the IT service provider that e-mails are backed up and archived, with the retention periods',
      'The record of the test restore of e-mails',
    ],
  }),
  guidance('KBV-A3-17', {
    stepsDe: [
      'Lassen Sie sich vom IT-Dienstleister zeigen, dass auf dem E-Mail-Server ein Spamfilter und ein Virenschutz laufen, der auch Anhänge prüft.',
      'Lassen Sie einstellen, dass gefährliche Anhänge, z. B. Programmdateien oder Office-Dateien mit Makros, ausgefiltert oder zurückgehalten werden (Quarantäne).',
      'Lassen Sie sich bestätigen, dass sich Filter und Virenerkennung selbst aktualisieren.',
      'Legen Sie fest, wer die zurückgehaltenen E-Mails ansieht und wie Beschäftigte eine fälschlich aussortierte E-Mail anfordern.',
      'Bitten Sie den IT-Dienstleister um einen kurzen regelmäßigen Bericht, wie viele E-Mails ausgefiltert und ob Schadprogramme gefunden wurden.',
    ],
    stepsEn: [
      'Have the IT service provider show you that a spam filter and an antivirus that also checks attachments run on the mail server.',
      'Have it set so that dangerous attachments, e.g. program files or Office files with macros, are filtered out or held back (quarantine).',
      'Have them confirm that the filter and malware detection update themselves.',
      'Decide who looks at the held-back e-mails and how staff ask for an e-mail that was sorted out by mistake.',
      'Ask the IT service provider for a short regular report on how many e-mails were filtered out and whether malware was found.',
    ],
    evidenceDe: [
      'Screenshot der Einstellungen von Spamfilter und Virenschutz',
      'Bericht des IT-Dienstleisters über ausgefilterte E-Mails und Funde, mit Zeitraum',
    ],
    evidenceEn: [
      'A screenshot of the spam-filter and antivirus settings',
      'A report from the IT service provider on filtered e-mails and findings, with the period covered',
    ],
  }),
];
