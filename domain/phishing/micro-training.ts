/**
 * The five-minute micro-training behind the teaching page (issue 13, item 2): a short text and five questions with
 * three options each, in German and English. § 30 Abs. 2 Satz 2 Nr. 7 BSIG (Art. 21 Abs. 2 lit. g NIS2) names training
 * in IT security a measure, the KBV-IT-Sicherheitsrichtlinie (Anlage 1 Nr. 10) awareness and training sessions.
 * Completing it is counted (in named mode as a training record of the person, in anonymous mode as a number only).
 */
export const MICRO_TRAINING_VERSION = '2026-1';
export const MICRO_TRAINING_MINUTES = 5;
/** Right answers needed to pass: four of five. */
export const MICRO_TRAINING_PASS = 4;

type Localised = { de: string; en: string };

interface Question {
  id: string;
  text: Localised;
  options: readonly { id: string; text: Localised }[];
  correct: string;
  explanation: Localised;
}

export const microTrainingTitle: Localised = { de: 'Phishing erkennen in fünf Minuten', en: 'Spotting phishing in five minutes' };

export const microTrainingIntro: { de: readonly string[]; en: readonly string[] } = {
  de: [
    'Das war eine Übung Ihrer Praxis. Es ist nichts passiert, und niemand erfährt, dass gerade Sie geklickt haben.',
    'Echte Angriffe sehen genauso aus. Drei Fragen helfen fast immer: Erwarte ich diese Nachricht? Passt der Absender wirklich? Soll ich unter Zeitdruck klicken, mich anmelden, zahlen oder etwas herunterladen?',
    'Im Zweifel: nicht klicken, sondern über einen bekannten Weg nachfragen (Telefonnummer aus Ihren Unterlagen, nicht aus der Mail) und die Mail als Phishing melden.',
  ],
  en: [
    'This was an exercise of your practice. Nothing happened, and nobody learns that it was you who clicked.',
    'Real attacks look exactly like this. Three questions almost always help: Do I expect this message? Is the sender really who it claims? Am I being pushed to click, sign in, pay or download something in a hurry?',
    'When in doubt: do not click, ask through a known channel (a phone number from your own records, not from the mail) and report the mail as phishing.',
  ],
};

