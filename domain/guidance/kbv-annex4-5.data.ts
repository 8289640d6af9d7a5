import type { RequirementGuidance } from './guidance.types.ts';
import { guidance } from './guidance-entry.ts';

/**
 * Guidance on KBV Anlage 4 (major medical devices) and Anlage 5 (decentralised components of the telematics
 * infrastructure), in catalog order. Written in our own words from the requirement's title and summary; no sentence
 * of the guideline is quoted. A medical device is changed only by its manufacturer or with the manufacturer's consent.
 */
export const kbvAnnex4to5Guidance: readonly RequirementGuidance[] = [
  guidance('KBV-A4-01', {
    stepsDe: [
      'Erfassen Sie jedes medizinische Großgerät (z. B. CT oder MRT) im Menü „Geräte & Dienste“, mit Hersteller und Servicefirma.',
      'Fragen Sie den Hersteller oder die Servicefirma schriftlich, welche Zugänge zur Einrichtung und Wartung das Gerät hat, auch zur Fernwartung über das Internet.',
      'Lassen Sie voreingestellte Passwörter (Zugangsdaten ab Werk) ersetzen und schreiben Sie auf, wer die neuen Zugangsdaten kennt.',
      'Vereinbaren Sie, dass eine Fernwartung erst beginnt, wenn die Praxis sie freigibt, z. B. indem jemand in der Praxis den Zugang für diese eine Sitzung freischaltet.',
      'Tragen Sie die Wartungszugänge im Menü „Zugänge“ ein und gehen Sie die Liste einmal im Jahr mit der Servicefirma durch.',
    ],
    stepsEn: [
      'Record every major medical device (e.g. CT or MRI) under “Assets”, with its manufacturer and service company.',
      'Ask the manufacturer or the service company in writing which set-up and maintenance accesses the device has, including remote maintenance over the internet.',
      'Have factory passwords (default credentials) replaced and write down who knows the new credentials.',
      'Agree that remote maintenance starts only once the practice allows it, e.g. by someone in the practice opening access for that one session.',
      'Record the maintenance accesses under “Access” and go through the list once a year with the service company.',
    ],
    evidenceDe: [
      'Schriftliche Auskunft des Herstellers über die Wartungszugänge und seine Bestätigung, dass die Passwörter ab Werk ersetzt sind',
      'Datierte Liste der berechtigten Personen und Firmen je Gerät',
      'Der Wartungs- oder Fernwartungsvertrag mit den Regeln zur Freigabe, beim Dienstleister im Menü „Dienstleister“',
    ],
    evidenceEn: [
      'The manufacturer’s written information on the maintenance accesses and its confirmation that factory passwords were replaced',
      'A dated list of the authorised people and companies per device',
      'The maintenance or remote-maintenance contract with the rules for allowing access, kept with the supplier under “Suppliers”',
    ],
  }),
  guidance('KBV-A4-02', {
    stepsDe: [
      'Fragen Sie den Hersteller oder die Servicefirma, über welche Verbindung das Gerät eingerichtet und gewartet wird, vor Ort und aus der Ferne.',
      'Lassen Sie sich schriftlich bestätigen, dass dafür nur verschlüsselte Verfahren genutzt werden, z. B. ein VPN (ein verschlüsselter Tunnel) oder https, und keine unverschlüsselten wie Telnet oder FTP.',
      'Lassen Sie unverschlüsselte Wartungszugänge abschalten; geht das beim Gerät nicht, lassen Sie den Hersteller beschreiben, wie der Zugang stattdessen abgeschirmt wird.',
      'Legen Sie die Bestätigung zum Wartungsvertrag und fragen Sie nach jedem größeren Software-Update des Geräts erneut nach.',
    ],
    stepsEn: [
      'Ask the manufacturer or the service company over which connection the device is set up and maintained, on site and remotely.',
      'Have them confirm in writing that only encrypted methods are used for this, e.g. a VPN (an encrypted tunnel) or https, and no unencrypted ones such as Telnet or FTP.',
      'Have unencrypted maintenance accesses switched off; if the device cannot do without them, have the manufacturer describe how the access is shielded instead.',
      'File the confirmation with the maintenance contract and ask again after every major software update of the device.',
    ],
    evidenceDe: [
      'Schriftliche Bestätigung des Herstellers oder der Servicefirma über die genutzten sicheren Verfahren',
      'Der Fernwartungsvertrag oder die technische Beschreibung des Fernwartungszugangs',
    ],
    evidenceEn: [
      'Written confirmation from the manufacturer or the service company of the secure methods used',
      'The remote-maintenance contract or the technical description of the remote-maintenance access',
    ],
  }),
  guidance('KBV-A4-03', {
    stepsDe: [
      'Fragen Sie den Hersteller, welche sicherheitsrelevanten Ereignisse das Gerät aufzeichnen kann: Anmeldungen, fehlgeschlagene Anmeldungen, geänderte Einstellungen und Wartungszugriffe.',
      'Lassen Sie diese Aufzeichnung einschalten und vereinbaren Sie, wo die Aufzeichnungen liegen und wie lange sie aufbewahrt werden.',
      'Führen Sie zusätzlich ein einfaches Wartungsbuch (Datum, Firma, Person, Anlass, vor Ort oder Fernwartung) und lassen Sie sich nach jeder Fernwartung einen Bericht schicken.',
      'Lassen Sie sich die Aufzeichnungen von Zeit zu Zeit zeigen, z. B. bei der jährlichen Wartung, und klären Sie Auffälligkeiten.',
    ],
    stepsEn: [
      'Ask the manufacturer which security-relevant events the device can record: sign-ins, failed sign-ins, changed settings and maintenance access.',
      'Have this recording switched on and agree where the records are kept and for how long.',
      'Also keep a simple maintenance log (date, company, person, reason, on site or remote) and ask for a report after every remote maintenance session.',
      'Have the records shown to you from time to time, e.g. at the yearly maintenance, and clear up anything unusual.',
    ],
    evidenceDe: [
      'Bestätigung des Herstellers, welche Ereignisse aufgezeichnet werden und wo',
      'Das Wartungsbuch mit den Einträgen der letzten Wartungen',
      'Ein Auszug aus der Geräteaufzeichnung oder ein Fernwartungsbericht',
    ],
    evidenceEn: [
      'The manufacturer’s confirmation of which events are recorded and where',
      'The maintenance log with the entries of the latest maintenance visits',
      'An extract from the device’s records or a remote-maintenance report',
    ],
  }),
  guidance('KBV-A4-04', {
    stepsDe: [
      'Bitten Sie den Hersteller oder die Servicefirma um eine Liste der Dienste, Funktionen und Anschlüsse des Geräts (z. B. USB, WLAN, Netzwerkdienste).',
      'Klären Sie mit den Bedienenden, welche davon im Betrieb wirklich gebraucht werden.',
      'Lassen Sie alles andere vom Hersteller abschalten; ändern Sie ein Medizinprodukt nicht selbst, damit Zulassung und Gewährleistung erhalten bleiben.',
      'Lassen Sie sich schriftlich bestätigen, was abgeschaltet wurde, und fragen Sie nach jedem Software-Update nach, ob es dabei geblieben ist.',
    ],
    stepsEn: [
      'Ask the manufacturer or the service company for a list of the device’s services, functions and ports (e.g. USB, Wi-Fi, network services).',
      'Clarify with the people who operate the device which of them are really needed.',
      'Have the manufacturer switch off everything else; do not change a medical device yourself, so that its approval and warranty remain.',
      'Have them confirm in writing what was switched off, and ask after every software update whether it stayed that way.',
    ],
    evidenceDe: [
      'Datierte schriftliche Bestätigung des Herstellers, welche Dienste und Anschlüsse abgeschaltet sind',
      'Der Wartungsbericht, der die Prüfung nach dem letzten Update festhält',
    ],
    evidenceEn: [
      'A dated written confirmation from the manufacturer of which services and ports are switched off',
      'The maintenance report recording the check after the latest update',
    ],
  }),
  guidance('KBV-A4-05', {
    stepsDe: [
      'Lassen Sie sich vom Hersteller oder der Servicefirma alle Benutzerkonten des Geräts auflisten, auch Standard- und Servicekonten ab Werk.',
      'Gleichen Sie die Liste mit den Personen ab, die das Gerät bedienen, und lassen Sie Konten ausgeschiedener Personen und nicht genutzte Konten abschalten.',
      'Servicekonten, die bleiben müssen, bekommen eigene Passwörter und werden nur für die Dauer einer Wartung freigeschaltet.',
      'Nehmen Sie das Gerät in Ihre Checkliste für den Austritt auf, damit das Konto einer ausscheidenden Person sofort gesperrt wird.',
      'Prüfen Sie die Kontenliste regelmäßig, z. B. bei der jährlichen Wartung.',
    ],
    stepsEn: [
      'Have the manufacturer or the service company list all user accounts on the device, including factory default and service accounts.',
      'Compare the list with the people who operate the device, and have accounts of people who left and unused accounts switched off.',
      'Service accounts that must stay get their own passwords and are opened only for the duration of a maintenance visit.',
      'Add the device to your leaver checklist so that a departing person’s account is blocked at once.',
      'Review the account list regularly, e.g. at the yearly maintenance.',
    ],
    evidenceDe: [
      'Datierte Liste der Konten des Geräts mit Status (aktiv oder gesperrt)',
      'Die Checkliste für den Austritt mit dem Punkt für dieses Gerät',
      'Die Konten der Bedienenden im Menü „Zugänge“',
    ],
    evidenceEn: [
      'A dated list of the device’s accounts with their status (active or blocked)',
      'The leaver checklist with the item for this device',
      'The operators’ accounts under “Access”',
    ],
  }),
  guidance('KBV-A4-06', {
    stepsDe: [
      'Fragen Sie den Hersteller, mit welchen anderen Systemen das Gerät verbunden sein muss, z. B. Bildarchiv (PACS), Praxisverwaltung oder Fernwartung.',
      'Lassen Sie den IT-Dienstleister das Gerät in einen eigenen Netzbereich legen, der von den Büro-Rechnern getrennt ist (ein eigenes Netzsegment).',
      'Lassen Sie an der Grenze dieses Bereichs nur die Verbindungen zu, die der Hersteller genannt hat; alles andere wird gesperrt, auch der freie Zugang ins Internet.',
      'Tragen Sie das Netzsegment beim Gerät im Menü „Geräte & Dienste“ ein und lassen Sie den Netzplan ergänzen.',
      'Lassen Sie die Regeln bei jeder Änderung, z. B. einem neuen Fernwartungsweg, gemeinsam mit dem Hersteller anpassen.',
    ],
    stepsEn: [
      'Ask the manufacturer which other systems the device must be connected to, e.g. the image archive (PACS), the practice management system or remote maintenance.',
      'Have the IT service provider put the device into a network area of its own, separated from the office computers (a separate network segment).',
      'Have only the connections the manufacturer named allowed at the border of this area; everything else is blocked, including open internet access.',
      'Enter the network segment for the device under “Assets” and have the network plan updated.',
      'Have the rules adjusted together with the manufacturer at every change, e.g. a new remote-maintenance route.',
    ],
    evidenceDe: [
      'Der Netzplan mit dem eigenen Bereich für die Großgeräte',
      'Die Liste der erlaubten Verbindungen (Firewall-Regeln), vom IT-Dienstleister bestätigt',
      'Das Netzsegment beim Gerät im Menü „Geräte & Dienste“',
    ],
    evidenceEn: [
      'The network plan showing the separate area for the major devices',
      'The list of allowed connections (firewall rules), confirmed by the IT service provider',
      'The network segment recorded for the device under “Assets”',
    ],
  }),
  guidance('KBV-A5-01', {
    stepsDe: [
      'Beauftragen Sie für Einrichtung oder Austausch von Konnektor, TI-Gateway-Zugang und Kartenterminals einen dafür qualifizierten Dienstleister, z. B. den TI-Dienstleister Ihrer Praxisverwaltung.',
      'Lassen Sie vorher schriftlich planen, wo die Geräte stehen, wie sie ans Praxisnetz angeschlossen werden und was an Internetzugang und Firewall geändert wird.',
      'Lassen Sie sich bestätigen, dass nach den Vorgaben der gematik und des Herstellers installiert wird, und bewahren Sie das Installationsprotokoll auf.',
      'Tragen Sie den Dienstleister im Menü „Dienstleister“ ein, mit Notfallkontakt und, wenn er auf Patientendaten zugreifen kann, mit dem Vertrag zur Auftragsverarbeitung (AVV).',
      'Erfassen Sie Konnektor, Kartenterminals und Karten im Menü „Geräte & Dienste“.',
    ],
    stepsEn: [
      'Commission a qualified service provider to set up or replace the connector, TI gateway access and card terminals, e.g. the TI service provider of your practice management system.',
      'Have them plan in writing beforehand where the devices will stand, how they are connected to the practice network and what changes at the internet access and the firewall.',
      'Have them confirm that installation follows the specifications of gematik and the manufacturer, and keep the installation record.',
      'Record the service provider under “Suppliers”, with an emergency contact and, if they can access patient data, the data processing agreement (AVV).',
      'Record the connector, card terminals and cards under “Assets”.',
    ],
    evidenceDe: [
      'Installationsplan und Installationsprotokoll des Dienstleisters, datiert',
      'Auftrag oder Vertrag mit dem TI-Dienstleister, beim Dienstleister im Menü „Dienstleister“',
      'Die TI-Komponenten im Menü „Geräte & Dienste“',
    ],
    evidenceEn: [
      'The service provider’s installation plan and installation record, dated',
      'The order or contract with the TI service provider, kept with the supplier under “Suppliers”',
      'The TI components under “Assets”',
    ],
  }),
  guidance('KBV-A5-02', {
    stepsDe: [
      'Lassen Sie sich vom TI-Dienstleister die Betriebs- und Sicherheitshinweise des Herstellers für Konnektor und Kartenterminals geben und legen Sie sie ab.',
      'Bitten Sie ihn, die Punkte herauszuschreiben, die die Praxis selbst beachten muss, z. B. Geräte nicht umstellen oder vom Strom nehmen, Siegel nicht beschädigen, Störungen melden.',
      'Besprechen Sie diese Punkte mit den Beschäftigten am Empfang und legen Sie eine Kurzanleitung neben die Geräte.',
      'Legen Sie fest, wer bei Störungen den TI-Dienstleister anruft, und halten Sie dessen Notfallkontakt im Menü „Dienstleister“ bereit.',
      'Lassen Sie sich nach jeder Wartung oder Änderung kurz schriftlich bestätigen, was gemacht wurde.',
    ],
    stepsEn: [
      'Ask the TI service provider for the manufacturer’s operating and security instructions for the connector and card terminals, and file them.',
      'Ask them to pick out the points the practice itself must observe, e.g. do not move the devices or unplug them, do not damage the seals, report faults.',
      'Go through these points with the reception staff and put a short guide next to the devices.',
      'Decide who calls the TI service provider when there is a fault, and keep their emergency contact ready under “Suppliers”.',
      'After every maintenance visit or change, ask for a short written note of what was done.',
    ],
    evidenceDe: [
      'Die Betriebs- und Sicherheitshinweise des Herstellers, als Nachweis an dieser Anforderung hochgeladen',
      'Die Kurzanleitung für das Team und ein Nachweis der Einweisung',
      'Die Wartungsberichte des TI-Dienstleisters',
    ],
    evidenceEn: [
      'The manufacturer’s operating and security instructions, uploaded as evidence on this requirement',
      'The short guide for the team and proof of the briefing',
      'The TI service provider’s maintenance reports',
    ],
  }),
  guidance('KBV-A5-03', {
    stepsDe: [
      'Stellen Sie den Konnektor in einen abschließbaren Raum oder Schrank, zu dem nur wenige Personen einen Schlüssel haben.',
      'Stellen Sie die Kartenterminals so auf, dass Fremde sie nicht unbeobachtet erreichen, und prüfen Sie regelmäßig, ob ihre Sicherheitssiegel unbeschädigt sind.',
      'Sorgen Sie dafür, dass die Karten nicht für Fremde greifbar sind: den Praxisausweis (SMC-B) in einem Terminal an einem geschützten Ort, nicht gebrauchte Heilberufsausweise (eHBA) verschlossen.',
      'Halten Sie die PINs der Karten geheim; schreiben Sie sie nie auf die Karte oder an das Terminal.',
      'Schreiben Sie auf, wer einen Schlüssel zum Raum des Konnektors hat, und erfassen Sie die Karten im Menü „Geräte & Dienste“.',
    ],
    stepsEn: [
      'Put the connector in a lockable room or cabinet to which only a few people have a key.',
      'Place the card terminals so that outsiders cannot reach them unobserved, and check regularly that their security seals are intact.',
      'Make sure the cards are out of outsiders’ reach: the practice card (SMC-B) in a terminal in a protected place, health professional cards (eHBA) locked away when not in use.',
      'Keep the cards’ PINs secret; never write them on the card or on the terminal.',
      'Write down who has a key to the connector’s room, and record the cards under “Assets”.',
    ],
    evidenceDe: [
      'Foto des Aufstellorts von Konnektor und Kartenterminals (verschlossener Raum oder Schrank)',
      'Die Schlüsselliste für diesen Raum oder Schrank, datiert',
      'Das Protokoll der Siegelprüfung an den Kartenterminals',
    ],
    evidenceEn: [
      'A photo of where the connector and card terminals are installed (a locked room or cabinet)',
      'The key list for that room or cabinet, dated',
      'The record of the seal checks on the card terminals',
    ],
  }),
  guidance('KBV-A5-04', {
    stepsDe: [
      'Fragen Sie den TI-Dienstleister, wie der Konnektor angeschlossen ist: Geht der Internetverkehr der Praxis am Konnektor vorbei über den eigenen Router (parallel), oder läuft alles durch den Konnektor?',
      'Läuft der Internetzugang parallel, lassen Sie sich bestätigen, dass eine Firewall ihn schützt und von außen keine Verbindungen in das Praxisnetz zulässt.',
      'Lassen Sie prüfen, dass Router und Firewall aktuelle Updates haben und nicht mit dem Passwort ab Werk verwaltet werden.',
      'Lassen Sie die Art des Anschlusses und die Firewall im Netzplan festhalten und erfassen Sie die Firewall im Menü „Geräte & Dienste“.',
    ],
    stepsEn: [
      'Ask the TI service provider how the connector is connected: does the practice’s internet traffic bypass the connector through its own router (in parallel), or does everything run through the connector?',
      'If internet access runs in parallel, have them confirm that a firewall protects it and lets no connections from outside into the practice network.',
      'Have them check that router and firewall have current updates and are not managed with the factory password.',
      'Have the type of connection and the firewall recorded in the network plan, and record the firewall under “Assets”.',
    ],
    evidenceDe: [
      'Datierte Bestätigung des TI-Dienstleisters über die Art des Anschlusses und die Firewall',
      'Der Netzplan mit Konnektor, Router und Firewall',
      'Screenshot oder Bericht der Firewall-Einstellungen',
    ],
    evidenceEn: [
      'A dated confirmation from the TI service provider of the type of connection and the firewall',
      'The network plan showing connector, router and firewall',
      'A screenshot or report of the firewall settings',
    ],
  }),
  guidance('KBV-A5-05', {
    stepsDe: [
      'Lassen Sie sich vom Anbieter des gehosteten Konnektors (eines Konnektors im Rechenzentrum) seine Vorgaben für die Verbindung aus der Praxis geben.',
      'Lassen Sie den IT-Dienstleister die Verbindung danach einrichten, in der Regel als VPN, also als verschlüsselten Tunnel zwischen Praxis und Rechenzentrum.',
      'Lassen Sie sich bestätigen, dass alle Vorgaben des Anbieters erfüllt sind, und bewahren Sie die Bestätigung auf.',
      'Tragen Sie den Anbieter im Menü „Dienstleister“ ein, mit Vertrag, Notfallkontakt und, wenn er Patientendaten verarbeitet, dem Vertrag zur Auftragsverarbeitung (AVV).',
      'Lassen Sie die Verbindung nach Änderungen an Router oder Firewall erneut prüfen.',
    ],
    stepsEn: [
      'Ask the provider of the hosted connector (a connector in a data centre) for its specifications for the connection from the practice.',
      'Have the IT service provider set up the connection accordingly, usually as a VPN, an encrypted tunnel between practice and data centre.',
      'Have them confirm that all of the provider’s specifications are met, and keep the confirmation.',
      'Record the provider under “Suppliers”, with the contract, an emergency contact and, if it processes patient data, the data processing agreement (AVV).',
      'Have the connection checked again after changes to the router or firewall.',
    ],
    evidenceDe: [
      'Die Vorgaben des Anbieters und die Bestätigung des IT-Dienstleisters, dass sie umgesetzt sind',
      'Der Vertrag mit dem Anbieter des gehosteten Konnektors, beim Dienstleister im Menü „Dienstleister“',
      'Screenshot der VPN-Verbindung oder ihrer Einstellungen',
    ],
    evidenceEn: [
      'The provider’s specifications and the IT service provider’s confirmation that they are met',
      'The contract with the hosted-connector provider, kept with the supplier under “Suppliers”',
      'A screenshot of the VPN connection or its settings',
    ],
  }),
  guidance('KBV-A5-06', {
    stepsDe: [
      'Klären Sie, ob die Praxis über ein TI-Gateway an die Telematikinfrastruktur angeschlossen ist, also über ein Rechenzentrum statt über einen Konnektor in der Praxis.',
      'Lassen Sie sich vom Anbieter des TI-Gateways seine Vorgaben für Anbindung und Betrieb geben, z. B. zur Verbindung, zu den Geräten in der Praxis und zu Updates.',
      'Gehen Sie die Vorgaben mit dem IT-Dienstleister Punkt für Punkt durch und lassen Sie sich bestätigen, dass sie erfüllt sind.',
      'Tragen Sie den Anbieter im Menü „Dienstleister“ ein, mit Vertrag, Notfallkontakt und, wenn nötig, dem Vertrag zur Auftragsverarbeitung (AVV).',
      'Fragen Sie bei einer Vertragsverlängerung und bei neuen Versionen nach, ob sich die Vorgaben geändert haben.',
    ],
    stepsEn: [
      'Find out whether the practice is connected to the telematics infrastructure through a TI gateway, i.e. through a data centre instead of a connector in the practice.',
      'Ask the TI gateway provider for its specifications for connection and operation, e.g. on the connection, the devices in the practice and updates.',
      'Go through the specifications point by point with the IT service provider and have them confirm that they are met.',
      'Record the provider under “Suppliers”, with the contract, an emergency contact and, where needed, the data processing agreement (AVV).',
      'Ask whether the specifications have changed when the contract is renewed and when new versions come out.',
    ],
    evidenceDe: [
      'Die Vorgaben des TI-Gateway-Anbieters, als Nachweis an dieser Anforderung hochgeladen',
      'Datierte Bestätigung des IT-Dienstleisters, dass die Vorgaben umgesetzt sind',
      'Der Vertrag mit dem Anbieter, beim Dienstleister im Menü „Dienstleister“',
    ],
    evidenceEn: [
      'The TI gateway provider’s specifications, uploaded as evidence on this requirement',
      'A dated confirmation from the IT service provider that the specifications are met',
      'The contract with the provider, kept with the supplier under “Suppliers”',
    ],
  }),
  guidance('KBV-A5-07', {
    stepsDe: [
      'Fragen Sie den TI-Dienstleister oder den Hersteller der Praxisverwaltung, ob die Verbindung zwischen Praxisverwaltung und Konnektor bzw. TI-Gateway verschlüsselt ist (TLS).',
      'Lassen Sie einstellen, dass nur verschlüsselte Verbindungen angenommen werden und sich die Praxisverwaltung dabei ausweist, z. B. mit einem Zertifikat oder mit Benutzername und Passwort.',
      'Lassen Sie einen unverschlüsselten Zugang, der manchmal von der Einrichtung übrig ist, abschalten.',
      'Lassen Sie sich die Einstellung schriftlich bestätigen und notieren Sie, wann das Zertifikat abläuft, damit es rechtzeitig erneuert wird.',
    ],
    stepsEn: [
      'Ask the TI service provider or the vendor of the practice management system whether the connection between the practice management system and the connector or TI gateway is encrypted (TLS).',
      'Have it set so that only encrypted connections are accepted and the practice management system identifies itself, e.g. with a certificate or with a user name and password.',
      'Have any unencrypted access that is sometimes left over from the installation switched off.',
      'Have the setting confirmed in writing and note when the certificate expires so that it is renewed in time.',
    ],
    evidenceDe: [
      'Datierte schriftliche Bestätigung des TI-Dienstleisters: nur verschlüsselte Verbindungen, bei denen sich die Praxisverwaltung ausweist',
      'Screenshot der Einstellung in der Verwaltungsoberfläche des Konnektors',
    ],
    evidenceEn: [
      'A dated written confirmation from the TI service provider: only encrypted connections in which the practice management system identifies itself',
      'A screenshot of the setting in the connector’s management console',
    ],
  }),
  guidance('KBV-A5-08', {
    stepsDe: [
      'Erfassen Sie Konnektor, Kartenterminals und TI-Software im Menü „Geräte & Dienste“, jeweils mit Version und dem Datum der letzten Updates.',
      'Vereinbaren Sie mit dem TI-Dienstleister schriftlich, dass er verfügbare Updates zeitnah einspielt, und legen Sie eine Frist fest, die Sie nachprüfen können.',
      'Lassen Sie, wo es das Gerät anbietet, die automatische Update-Funktion einschalten.',
      'Lassen Sie sich nach jedem Update die neue Version mitteilen und tragen Sie sie mit Datum im Menü „Geräte & Dienste“ ein.',
      'Sehen Sie regelmäßig nach, z. B. einmal im Vierteljahr, ob alle TI-Komponenten auf dem aktuellen Stand sind.',
    ],
    stepsEn: [
      'Record the connector, card terminals and TI software under “Assets”, each with its version and the date of the latest updates.',
      'Agree in writing with the TI service provider that they install available updates promptly, and set a deadline you can check.',
      'Where the device offers it, have the automatic update function switched on.',
      'After every update, ask for the new version and enter it with the date under “Assets”.',
      'Check regularly, e.g. once a quarter, that all TI components are up to date.',
    ],
    evidenceDe: [
      'Die Vereinbarung mit dem TI-Dienstleister über das Einspielen von Updates',
      'Update-Berichte oder Screenshots mit Version und Datum',
      'Versionen und Update-Daten der TI-Komponenten im Menü „Geräte & Dienste“',
    ],
    evidenceEn: [
      'The agreement with the TI service provider on installing updates',
      'Update reports or screenshots with version and date',
      'The versions and update dates of the TI components under “Assets”',
    ],
  }),
  guidance('KBV-A5-09', {
    stepsDe: [
      'Schreiben Sie auf, welche Administrationsdaten es für die TI gibt: Admin-Passwort des Konnektors, Zugangsdaten der Kartenterminals, PIN-Briefe und PUKs der Karten.',
      'Lassen Sie Passwörter ab Werk vom TI-Dienstleister durch eigene, starke Passwörter ersetzen.',
      'Bewahren Sie diese Daten sicher auf: in einem Passwort-Manager (einem verschlüsselten Programm für Passwörter) oder im verschlossenen Umschlag im Tresor, nie am Gerät oder offen am Empfang.',
      'Legen Sie fest, wer darauf zugreifen darf (z. B. Praxisleitung und TI-Dienstleister), und halten Sie fest, wer die Daten wann entnommen hat.',
      'Lassen Sie die Passwörter ändern, wenn eine Person mit Zugriff ausscheidet oder der Dienstleister wechselt.',
    ],
    stepsEn: [
      'Write down which administration data exist for the TI: the connector’s admin password, the card terminals’ credentials, the PIN letters and PUKs of the cards.',
      'Have the TI service provider replace factory passwords with your own strong passwords.',
      'Keep these data safe: in a password manager (an encrypted program for passwords) or in a sealed envelope in the safe, never on the device or openly at reception.',
      'Decide who may access them (e.g. the practice manager and the TI service provider), and record who took them out and when.',
      'Have the passwords changed when a person with access leaves or the service provider changes.',
    ],
    evidenceDe: [
      'Liste der Administrationsdaten ohne die Passwörter selbst, mit Aufbewahrungsort und berechtigten Personen',
      'Bestätigung des TI-Dienstleisters, dass die Passwörter ab Werk ersetzt sind',
      'Die Liste der Entnahmen aus dem Tresor oder dem Passwort-Manager',
    ],
    evidenceEn: [
      'A list of the administration data without the passwords themselves, with where they are kept and who may access them',
      'Confirmation from the TI service provider that factory passwords were replaced',
      'The log of when the data were taken from the safe or the password manager',
    ],
  }),
];
