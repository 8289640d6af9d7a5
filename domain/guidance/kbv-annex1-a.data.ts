import type { RequirementGuidance } from './guidance.types.ts';
import { dsgvo28Source, kbvSource, stgb203Source } from './kbv-annex1-sources.ts';

/**
 * Practical guidance on KBV Anlage 1 Nr. 1–13 (issue 12): steps a practice without IT staff can take, and what an
 * auditor accepts as evidence, in our own words from the requirement's title and summary, naming the places in
 * praxisschild where the work is recorded; no KBV wording. Steps beyond the requirement are examples ("z. B.").
 */
export const kbvAnnex1GuidanceA: readonly RequirementGuidance[] = [
  {
    requirementId: 'KBV-A1-01',
    stepsDe: [
      'Legen Sie in praxisschild unter „Zugänge“ → „Checklisten bearbeiten“ fest, was zur Einarbeitung jeder neuen Person gehört: Aufgaben, Ansprechpersonen, IT-Regeln, Zugänge, Schweigepflicht.',
      'Benennen Sie für jede neue Person eine feste Ansprechperson aus dem Team, die sie in den ersten Wochen begleitet.',
      'Gehen Sie am ersten Arbeitstag die IT-Regeln der Praxis gemeinsam durch: Passwörter, Bildschirm sperren, Umgang mit E-Mails und wen man bei einem Verdacht anruft.',
      'Richten Sie nur die Zugänge ein, die die Person für ihre Aufgaben braucht, und tragen Sie jeden unter „Zugänge“ ein.',
      'Lassen Sie die Person am Ende der Einarbeitung mit Datum und Unterschrift bestätigen, dass sie eingewiesen wurde.',
    ],
    stepsEn: [
      'In praxisschild, under "Access" → "Edit checklists", set down what onboarding includes for every new person: duties, contact persons, IT rules, accounts, confidentiality.',
      'Name a fixed contact person from the team for every newcomer who accompanies them during the first weeks.',
      'On the first working day, go through the practice IT rules together: passwords, locking the screen, handling e-mail and whom to call when something looks wrong.',
      'Set up only the accounts the person needs for their duties, and record each one under "Access".',
      'At the end of onboarding, have the person confirm with date and signature that they have been instructed.',
    ],
    evidenceDe: [
      'Die abgeschlossene Checkliste „Einarbeitung“ je Person unter „Zugänge“, mit Datum und wer abgehakt hat.',
      'Die unterschriebene Bestätigung der Einweisung, als Nachweis an dieser Anforderung hochgeladen.',
      'Die schriftlichen IT-Regeln der Praxis in der Fassung, die bei der Einweisung galt.',
    ],
    evidenceEn: [
      'The completed "Onboarding" checklist per person under "Access", with dates and who ticked each item.',
      'The signed confirmation of the instruction, uploaded as evidence on this requirement.',
      'The written IT rules of the practice in the version that applied at the instruction.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-01')],
  },
  {
    requirementId: 'KBV-A1-02',
    stepsDe: [
      'Tragen Sie das Ende der Beschäftigung unter „Personal“ ein, sobald es feststeht, und beginnen Sie unter „Zugänge“ die Checkliste „Austritt“.',
      'Lassen Sie die Person ihre laufenden Aufgaben vor dem letzten Tag an eine benannte Kollegin oder einen benannten Kollegen übergeben.',
      'Nehmen Sie am letzten Arbeitstag Schlüssel, Ausweise, Geräte und Unterlagen zurück und haken Sie jedes Stück ab.',
      'Sperren Sie noch am selben Tag jeden Zugang der Person (PVS, Windows, E-Mail, Fernzugang) und ändern Sie Passwörter, die sie kannte. Was nur der IT-Dienstleister sperren kann, beauftragen Sie schriftlich; lassen Sie sich die Sperrung bestätigen.',
      'Erinnern Sie die Person schriftlich daran, dass die Schweigepflicht auch nach dem Ausscheiden gilt, und lassen Sie sich den Hinweis unterschreiben.',
    ],
    stepsEn: [
      'Enter the end of employment under "Staff" as soon as it is known, and start the "Departure" checklist under "Access".',
      'Have the person hand over their open tasks to a named colleague before the last day.',
      'On the last working day, collect keys, badges, devices and documents, and tick off each item.',
      'On the same day, disable every account of the person (practice software, Windows, e-mail, remote access) and change passwords they knew. Ask the IT service provider in writing to disable what only they can, and have them confirm it.',
      'Remind the person in writing that professional confidentiality continues after they leave, and have them sign the reminder.',
    ],
    evidenceDe: [
      'Die abgeschlossene Checkliste „Austritt“ unter „Zugänge“, mit Datum je Punkt.',
      'Die Zugänge der Person unter „Zugänge“, alle mit Status „Gesperrt“ und Datum.',
      'Die Bestätigung des IT-Dienstleisters über die gesperrten Konten und der unterschriebene Hinweis auf die Schweigepflicht.',
    ],
    evidenceEn: [
      'The completed "Departure" checklist under "Access", with a date for each item.',
      'The person\'s accounts under "Access", all with status "Disabled" and a date.',
      "The IT service provider's confirmation of the disabled accounts, and the signed reminder of confidentiality.",
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-02'), stgb203Source],
  },
  {
    requirementId: 'KBV-A1-03',
    stepsDe: [
      'Schreiben Sie auf, welche externen Personen in der Praxis arbeiten, etwa IT-Techniker, Aushilfen, Reinigungskräfte oder Handwerker. Firmen tragen Sie unter „Dienstleister“ ein, länger eingesetzte Personen unter „Personal“ mit der Funktion „Extern“.',
      'Legen Sie schriftlich fest, dass für Externe dieselben IT- und Datenschutzregeln gelten wie für das eigene Team, und geben Sie ihnen diese Regeln vor dem ersten Einsatz.',
      'Lassen Sie kurz eingesetzte Externe in Bereichen mit Patientendaten (Empfang, Behandlungsräume, Serverschrank) nicht allein, sondern begleiten Sie sie.',
      'Weisen Sie Externe, die länger oder regelmäßig kommen, wie neue Beschäftigte ein, mit der Checkliste „Einarbeitung“.',
      'Sperren Sie Zugänge, Karten und Schlüssel von Externen, sobald ihr Einsatz endet, und vermerken Sie das unter „Zugänge“.',
    ],
    stepsEn: [
      'Write down which external people work in the practice, such as IT technicians, temporary staff, cleaners or tradespeople. Record companies under "Suppliers" and people who stay longer under "Staff" with the role "External".',
      'Set down in writing that the same IT and data-protection rules apply to externals as to your own team, and give them these rules before their first assignment.',
      'Do not leave short-term externals alone in areas with patient data (reception, treatment rooms, server cabinet); accompany them.',
      'Instruct externals who stay longer or come regularly like new staff, with the "Onboarding" checklist.',
      'Disable the accounts, cards and keys of externals as soon as their assignment ends, and record this under "Access".',
    ],
    evidenceDe: [
      'Eine schriftliche Regel für den Einsatz von Externen (eine Seite genügt), datiert und von der Praxisleitung freigegeben, als Nachweis an dieser Anforderung hochgeladen.',
      'Ein Besucher- oder Einsatzbuch mit Datum, Name, Firma und begleitender Person.',
      'Die gesperrten Zugänge von Externen unter „Zugänge“, mit dem Datum des Einsatzendes.',
    ],
    evidenceEn: [
      'A written rule for external personnel (one page is enough), dated and approved by the practice management, uploaded as evidence on this requirement.',
      'A visitor or assignment log with date, name, company and the accompanying person.',
      'The disabled accounts of externals under "Access", dated with the end of the assignment.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-03')],
  },
  {
    requirementId: 'KBV-A1-04',
    stepsDe: [
      'Prüfen Sie vor jedem externen Einsatz, ob die Person Patientendaten oder andere vertrauliche Informationen sehen könnte, auch bei Fernwartung oder der Reparatur eines PCs.',
      'Lassen Sie vor dem ersten Einsatz eine schriftliche Vertraulichkeitsvereinbarung unterschreiben: was vertraulich ist, dass nichts weitergegeben oder mitgenommen wird, dass die Pflicht nach dem Einsatz fortgilt und was bei Verstößen folgt.',
      'Verpflichten Sie die Person darin ausdrücklich, Patientengeheimnisse zu wahren; § 203 StGB erwartet das von Praxen, die externe Helfer mitwirken lassen.',
      'Hat ein Dienstleister dauerhaft Zugriff auf Patientendaten (z. B. IT-Betreuung oder PVS-Fernwartung), schließen Sie zusätzlich einen Auftragsverarbeitungsvertrag (AVV) und laden Sie ihn unter „Dienstleister“ hoch.',
      'Prüfen Sie einmal im Jahr, ob für jeden aktuell eingesetzten Externen eine unterschriebene Vereinbarung vorliegt.',
    ],
    stepsEn: [
      'Before every external assignment, check whether the person could see patient data or other confidential information, including remote maintenance or the repair of a PC.',
      'Before the first assignment, have a written confidentiality agreement signed: what is confidential, that nothing is passed on or taken away, that the duty continues after the assignment and what follows a breach.',
      'In it, expressly oblige the person to keep patient secrets; § 203 StGB expects this of practices that let external helpers take part in their work.',
      'Where a supplier has lasting access to patient data (e.g. IT support or remote maintenance of the practice software), also sign a data processing agreement (DPA) and upload it under "Suppliers".',
      'Once a year, check that a signed agreement exists for every external currently working for the practice.',
    ],
    evidenceDe: [
      'Die unterschriebenen Vertraulichkeitsvereinbarungen, datiert vor dem ersten Einsatz, als Nachweis an dieser Anforderung hochgeladen.',
      'Für Dienstleister mit Zugriff auf Patientendaten der unterschriebene AVV unter „Dienstleister“.',
      'Eine Liste der Externen mit dem Datum ihrer Vereinbarung.',
    ],
    evidenceEn: [
      'The signed confidentiality agreements, dated before the first assignment, uploaded as evidence on this requirement.',
      'For suppliers with access to patient data, the signed DPA under "Suppliers".',
      'A list of the externals with the date of their agreement.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-04'), stgb203Source, dsgvo28Source],
  },
  {
    requirementId: 'KBV-A1-05',
    stepsDe: [
      'Schreiben Sie für jede Stelle kurz auf, welche Aufgaben und Zuständigkeiten dazugehören, auch in der IT (z. B. „kontrolliert montags die Datensicherung“, „ist Ansprechperson für den IT-Dienstleister“).',
      'Verpflichten Sie alle Beschäftigten bei der Einstellung schriftlich auf die Schweigepflicht, den Datenschutz und die IT-Regeln der Praxis.',
      'Machen Sie dabei klar, dass Informationen aus der Praxis nur für die Arbeit genutzt werden dürfen, auch nach Feierabend, etwa im Gespräch oder in sozialen Netzwerken.',
      'Tragen Sie die Funktion jeder Person unter „Personal“ ein und passen Sie die Aufgabenbeschreibung an, wenn sich Aufgaben ändern.',
    ],
    stepsEn: [
      'For each position, write down briefly which duties and responsibilities belong to it, including IT (e.g. "checks the backup on Mondays", "is the contact person for the IT service provider").',
      'When hiring, oblige every employee in writing to professional confidentiality, data protection and the practice IT rules.',
      'Make clear that information from the practice may be used only for work, also after hours, for example in conversation or on social media.',
      'Record each person\'s role under "Staff" and update the job description when duties change.',
    ],
    evidenceDe: [
      'Aufgaben- oder Stellenbeschreibungen mit Datum, einschließlich der IT-Aufgaben.',
      'Die unterschriebene Verpflichtung auf Schweigepflicht, Datenschutz und IT-Regeln je Person.',
      'Eine Übersicht, wer wofür zuständig ist (Tabelle oder Organigramm), als Nachweis an dieser Anforderung hochgeladen.',
    ],
    evidenceEn: [
      'Dated job or task descriptions, including the IT duties.',
      'The signed commitment to confidentiality, data protection and the IT rules for each person.',
      'An overview of who is responsible for what (table or organisation chart), uploaded as evidence on this requirement.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-05'), stgb203Source],
  },
  {
    requirementId: 'KBV-A1-06',
    stepsDe: [
      'Schreiben Sie für jede Stelle auf, welche Ausbildung und welche Kenntnisse sie verlangt, besonders für Aufgaben mit IT-Bezug wie Datensicherung oder das Anlegen von Benutzerkonten.',
      'Prüfen Sie bei der Einstellung und bei jedem Aufgabenwechsel anhand von Zeugnissen und Nachweisen, ob die Person diese Anforderungen erfüllt.',
      'Geben Sie IT-Aufgaben, für die im Team niemand genug Kenntnisse hat, an den IT-Dienstleister ab und halten Sie das im Vertrag fest.',
      'Planen Sie regelmäßige Fortbildungen zu den Aufgaben jeder Person, z. B. einmal im Jahr, und erfassen Sie die Termine unter „Schulungen“.',
    ],
    stepsEn: [
      'For each position, write down which training and knowledge it requires, especially for IT-related duties such as backups or creating user accounts.',
      'When hiring and whenever duties change, check certificates and records to see whether the person meets these requirements.',
      'Hand IT duties for which nobody in the team has enough knowledge to the IT service provider, and put this in the contract.',
      'Plan regular further training on each person\'s duties, e.g. once a year, and record the sessions under "Training".',
    ],
    evidenceDe: [
      'Stellenbeschreibungen mit der geforderten Qualifikation.',
      'Eine Übersicht der besuchten Fortbildungen je Person mit Datum, z. B. aus „Schulungen“.',
      'Der Vertrag oder die Leistungsbeschreibung des IT-Dienstleisters für die abgegebenen IT-Aufgaben.',
    ],
    evidenceEn: [
      'Job descriptions with the required qualification.',
      'An overview of the further training each person attended, with dates, e.g. from "Training".',
      "The IT service provider's contract or service description for the IT duties handed over.",
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-06')],
  },
  {
    requirementId: 'KBV-A1-07',
    stepsDe: [
      'Lassen Sie sich von Bewerbenden einen vollständigen Lebenslauf und Zeugnisse oder Urkunden für die genannten Abschlüsse geben.',
      'Prüfen Sie, ob die Angaben schlüssig sind: Passen Daten und Zeugnisse zusammen, gibt es unerklärte Lücken? Fragen Sie im Gespräch nach, wo etwas nicht passt.',
      'Holen Sie bei Bedarf, mit Einverständnis der Person, eine Auskunft beim früheren Arbeitgeber ein.',
      'Halten Sie in einer kurzen Notiz fest, dass und von wem die Angaben geprüft wurden; die Unterlagen selbst bleiben in der Personalakte.',
    ],
    stepsEn: [
      'Ask applicants for a complete CV and for certificates of the qualifications they name.',
      'Check that the details are consistent: do dates and certificates match, are there unexplained gaps? Ask in the interview where something does not fit.',
      "Where needed, and with the person's consent, ask a former employer for a reference.",
      'Record in a short note that the details were checked and by whom; the documents themselves stay in the personnel file.',
    ],
    evidenceDe: [
      'Eine datierte Notiz je Einstellung: Angaben geprüft, von wem, mit welchem Ergebnis.',
      'Eine kurze schriftliche Regel, was bei jeder Einstellung geprüft wird, als Nachweis an dieser Anforderung hochgeladen.',
    ],
    evidenceEn: [
      'A dated note for each hire: details checked, by whom, with what result.',
      'A short written rule on what is checked at every hire, uploaded as evidence on this requirement.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-07')],
  },
  {
    requirementId: 'KBV-A1-08',
    stepsDe: [
      'Nehmen Sie als Praxisleitung selbst an einer Schulung oder Informationsveranstaltung zur IT-Sicherheit teil, z. B. einem Angebot Ihrer Kassenärztlichen Vereinigung, und erfassen Sie sie unter „Schulungen“.',
      'Sehen Sie sich mindestens einmal im Jahr mit dem IT-Dienstleister an, welche Risiken für die Praxis bestehen, z. B. unter „Risiken“, und entscheiden Sie über die Maßnahmen.',
      'Geben Sie den Schulungen des Teams feste Zeit in der Arbeitszeit und nehmen Sie selbst daran teil.',
      'Halten Sie sich sichtbar an die Regeln, die für alle gelten: Bildschirm sperren, keine geteilten Passwörter, verdächtige E-Mails melden.',
    ],
    stepsEn: [
      'As practice management, attend a training or information event on IT security yourself, e.g. one offered by your Association of Statutory Health Insurance Physicians (KV), and record it under "Training".',
      'At least once a year, review with the IT service provider which risks the practice faces, e.g. under "Risks", and decide on the measures.',
      "Give the team's training sessions fixed time within working hours, and attend them yourself.",
      'Visibly follow the rules that apply to everyone: lock the screen, share no passwords, report suspicious e-mails.',
    ],
    evidenceDe: [
      'Eine Teilnahmebescheinigung oder ein Eintrag unter „Schulungen“ für die Praxisleitung, mit Datum.',
      'Die Teilnehmerliste einer Team-Schulung, auf der auch die Praxisleitung steht.',
      'Ein datiertes Protokoll der Besprechung, in der die Praxisleitung Risiken und Maßnahmen besprochen hat.',
    ],
    evidenceEn: [
      'A certificate of attendance or an entry under "Training" for the practice management, with the date.',
      'The attendance list of a team session that includes the practice management.',
      'Dated minutes of the meeting in which the practice management discussed risks and measures.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-08')],
  },
  {
    requirementId: 'KBV-A1-09',
    stepsDe: [
      'Schreiben Sie die Regeln für die Nutzung der Praxis-IT auf ein bis zwei Seiten zusammen: Passwörter, Bildschirm sperren, E-Mail und Internet, USB-Sticks, private Geräte und wen man bei Problemen anruft.',
      'Gehen Sie diese Regeln mit allen Beschäftigten durch: neue Personen am ersten Tag, Externe, die an Praxisrechnern arbeiten, vor ihrem Einsatz.',
      'Lassen Sie jede Person mit Unterschrift bestätigen, dass sie die Regeln kennt, oder erfassen Sie die Einweisung als Termin unter „Schulungen“.',
      'Prüfen Sie die Regeln einmal im Jahr und nach größeren Änderungen (z. B. neues PVS, neue Geräte) und weisen Sie bei Änderungen erneut ein.',
    ],
    stepsEn: [
      'Summarise the rules for using the practice IT on one or two pages: passwords, locking the screen, e-mail and internet, USB sticks, private devices and whom to call with problems.',
      'Go through these rules with every employee: new people on their first day, externals who work on practice computers before their assignment.',
      'Have each person confirm by signature that they know the rules, or record the instruction as a session under "Training".',
      'Review the rules once a year and after larger changes (e.g. new practice software, new devices), and instruct again when they change.',
    ],
    evidenceDe: [
      'Die schriftlichen IT-Nutzungsregeln mit Datum und Versionsstand, als Nachweis an dieser Anforderung hochgeladen.',
      'Die unterschriebenen Bestätigungen oder die Teilnehmerliste der Einweisung unter „Schulungen“.',
    ],
    evidenceEn: [
      'The written IT usage rules with date and version, uploaded as evidence on this requirement.',
      'The signed confirmations or the attendance list of the instruction under "Training".',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-09')],
  },
  {
    requirementId: 'KBV-A1-10',
    stepsDe: [
      'Legen Sie fest, wie oft geschult wird. Die Richtlinie nennt kein festes Intervall; einmal im Jahr ist ein guter Rahmen.',
      'Wählen Sie die Themen nach den Aufgaben: für alle z. B. betrügerische E-Mails (Phishing) und Passwörter, für den Empfang Anrufe angeblicher Techniker, für IT-Verantwortliche die Datensicherung.',
      'Legen Sie die Schulung unter „Schulungen“ als Pflichtschulung mit Wiederholungsabstand an und erfassen Sie jeden Termin.',
      'Halten Sie fest, wer teilgenommen hat: mit unterschriebener Teilnehmerliste oder mit den Bestätigungslinks aus praxisschild.',
      'Holen Sie Verpasstes nach, beim nächsten Termin oder mit einem Online-Kurs; die Schulungsquote zeigt, wer noch fehlt.',
    ],
    stepsEn: [
      'Decide how often training takes place. The guideline sets no fixed interval; once a year is a sound frame.',
      'Choose topics by duties: for everyone e.g. fraudulent e-mails (phishing) and passwords, for reception calls from supposed technicians, for the people in charge of IT the backup.',
      'Create the training under "Training" as a mandatory course with a repeat interval, and record each session.',
      'Record who attended: with a signed attendance list or with the confirmation links from praxisschild.',
      'Make up for missed sessions at the next date or with an online course; the training rate shows who is still missing.',
    ],
    evidenceDe: [
      'Die festgelegte Schulungshäufigkeit und die Themen, schriftlich und datiert.',
      'Die Termine unter „Schulungen“ mit Teilnehmerliste oder bestätigten Teilnahmen.',
      'Die Unterlagen jedes Termins, z. B. Folien oder Handout.',
    ],
    evidenceEn: [
      'The chosen training frequency and topics, in writing and dated.',
      'The sessions under "Training" with attendance list or confirmed attendance.',
      'The material of each session, e.g. slides or a handout.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-10')],
  },
  {
    requirementId: 'KBV-A1-11',
    stepsDe: [
      'Lassen Sie sich vom IT-Dienstleister aufschreiben, über welche Wege das Praxisnetz mit anderen Netzen verbunden ist: Internet-Router, TI-Zugang über den Konnektor, Fernwartung, Gäste-WLAN, Mobilfunk-Router.',
      'Lassen Sie sich bestätigen, dass an jedem dieser Übergänge eine Firewall (ein Filter, der nur erlaubte Verbindungen durchlässt) eingerichtet ist und von außen nichts erreichbar ist, was nicht gebraucht wird.',
      'Trennen Sie ein WLAN für Gäste oder Patienten vom Praxisnetz, sodass es nur ins Internet führt.',
      'Lassen Sie die Firewall-Regeln einmal im Jahr und nach jeder Änderung prüfen, etwa nach einem neuen Router oder einem neuen Fernzugang.',
    ],
    stepsEn: [
      'Have the IT service provider write down every way the practice network connects to other networks: internet router, TI access through the connector, remote maintenance, guest Wi-Fi, mobile router.',
      'Have them confirm that each of these crossings has a firewall (a filter that lets only permitted connections through) and that nothing is reachable from outside that is not needed.',
      'Separate any Wi-Fi for guests or patients from the practice network, so that it leads only to the internet.',
      'Have the firewall rules checked once a year and after every change, such as a new router or a new remote access.',
    ],
    evidenceDe: [
      'Eine Aufstellung der Netzübergänge mit der jeweiligen Schutzmaßnahme, vom IT-Dienstleister datiert.',
      'Ein Export oder Screenshot der Firewall-Regeln des Routers.',
      'Der Bericht des IT-Dienstleisters über die letzte Überprüfung, als Nachweis an dieser Anforderung hochgeladen.',
    ],
    evidenceEn: [
      'A list of the network crossings with the protection at each, dated by the IT service provider.',
      "An export or screenshot of the router's firewall rules.",
      "The IT service provider's report on the last review, uploaded as evidence on this requirement.",
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-11')],
  },
  {
    requirementId: 'KBV-A1-12',
    stepsDe: [
      'Beauftragen Sie den IT-Dienstleister, einen Netzplan zu zeichnen: welche Geräte es gibt (PCs, Server, Router, Konnektor, Drucker, WLAN) und wie sie miteinander verbunden sind.',
      'Erfassen Sie dieselben Geräte unter „Geräte & Dienste“, mit Standort und Netzsegment.',
      'Lassen Sie zum Plan die wichtigsten Angaben festhalten, etwa Netzadressen und Zugangswege; Passwörter gehören nicht in den Plan.',
      'Vereinbaren Sie, dass der Plan nach jeder Änderung am Netz aktualisiert wird, und sehen Sie ihn mindestens einmal im Jahr gemeinsam durch.',
    ],
    stepsEn: [
      'Ask the IT service provider to draw a network plan: which devices exist (PCs, servers, router, connector, printers, Wi-Fi) and how they are connected.',
      'Record the same devices under "Assets", with location and network segment.',
      'Have the key details recorded with the plan, such as network addresses and access paths; passwords do not belong in the plan.',
      'Agree that the plan is updated after every change to the network, and go through it together at least once a year.',
    ],
    evidenceDe: [
      'Der aktuelle Netzplan mit Datum und Versionsstand, als Nachweis an dieser Anforderung hochgeladen.',
      'Die Geräteliste unter „Geräte & Dienste“.',
      'Ein Vermerk des IT-Dienstleisters über die letzte Aktualisierung.',
    ],
    evidenceEn: [
      'The current network plan with date and version, uploaded as evidence on this requirement.',
      'The device list under "Assets".',
      'A note from the IT service provider on the last update.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-12')],
  },
  {
    requirementId: 'KBV-A1-13',
    stepsDe: [
      'Lassen Sie sich vom IT-Dienstleister alle Netzgeräte mit eigener Verwaltungsoberfläche nennen: Router, Switches (Netzwerkverteiler), WLAN-Zugangspunkte, Firewall.',
      'Lassen Sie sich bestätigen, dass bei jedem Gerät eine Anmeldung nötig ist und das voreingestellte Passwort des Herstellers durch ein eigenes, langes Passwort ersetzt wurde.',
      'Fragen Sie, ob die Verwaltung aus dem Internet erreichbar ist; wenn ja, lassen Sie das abschalten oder mit einem zweiten Faktor absichern (z. B. App auf dem Handy).',
      'Bewahren Sie die Zugangsdaten so auf, dass die Praxis im Notfall daran kommt, z. B. in einem verschlossenen Umschlag im Tresor.',
    ],
    stepsEn: [
      'Have the IT service provider list every network device with its own management interface: router, switches (network distributors), Wi-Fi access points, firewall.',
      "Have them confirm that every device requires a login and that the manufacturer's default password has been replaced by a long password of your own.",
      'Ask whether management is reachable from the internet; if so, have it switched off or protected with a second factor (e.g. an app on a phone).',
      'Keep the credentials where the practice can reach them in an emergency, e.g. in a sealed envelope in the safe.',
    ],
    evidenceDe: [
      'Eine Bestätigung des IT-Dienstleisters je Netzgerät, dass eine Anmeldung nötig ist und die Werkseinstellungen geändert sind.',
      'Die Netzgeräte unter „Geräte & Dienste“, mit verantwortlicher Person oder Dienstleister.',
    ],
    evidenceEn: [
      'A confirmation from the IT service provider for each network device that a login is required and the factory settings have been changed.',
      'The network devices under "Assets", with the person or supplier in charge.',
    ],
    confidence: 'inferred',
    sources: [kbvSource('KBV-A1-13')],
  },
];
