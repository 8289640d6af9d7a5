import { Alert, Button, Group, Modal, Paper, Progress, Radio, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { answerOptions, type QuickCheckAnswer, quickCheckLevers, quickCheckQuestions } from '../../../domain/quickcheck/questions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { currentLocale } from '../../lib/i18n.ts';
import { useSession } from '../auth/auth.api.ts';
import {
  completeAnswerSet,
  downloadQuickCheckPdf,
  emptyDraft,
  loadQuickCheckDraft,
  markQuickCheckForCarrying,
  type QuickCheckDraft,
  saveQuickCheckDraft,
  useScoreQuickCheck,
} from './quickcheck.api.ts';
import { QuickCheckResult } from './quickcheck-result.tsx';

const total = quickCheckQuestions.length;

/** The public quick check (/schnellcheck): one card per question, grouped by lever; the answers stay in this tab. */
export function QuickCheckPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const [draft, setDraft] = useState<QuickCheckDraft>(loadQuickCheckDraft);
  const [attempted, setAttempted] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const [pdfError, setPdfError] = useState<unknown>(null);
  const [pdfPending, setPdfPending] = useState(false);
  const score = useScoreQuickCheck();
  const openAlert = useRef<HTMLDivElement>(null);

  const update = (next: QuickCheckDraft) => {
    setDraft(next);
    saveQuickCheckDraft(next);
  };
  const answered = quickCheckQuestions.filter((q) => draft.answers[q.id] !== undefined).length;
  const open = quickCheckQuestions.filter((q) => draft.answers[q.id] === undefined);
  const answerSet = useMemo(() => completeAnswerSet(draft.answers), [draft.answers]);

  // A reload while the result is shown asks the server for it again.
  const { mutate: scoreAnswers } = score;
  useEffect(() => {
    if (draft.showResult && answerSet && !score.data && !score.isPending && !score.error) scoreAnswers(answerSet);
  }, [draft.showResult, answerSet, score.data, score.isPending, score.error, scoreAnswers]);

  const answer = (questionId: string, value: QuickCheckAnswer) => {
    update({ ...draft, answers: { ...draft.answers, [questionId]: value } });
    score.reset();
  };

  const showResult = () => {
    setAttempted(true);
    if (!answerSet) {
      requestAnimationFrame(() => openAlert.current?.focus());
      return;
    }
    update({ ...draft, showResult: true });
    scoreAnswers(answerSet);
    window.scrollTo({ top: 0 });
  };

  const goToFirstOpen = () => {
    const first = open[0];
    if (!first) return;
    const card = document.getElementById(`question-${first.id}`);
    card?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    card?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus({ preventScroll: true });
  };

  const downloadPdf = async () => {
    if (!answerSet) return;
    setPdfError(null);
    setPdfPending(true);
    try {
      const csrf = session.data && session.data.state !== 'anonymous' ? session.data.csrfToken : null;
      await downloadQuickCheckPdf(answerSet, currentLocale(), csrf);
    } catch (error) {
      setPdfError(error);
    } finally {
      setPdfPending(false);
    }
  };

  if (draft.showResult && answerSet) {
    return (
      <PublicLayout title={t('quickCheck.resultTitle')} width={860}>
        {score.error && <ErrorAlert error={score.error} />}
        {score.data && (
          <QuickCheckResult
            score={score.data}
            pdfPending={pdfPending}
            pdfError={pdfError}
            onPdf={() => void downloadPdf()}
            onCarry={() => {
              markQuickCheckForCarrying();
              navigate('/schnellcheck/uebernehmen');
            }}
            onEdit={() => {
              update({ ...draft, showResult: false });
              window.scrollTo({ top: 0 });
            }}
          />
        )}
        {!score.data && !score.error && <PageLoader />}
      </PublicLayout>
    );
  }

  let number = 0;
  return (
    <PublicLayout title={t('quickCheck.title')} intro={t('quickCheck.intro')} width={860}>
      <Stack gap="xl">
        <Stack gap={6} data-testid="quick-check-progress">
          <Text size="sm" fw={500} aria-live="polite">
            {t('quickCheck.progress', { answered, total })}
          </Text>
          <Progress.Root size="md">
            <Progress.Section value={Math.round((100 * answered) / total)} color="teal" aria-label={t('quickCheck.progress', { answered, total })} />
          </Progress.Root>
        </Stack>

        {quickCheckLevers.map((lever) => (
          <Stack component="section" gap="md" key={lever} aria-labelledby={`lever-${lever}`}>
            <Title order={2} size="h3" id={`lever-${lever}`}>
              {t(`quickCheck.lever.${lever}`)}
            </Title>
            {quickCheckQuestions
              .filter((q) => q.lever === lever)
              .map((question) => {
                number += 1;
                const value = draft.answers[question.id];
                return (
                  <Paper withBorder radius="md" p="lg" key={question.id} id={`question-${question.id}`} data-testid={`question-${question.id}`}>
                    <Text size="xs" c="dimmed" mb={4}>
                      {t('quickCheck.questionOf', { number, total })}
                    </Text>
                    <Radio.Group
                      name={question.id}
                      label={t(`quickCheck.question.${question.id}.text`)}
                      description={t(`quickCheck.question.${question.id}.hint`)}
                      value={value ?? null}
                      onChange={(next) => answer(question.id, next as QuickCheckAnswer)}
                      error={attempted && value === undefined ? t('issues.choose') : undefined}
                      styles={{ label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600, marginBottom: 4 } }}
                    >
                      <Group gap="lg" mt="sm">
                        {answerOptions(question).map((option) => (
                          <Radio key={option} value={option} label={t(`quickCheck.answer.${option}`)} />
                        ))}
                      </Group>
                    </Radio.Group>
                  </Paper>
                );
              })}
          </Stack>
        ))}

        {attempted && open.length > 0 && (
          <Alert color="orange" variant="light" role="alert" ref={openAlert} tabIndex={-1} data-testid="quick-check-open">
            <Stack gap="xs">
              <Text size="sm">{t('quickCheck.stillOpen', { count: open.length })}</Text>
              <Button size="xs" variant="light" color="orange" w="fit-content" onClick={goToFirstOpen}>
                {t('quickCheck.toFirstOpen')}
              </Button>
            </Stack>
          </Alert>
        )}
        <Group justify="space-between">
          <Button variant="subtle" color="gray" onClick={() => setConfirmReset(true)} disabled={answered === 0}>
            {t('quickCheck.startOver')}
          </Button>
          <Button size="md" onClick={showResult}>
            {t('quickCheck.showResult')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirmReset} onClose={() => setConfirmReset(false)} title={t('quickCheck.startOver')}>
        <Stack>
          <Text>{t('quickCheck.startOverConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmReset(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                update(emptyDraft());
                setAttempted(false);
                setConfirmReset(false);
              }}
            >
              {t('quickCheck.startOver')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </PublicLayout>
  );
}