export const microTrainingQuestions: readonly Question[] = [
  {
    id: 'sender',
    text: { de: 'Woran prüfen Sie den Absender einer Mail am sichersten?', en: 'What is the safest way to check the sender of a mail?' },
    options: [
      { id: 'a', text: { de: 'Am angezeigten Namen', en: 'By the display name' } },
      {
        id: 'b',
        text: {
          de: 'An der vollständigen Adresse hinter dem Namen – und im Zweifel per Rückruf',
          en: 'By the full address behind the name – and by calling back when in doubt',
        },
      },
      { id: 'c', text: { de: 'Am Logo in der Mail', en: 'By the logo in the mail' } },
    ],
    correct: 'b',
    explanation: {
      de: 'Name und Logo kann jeder fälschen. Die Adresse verrät oft mehr, ist aber auch fälschbar – sicher ist die Rückfrage über einen bekannten Weg.',
      en: 'Anyone can fake a name and a logo. The address often tells more but can be faked too – asking through a known channel is safe.',
    },
  },
  {
    id: 'password',
    text: { de: 'Eine Mail bittet Sie, Ihr Passwort zu bestätigen. Was tun Sie?', en: 'A mail asks you to confirm your password. What do you do?' },
    options: [
      { id: 'a', text: { de: 'Nichts eingeben und die Mail melden', en: 'Enter nothing and report the mail' } },
      { id: 'b', text: { de: 'Eingeben, wenn die Seite echt aussieht', en: 'Enter it if the page looks genuine' } },
      { id: 'c', text: { de: 'Ein altes Passwort eingeben, um es zu testen', en: 'Enter an old password to test it' } },
    ],
    correct: 'a',
    explanation: {
      de: 'Seriöse Stellen fragen nie per Mail nach Passwörtern. Auch ein altes Passwort hilft Angreifern, weil es oft noch anderswo gilt.',
      en: 'Serious senders never ask for passwords by mail. Even an old password helps attackers because it often still works elsewhere.',
    },
  },
  {
    id: 'clicked',
    text: {
      de: 'Sie haben auf einen verdächtigen Link geklickt und Ihr Passwort eingegeben. Was zuerst?',
      en: 'You clicked a suspicious link and entered your password. What first?',
    },
    options: [
      { id: 'a', text: { de: 'Abwarten, ob etwas passiert', en: 'Wait and see whether anything happens' } },
      {
        id: 'b',
        text: {
          de: 'Sofort die Praxisleitung oder den IT-Dienstleister informieren und das Passwort ändern',
          en: 'Tell the practice management or IT service provider at once and change the password',
        },
      },
      { id: 'c', text: { de: 'Die Mail löschen, damit es niemand merkt', en: 'Delete the mail so nobody notices' } },
    ],
    correct: 'b',
    explanation: {
      de: 'Schnell melden begrenzt den Schaden. Niemand wird dafür bestraft – Verschweigen ist das eigentliche Risiko.',
      en: 'Reporting quickly limits the damage. Nobody is punished for it – keeping quiet is the real risk.',
    },
  },
  {
    id: 'attachment',
    text: {
      de: 'Eine Mail vom „TI-Service“ enthält ein Update zum Herunterladen. Was ist richtig?',
      en: 'A mail from "TI service" contains an update to download. What is right?',
    },
    options: [
      { id: 'a', text: { de: 'Herunterladen und mit Administratorrechten ausführen', en: 'Download it and run it with administrator rights' } },
      { id: 'b', text: { de: 'Nur an einem PC ohne Patientendaten ausführen', en: 'Run it only on a PC without patient data' } },
      {
        id: 'c',
        text: {
          de: 'Nicht ausführen; Updates spielt der bekannte Dienstleister ein – dort nachfragen',
          en: 'Do not run it; updates are installed by your known provider – ask them',
        },
      },
    ],
    correct: 'c',
    explanation: {
      de: 'Programme aus Mails sind der häufigste Weg für Schadsoftware in Praxen. Jeder PC im Praxisnetz ist ein Einfallstor.',
      en: 'Programs from mails are the most common way malware enters practices. Every PC on the practice network is a way in.',
    },
  },
  {
    id: 'pressure',
    text: { de: 'Welches Merkmal ist typisch für Phishing?', en: 'Which feature is typical of phishing?' },
    options: [
      { id: 'a', text: { de: 'Zeitdruck und Drohungen („heute“, „sonst gesperrt“)', en: 'Time pressure and threats ("today", "or it will be blocked")' } },
      { id: 'b', text: { de: 'Eine korrekte Anrede mit Namen schließt Phishing aus', en: 'A correct greeting with your name rules out phishing' } },
      { id: 'c', text: { de: 'Mails ohne Rechtschreibfehler sind echt', en: 'Mails without spelling mistakes are genuine' } },
    ],
    correct: 'a',
    explanation: {
      de: 'Druck soll das Nachdenken abkürzen. Namen und fehlerfreie Texte haben Angreifer heute mühelos.',
      en: 'Pressure is meant to cut thinking short. Attackers easily have names and flawless texts today.',
    },
  },
];

export type TrainingLocale = 'de' | 'en';

/** The questions without their answers, as the page shows them. */
export function microTrainingForPage(locale: TrainingLocale) {
  return {
    title: microTrainingTitle[locale],
    minutes: MICRO_TRAINING_MINUTES,
    intro: [...microTrainingIntro[locale]],
    questions: microTrainingQuestions.map((q) => ({ id: q.id, text: q.text[locale], options: q.options.map((o) => ({ id: o.id, text: o.text[locale] })) })),
  };
}

/**
 * Scores the answers: each question once (the first answer counts; unknown ids are ignored), unanswered questions
 * count as wrong. Completed means every question was answered; passed means at least MICRO_TRAINING_PASS right.
 */
export function scoreMicroTraining(answers: readonly { questionId: string; optionId: string }[], locale: TrainingLocale) {
  const given = new Map<string, string>();
  for (const answer of answers) if (!given.has(answer.questionId)) given.set(answer.questionId, answer.optionId);
  const results = microTrainingQuestions.map((q) => ({ questionId: q.id, correct: given.get(q.id) === q.correct, explanation: q.explanation[locale] }));
  const correct = results.filter((r) => r.correct).length;
  const completed = microTrainingQuestions.every((q) => given.has(q.id));
  return { correct, total: microTrainingQuestions.length, passed: completed && correct >= MICRO_TRAINING_PASS, completed, answers: results };
}
