import { useMutation } from '@tanstack/react-query';
import { QUICK_CHECK_VERSION, type QuickCheckAnswer, quickCheckQuestions } from '../../../domain/quickcheck/questions.ts';
import type { QuickCheckScore } from '../../../domain/quickcheck/quickcheck.response.ts';
import { answerEntries, type QuickCheckAnswerSetInput } from '../../../domain/quickcheck/quickcheck.schema.ts';
import { scoreQuickCheck } from '../../../domain/quickcheck/scoring.ts';
import { ApiRequestError, post } from '../../lib/api.ts';

export type { QuickCheckScore };
export type QuickCheckAnswers = Partial<Record<string, QuickCheckAnswer>>;

/** What the page keeps in this browser tab: the answers so far and whether the result is shown. Nothing leaves it. */
export interface QuickCheckDraft {
  version: string;
  answers: QuickCheckAnswers;
  showResult: boolean;
}

const DRAFT_KEY = 'praxisschild.quick-check';
const CARRY_KEY = 'praxisschild.quick-check.carry';

export const emptyDraft = (): QuickCheckDraft => ({ version: QUICK_CHECK_VERSION, answers: {}, showResult: false });

/** The answers of this tab, or an empty set; answers to an older question set are dropped. */
export function loadQuickCheckDraft(): QuickCheckDraft {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    if (!raw) return emptyDraft();
    const draft = JSON.parse(raw) as QuickCheckDraft;
    if (draft.version !== QUICK_CHECK_VERSION || typeof draft.answers !== 'object' || draft.answers === null) return emptyDraft();
    return { version: draft.version, answers: draft.answers, showResult: draft.showResult === true };
  } catch {
    return emptyDraft();
  }
}

export function saveQuickCheckDraft(draft: QuickCheckDraft) {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage is a convenience: without it the answers last as long as the page.
  }
}

function forget(key: string) {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // See saveQuickCheckDraft.
  }
}

/** Every question answered: the list the API takes. */
export function completeAnswerSet(answers: QuickCheckAnswers): QuickCheckAnswerSetInput | null {
  if (!quickCheckQuestions.every((q) => answers[q.id] !== undefined)) return null;
  return { version: QUICK_CHECK_VERSION, answers: answerEntries(answers as Record<string, QuickCheckAnswer>) };
}

export function useScoreQuickCheck() {
  return useMutation({ mutationFn: (answerSet: QuickCheckAnswerSetInput) => post<QuickCheckScore>('/api/v1/quick-check/score', answerSet) });
}

/**
 * Asks the server for the PDF summary and saves it. A plain fetch (the answer is a file, not JSON); the CSRF token is
 * sent when someone happens to be signed in, since the server checks it on every state-changing request of a session.
 */
export async function downloadQuickCheckPdf(answerSet: QuickCheckAnswerSetInput, lang: 'de' | 'en', csrfToken: string | null): Promise<void> {
  const response = await fetch('/api/v1/quick-check/pdf', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/pdf', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
    body: JSON.stringify({ ...answerSet, lang }),
  }).catch(() => {
    throw new ApiRequestError(0, 'network');
  });
  if (!response.ok) {
    const error = (await response.json().catch(() => ({}))) as { code?: string; issues?: [] };
    throw new ApiRequestError(response.status, error.code ?? 'unknown', error.issues ?? []);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'praxisschild.pdf';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Marks the answers of this tab to be carried into the organisation created next (setup or "new organisation"). */
export function markQuickCheckForCarrying() {
  try {
    sessionStorage.setItem(CARRY_KEY, QUICK_CHECK_VERSION);
  } catch {
    // See saveQuickCheckDraft.
  }
}

/** The answers the person chose to carry over, with the score they saw, or null. */
export function carriedQuickCheck(): { answerSet: QuickCheckAnswerSetInput; answered: number; score: number } | null {
  try {
    if (sessionStorage.getItem(CARRY_KEY) !== QUICK_CHECK_VERSION) return null;
  } catch {
    return null;
  }
  const { answers } = loadQuickCheckDraft();
  const answerSet = completeAnswerSet(answers);
  if (!answerSet) return null;
  // Shown to the person only; the server scores the answers again when it stores them.
  return { answerSet, answered: answerSet.answers.length, score: scoreQuickCheck(answers as Record<string, QuickCheckAnswer>).score };
}

/** After the organisation took them over (or the person declined): the tab forgets the answers' carrying. */
export function forgetCarriedQuickCheck(options: { answers: boolean }) {
  forget(CARRY_KEY);
  if (options.answers) forget(DRAFT_KEY);
}
