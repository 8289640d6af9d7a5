import type { RequirementGuidance } from './guidance.types.ts';
import { kbvSource } from './kbv-annex1-sources.ts';

/**
 * Practical guidance on KBV Anlage 1 Nr. 14–25 (issue 12): steps a practice without IT staff can take, and what an
 * auditor accepts as evidence, in our own words from the requirement's title and summary, naming the places in
 * praxisschild where the work is recorded; no KBV wording. Steps beyond the requirement are examples ("z. B.").
 */
export const kbvAnnex1GuidanceB: readonly RequirementGuidance[] = [
  {
    requirementId: 'KBV-A1-14',
    stepsDe: [
      'Schalten Sie auf allen PCs und Laptops die automatischen Updates des Betriebssystems ein, oder lassen Sie den IT-Dienstleister die Updates zentral verteilen.',
      'Lassen Sie ebenso Updates für Programme (Browser, PDF-Programm, Office), für das PVS und für die Firmware (die eingebaute Gerätesoftware) von Router, Druckern und anderen Geräten einspielen.',
      'Legen Sie mit dem IT-Dienstleister eine Frist fest, z. B. wichtige Sicherheitsupdates innerhalb weniger Tage, alle übrigen innerhalb eines Monats.',
      'Starten Sie Rechner regelmäßig neu, damit heruntergeladene Updates auch wirksam werden.',
      'Tragen Sie unter „Geräte & Dienste“ je Gerät ein, wann zuletzt Updates eingespielt wurden.',
    ],
    stepsEn: [
      'Switch on automatic operating-system updates on all PCs and laptops, or have the IT service provider distribute updates centrally.',
      'Have updates installed in the same way for programs (browser, PDF reader, Office), for the practice software and for the firmware (the built-in device software) of router, printers and other devices.',
      'Agree a deadline with the IT service provider, e.g. important security updates within a few days, all others within a month.',
      'Restart computers regularly so that downloaded updates take effect.',
      'Under "Assets", record for each device when updates were last installed.',
    ],
    evidenceDe: [
      'Ein regelmäßiger Bericht des IT-Dienstleisters über eingespielte Updates, z. B. monatlich aus seiner Verwaltungssoftware.',
      'Screenshots der Update-Einstellungen oder des Update-Verlaufs ausgewählter Geräte, mit Datum.',
      'Das Feld „Letzte Updates eingespielt am“ je Gerät unter „Geräte & Dienste“.',
    ],
    evidenceEn: [
      'A regular report from the IT service provider on installed updates, e.g. monthly from their management software.',
      'Dated screenshots of the update settings or update history of selected devices.',
      'The field "Last updates installed on" for each device under "Assets".',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-14')],
  },
  {
    requirementId: 'KBV-A1-15',
    stepsDe: [
      'Schreiben Sie für jede Art von System auf, wer die Updates einspielt: PCs, Server, PVS, Router, Konnektor, Smartphones.',
      'Tragen Sie unter „Geräte & Dienste“ bei jedem Eintrag die verantwortliche Person oder den Dienstleister ein.',
      'Lassen Sie sich vom IT-Dienstleister und vom PVS-Anbieter im Vertrag oder per E-Mail bestätigen, für welche Systeme sie die Updates übernehmen.',
      'Benennen Sie in der Praxis eine Person und eine Vertretung, die nachfragen, wenn Updates ausbleiben.',
    ],
    stepsEn: [
      'For each kind of system, write down who installs the updates: PCs, servers, practice software, router, connector, smartphones.',
      'Under "Assets", enter the person or supplier in charge for every entry.',
      'Have the IT service provider and the practice-software vendor confirm in the contract or by e-mail for which systems they take care of updates.',
      'Name a person in the practice, and a deputy, who follow up when updates fail to arrive.',
    ],
    evidenceDe: [
      'Eine Zuständigkeitsliste für Updates, datiert und von der Praxisleitung abgezeichnet.',
      'Der Vertrag oder die schriftliche Bestätigung von IT-Dienstleister und PVS-Anbieter über die übernommenen Updates.',
      'Die Angabe „Verantwortlich“ bei den Einträgen unter „Geräte & Dienste“.',
    ],
    evidenceEn: [
      'A list of who is responsible for updates, dated and initialled by the practice management.',
      'The contract or written confirmation from the IT service provider and the practice-software vendor on the updates they cover.',
      'The "Owner" field of the entries under "Assets".',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-15')],
  },
  {
    requirementId: 'KBV-A1-16',
    stepsDe: [
      'Erfassen Sie alle Geräte und Programme unter „Geräte & Dienste“, mit Hersteller, Version und Betriebssystem.',
      'Lassen Sie den IT-Dienstleister zu jedem Eintrag das Supportende eintragen, also den Tag, ab dem der Hersteller keine Sicherheitsupdates mehr liefert (bei Windows 10 z. B. der 14. Oktober 2025).',
      'Achten Sie auf die Warnungen in praxisschild: Sie erscheinen 90 Tage vor dem Supportende und bleiben danach stehen.',
      'Fragen Sie einmal im Jahr beim IT-Dienstleister nach, ob Systeme ohne Updates dazugekommen sind, auch Medizingeräte mit eingebautem PC.',
    ],
    stepsEn: [
      'Record all devices and programs under "Assets", with manufacturer, version and operating system.',
      'Have the IT service provider enter the end of vendor support for each entry, i.e. the day from which the manufacturer delivers no more security updates (for Windows 10, e.g., 14 October 2025).',
      'Watch the warnings in praxisschild: they appear 90 days before the end of support and stay afterwards.',
      'Once a year, ask the IT service provider whether systems without updates have been added, including medical devices with a built-in PC.',
    ],
    evidenceDe: [
      'Die Liste unter „Geräte & Dienste“ mit ausgefülltem Supportende je Eintrag.',
      'Ein datierter Bericht des IT-Dienstleisters über Systeme, deren Support endet oder geendet hat.',
    ],
    evidenceEn: [
      'The list under "Assets" with the end of vendor support filled in for each entry.',
      'A dated report from the IT service provider on systems whose support is ending or has ended.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-16')],
  },
  {
    requirementId: 'KBV-A1-17',
    stepsDe: [
      'Gehen Sie jedes System mit der Warnung „Kein Herstellersupport mehr“ unter „Geräte & Dienste“ durch und klären Sie mit dem IT-Dienstleister, ob es ersetzt werden kann.',
      'Planen Sie den Ersatz mit Termin und Kosten und legen Sie dafür eine Aufgabe unter „Aufgaben“ an.',
      'Muss ein System weiterlaufen (z. B. ein Ultraschallgerät mit altem Windows), lassen Sie es vom Internet und vom übrigen Praxisnetz trennen, sodass ihm nur die nötigen Verbindungen bleiben.',
      'Lassen Sie sich die Trennung vom IT-Dienstleister schriftlich bestätigen und halten Sie fest, warum das System noch gebraucht wird.',
    ],
    stepsEn: [
      'Go through every system with the warning "Vendor support ended" under "Assets" and clarify with the IT service provider whether it can be replaced.',
      'Plan the replacement with date and cost, and create a task for it under "Tasks".',
      'If a system has to keep running (e.g. an ultrasound device with an old Windows), have it separated from the internet and from the rest of the practice network so that only the connections it needs remain.',
      'Have the IT service provider confirm the separation in writing, and record why the system is still needed.',
    ],
    evidenceDe: [
      'Für ersetzte Systeme ein Beleg über Austausch oder Entsorgung, mit Datum.',
      'Für weiterbetriebene Systeme die schriftliche Bestätigung der Netztrennung und die Begründung, als Nachweis an dieser Anforderung hochgeladen.',
      'Die Einträge unter „Geräte & Dienste“ mit Netzsegment und Notiz.',
    ],
    evidenceEn: [
      'For replaced systems, a dated record of the exchange or disposal.',
      'For systems still in use, the written confirmation of the network separation and the reason, uploaded as evidence on this requirement.',
      'The entries under "Assets" with network segment and note.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-17')],
  },
  {
    requirementId: 'KBV-A1-18',
    stepsDe: [
      'Gehen Sie alle Praxisrechner durch und notieren Sie, welche eine Kamera oder ein Mikrofon haben und ob sie gebraucht werden, etwa für die Videosprechstunde.',
      'Lassen Sie nicht benötigte Kameras und Mikrofone vom IT-Dienstleister in den Geräteeinstellungen abschalten, oder ziehen Sie externe Geräte ab.',
      'Decken Sie eingebaute Kameras, die nicht gebraucht werden, zusätzlich mit einer Kameraabdeckung ab.',
      'Stellen Sie bei benötigten Geräten ein, dass nur die dafür nötigen Programme (z. B. die Software der Videosprechstunde) darauf zugreifen dürfen.',
    ],
    stepsEn: [
      'Go through all practice computers and note which have a camera or microphone and whether it is needed, for example for video consultations.',
      'Have the IT service provider switch off, in the device settings, cameras and microphones that are not needed, or unplug external ones.',
      'Also cover built-in cameras that are not needed with a webcam cover.',
      'Where they are needed, allow only the programs that need them (e.g. the video-consultation software) to access them.',
    ],
    evidenceDe: [
      'Eine datierte Liste der Rechner mit Kamera oder Mikrofon und ihrem Zustand: abgeschaltet, abgedeckt oder freigegeben für welches Programm.',
      'Screenshots der Datenschutzeinstellungen für Kamera und Mikrofon an einem Beispielgerät.',
    ],
    evidenceEn: [
      'A dated list of the computers with camera or microphone and their state: switched off, covered, or allowed for which program.',
      'Screenshots of the camera and microphone privacy settings on a sample device.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-18')],
  },
  {
    requirementId: 'KBV-A1-19',
    stepsDe: [
      'Vereinbaren Sie im Team: Wer den Arbeitsplatz verlässt, sperrt den Bildschirm (unter Windows mit Windows-Taste + L); wer mit der Arbeit fertig ist, meldet sich ab.',
      'Lassen Sie auf allen Rechnern eine automatische Sperre nach wenigen Minuten ohne Eingabe einstellen, z. B. nach 5 Minuten.',
      'Nehmen Sie die Regel in die schriftlichen IT-Regeln und in die Einweisung neuer Beschäftigter auf.',
      'Prüfen Sie ab und zu stichprobenartig, ob unbesetzte Arbeitsplätze gesperrt sind, und erinnern Sie freundlich daran.',
    ],
    stepsEn: [
      'Agree in the team: whoever leaves their workstation locks the screen (on Windows with Windows key + L); whoever has finished their work signs out.',
      'Have an automatic lock after a few minutes without input set on all computers, e.g. after 5 minutes.',
      'Put the rule into the written IT rules and into the instruction of new staff.',
      'Now and then, spot-check whether unattended workstations are locked, and give a friendly reminder.',
    ],
    evidenceDe: [
      'Die Regel zum Sperren und Abmelden in den schriftlichen IT-Regeln der Praxis.',
      'Ein Screenshot der automatischen Sperre oder eine Bestätigung des IT-Dienstleisters, dass sie auf allen Rechnern eingestellt ist.',
      'Notizen zu den Stichproben, mit Datum.',
    ],
    evidenceEn: [
      "The rule on locking and signing out in the practice's written IT rules.",
      'A screenshot of the automatic lock, or a confirmation from the IT service provider that it is set on all computers.',
      'Dated notes on the spot checks.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-19')],
  },
  {
    requirementId: 'KBV-A1-20',
    stepsDe: [
      'Lassen Sie sich vom IT-Dienstleister bestätigen, dass auf jedem PC, Laptop und Server ein Virenschutz läuft; das kann der in Windows eingebaute Microsoft Defender sein, wenn er eingeschaltet ist.',
      'Lassen Sie einstellen, dass sich der Virenschutz mindestens täglich selbst aktualisiert und Warnungen beim IT-Dienstleister ankommen.',
      'Sagen Sie dem Team, was bei einer Virenwarnung zu tun ist: nichts weiter anklicken, die Arbeit an dem Gerät unterbrechen und sofort die Praxisleitung oder den IT-Dienstleister anrufen.',
      'Lassen Sie sich regelmäßig, z. B. vierteljährlich, einen Bericht geben, ob alle Geräte geschützt und aktuell sind.',
    ],
    stepsEn: [
      'Have the IT service provider confirm that malware protection runs on every PC, laptop and server; this can be the Microsoft Defender built into Windows, if it is switched on.',
      'Have it set so that the protection updates itself at least daily and that warnings reach the IT service provider.',
      'Tell the team what to do when a malware warning appears: click nothing more, stop working on the device and call the practice management or the IT service provider at once.',
      'Ask for a regular report, e.g. quarterly, on whether all devices are protected and up to date.',
    ],
    evidenceDe: [
      'Ein Bericht des IT-Dienstleisters oder ein Screenshot seiner Verwaltungsübersicht mit allen Geräten und dem Stand des Virenschutzes.',
      'Ein datierter Screenshot der Windows-Sicherheit „Viren- & Bedrohungsschutz“ von einem Beispielgerät.',
    ],
    evidenceEn: [
      'A report from the IT service provider, or a screenshot of their management console, listing all devices and the state of their protection.',
      'A dated screenshot of Windows Security "Virus & threat protection" from a sample device.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-20')],
  },
  {
    requirementId: 'KBV-A1-21',
    stepsDe: [
      'Lassen Sie den IT-Dienstleister eine automatische Datensicherung einrichten, die mindestens die PVS-Datenbank, gescannte Dokumente, E-Mails und die Ablage auf dem Server umfasst.',
      'Lassen Sie an jedem Praxistag sichern; was seit der letzten Sicherung verloren geht, müssten Sie sonst von Hand nacherfassen.',
      'Lassen Sie es so einrichten, dass eine fehlgeschlagene Sicherung gemeldet wird, per E-Mail an die Praxis und an den IT-Dienstleister.',
      'Erfassen Sie die Sicherung unter „Geräte & Dienste“ mit der Art „Datensicherung (Backup)“.',
    ],
    stepsEn: [
      'Have the IT service provider set up an automatic backup covering at least the practice-software database, scanned documents, e-mail and the file storage on the server.',
      'Back up on every practice day; whatever is lost since the last backup would otherwise have to be re-entered by hand.',
      'Have it set up so that a failed backup is reported by e-mail to the practice and to the IT service provider.',
      'Record the backup under "Assets" with the kind "Backup system".',
    ],
    evidenceDe: [
      'Das Protokoll der Sicherungssoftware über die letzten Wochen, mit erfolgreichen und fehlgeschlagenen Läufen.',
      'Die Beschreibung der Datensicherung nach Anlage 1 Nr. 23, als Nachweis an dieser Anforderung hochgeladen.',
    ],
    evidenceEn: [
      "The backup software's log of the last weeks, with successful and failed runs.",
      'The description of the backup under Anlage 1 Nr. 23, uploaded as evidence on this requirement.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-21')],
  },
  {
    requirementId: 'KBV-A1-22',
    stepsDe: [
      'Lassen Sie mindestens eine Kopie der Sicherung so aufbewahren, dass ein Angreifer im Praxisnetz sie nicht erreicht: auf einem Datenträger, der nach der Sicherung abgesteckt wird, oder bei einem Anbieter, bei dem Sicherungen für eine Zeit nicht gelöscht werden können.',
      'Lassen Sie die Sicherungen verschlüsseln und bewahren Sie das Kennwort getrennt davon auf, z. B. versiegelt im Tresor.',
      'Schließen Sie Sicherungsdatenträger weg, getrennt vom Server (z. B. in einem anderen Raum oder Gebäude), damit ein Brand oder Einbruch nicht beides trifft.',
      'Geben Sie Zugriff auf die Sicherungen nur dem IT-Dienstleister und benannten Personen in der Praxis.',
      'Liegt eine Sicherung bei einem Cloud-Anbieter, erfassen Sie ihn unter „Dienstleister“ mit AVV und C5-Nachweis.',
    ],
    stepsEn: [
      'Have at least one copy of the backup kept where an attacker in the practice network cannot reach it: on a drive that is unplugged after the backup, or with a provider where backups cannot be deleted for a set time.',
      'Have the backups encrypted, and keep the password separately, e.g. sealed in the safe.',
      'Lock backup drives away apart from the server (e.g. in another room or building), so that a fire or burglary does not hit both.',
      'Give access to the backups only to the IT service provider and named people in the practice.',
      'If a backup is kept by a cloud provider, record it under "Suppliers" with DPA and C5 evidence.',
    ],
    evidenceDe: [
      'Eine Bestätigung des IT-Dienstleisters, wie die Sicherung getrennt, verschlüsselt und geschützt aufbewahrt wird.',
      'Ein Buch über die Sicherungsdatenträger: wer hat wann welchen Datenträger wohin gebracht.',
      'Bei Sicherung in der Cloud: AVV und C5-Nachweis unter „Dienstleister“.',
    ],
    evidenceEn: [
      'A confirmation from the IT service provider of how the backup is kept separate, encrypted and protected.',
      'A log of the backup drives: who took which drive where and when.',
      'For cloud backups: DPA and C5 evidence under "Suppliers".',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-22')],
  },
  {
    requirementId: 'KBV-A1-23',
    stepsDe: [
      'Schreiben Sie mit dem IT-Dienstleister ein kurzes Datensicherungskonzept und halten Sie darin zuerst fest, welche Daten gesichert werden: PVS, Dokumente, E-Mails, Einstellungen der Geräte.',
      'Halten Sie fest, wie und wie oft gesichert wird, z. B. jede Nacht die Änderungen und am Wochenende alles.',
      'Schreiben Sie auf, wohin gesichert wird (externe Festplatte, Sicherungsgerät, Rechenzentrum) und wie viele Kopien es gibt.',
      'Legen Sie fest, wie lange Sicherungen aufbewahrt werden, z. B. die täglichen 30 Tage und die monatlichen ein Jahr, und stimmen Sie das mit Ihren Aufbewahrungs- und Löschfristen ab.',
    ],
    stepsEn: [
      'Write a short backup concept with the IT service provider, and first record which data is backed up: practice software, documents, e-mail, device settings.',
      'Record how and how often backups run, e.g. the changes every night and everything at the weekend.',
      'Write down where backups go (external drive, backup appliance, data centre) and how many copies exist.',
      'Decide how long backups are kept, e.g. daily ones for 30 days and monthly ones for a year, and align this with your retention and deletion periods.',
    ],
    evidenceDe: [
      'Das Datensicherungskonzept mit Datum, als Nachweis an dieser Anforderung hochgeladen.',
      'Ein Screenshot oder Export der Einstellungen der Sicherungssoftware, die zum Konzept passen.',
    ],
    evidenceEn: [
      'The backup concept with its date, uploaded as evidence on this requirement.',
      'A screenshot or export of the backup software settings that match the concept.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-23')],
  },
  {
    requirementId: 'KBV-A1-24',
    stepsDe: [
      'Benennen Sie schriftlich, wer die Datensicherung einrichtet und betreut (oft der IT-Dienstleister) und wer in der Praxis kontrolliert, dass sie läuft.',
      'Benennen Sie für die Person in der Praxis eine Vertretung für Urlaub und Krankheit.',
      'Legen Sie fest, was die kontrollierende Person tut, z. B. jeden Montag die Erfolgsmeldungen ansehen und den Sicherungsdatenträger tauschen.',
      'Tragen Sie die Zuständigen beim Eintrag der Datensicherung unter „Geräte & Dienste“ ein.',
    ],
    stepsEn: [
      'Name in writing who sets up and runs the backup (often the IT service provider) and who in the practice checks that it works.',
      'Name a deputy for the person in the practice, for holidays and illness.',
      'Set down what the checking person does, e.g. every Monday look at the success messages and swap the backup drive.',
      'Enter the people in charge on the backup entry under "Assets".',
    ],
    evidenceDe: [
      'Die schriftliche Benennung mit Namen, Vertretung und Aufgaben, von der Praxisleitung unterschrieben.',
      'Die Leistungsbeschreibung des IT-Dienstleisters zur Datensicherung.',
      'Eine abgehakte Kontrollliste der letzten Wochen.',
    ],
    evidenceEn: [
      'The written appointment with names, deputy and duties, signed by the practice management.',
      "The IT service provider's service description for the backup.",
      "A ticked checklist of the last weeks' checks.",
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-24')],
  },
  {
    requirementId: 'KBV-A1-25',
    stepsDe: [
      'Vereinbaren Sie mit dem IT-Dienstleister, wie oft eine Wiederherstellung erprobt wird, mindestens einmal im Jahr und nach jeder Änderung an der Sicherung; dafür gibt es unter „Aufgaben“ die wiederkehrende Aufgabe „Wiederherstellung aus der Datensicherung testen“.',
      'Lassen Sie probeweise echte Daten zurückholen, z. B. die PVS-Datenbank auf einen Testrechner oder einzelne Dateien in einen Testordner.',
      'Prüfen Sie gemeinsam, ob die Daten vollständig und lesbar sind, und notieren Sie, wie lange die Wiederherstellung gedauert hat.',
      'Lassen Sie Probleme beheben und wiederholen Sie den Test danach.',
    ],
    stepsEn: [
      'Agree with the IT service provider how often a restore is tried, at least once a year and after every change to the backup; the recurring task "Test restoring from the backup" under "Tasks" is there for this.',
      'Have real data restored as a trial, e.g. the practice-software database onto a test computer, or single files into a test folder.',
      'Check together that the data is complete and readable, and note how long the restore took.',
      'Have problems fixed and repeat the test afterwards.',
    ],
    evidenceDe: [
      'Ein Testprotokoll je Test: Datum, was wiederhergestellt wurde, Ergebnis, Dauer und wer getestet hat, als Nachweis an dieser Anforderung hochgeladen.',
      'Die erledigte Aufgabe „Wiederherstellung aus der Datensicherung testen“ unter „Aufgaben“.',
    ],
    evidenceEn: [
      'A record of each test: date, what was restored, result, duration and who tested, uploaded as evidence on this requirement.',
      'The completed task "Test restoring from the backup" under "Tasks".',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-25')],
  },
];
