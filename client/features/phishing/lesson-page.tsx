import { Alert, Box, Button, Card, Container, List, Paper, PasswordInput, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { currentLocale, storedLocale } from '../../lib/i18n.ts';
import { type Lesson, useCompleteTraining, useLesson, useSubmitFakeForm } from './phishing.api.ts';

const answersKey = (token: string) => `praxisschild.phishingTraining.${token.slice(0, 12)}`;

/**
 * Where the link of a simulated phishing mail lands (no sign-in). For a template with a fake sign-in form, that form
 * comes first: sending it counts only that it was sent, nothing typed leaves the browser. Then the lesson: what gave
 * the mail away, in plain words, and the five-minute micro-training. The server answers the same for every token, so
 * the page looks the same whether or not the link belongs to anyone.
 */
export function LessonPage() {
  const { i18n } = useTranslation();
  const { token = '' } = useParams();
  // Without a language chosen in this browser, the page speaks the mail's language; a choice on the switch wins.
  const chosen = storedLocale() ? currentLocale() : undefined;
  const lesson = useLesson(token, chosen);
  const shown = lesson.data?.locale;
  useEffect(() => {
    if (shown && !storedLocale() && shown !== i18n.resolvedLanguage) void i18n.changeLanguage(shown);
  }, [shown, i18n]);
  const [stage, setStage] = useState<'form' | 'lesson' | null>(null);
  const [submitted, setSubmitted] = useState(false);

  if (lesson.isPending) return <PageLoader />;
  if (lesson.error) {
    return (
      <PublicLayout title="praxisschild">
        <ErrorAlert error={lesson.error} />
      </PublicLayout>
    );
  }
  const current = stage ?? (lesson.data.landing === 'form' ? 'form' : 'lesson');
  if (current === 'form') {
    return (
      <FakeSignIn
        token={token}
        lesson={lesson.data}
        onDone={(sent) => {
          setSubmitted(sent);
          setStage('lesson');
        }}
      />
    );
  }
  return <LessonContent token={token} lesson={lesson.data} submitted={submitted} />;
}

/** A plain sign-in box like the ones phishing mails lead to. The inputs have no names and are never sent. */
function FakeSignIn({ token, lesson, onDone }: { token: string; lesson: Lesson; onDone: (submitted: boolean) => void }) {
  const { t } = useTranslation();
  const submit = useSubmitFakeForm(token);
  const [user, setUser] = useState('');
  const [secret, setSecret] = useState('');
  return (
    <Box mih="100vh" bg="gray.1">
      <Container size={420} py={60}>
        <Paper withBorder shadow="md" radius="md" p="xl">
          <form
            noValidate
            autoComplete="off"
            onSubmit={(event) => {
              event.preventDefault();
              // What was typed is dropped here; the request carries no field.
              setUser('');
              setSecret('');
              submit.mutate(undefined, { onSettled: () => onDone(true) });
            }}
          >
            <Stack gap="md">
              <Title order={1} size="h3">
                {lesson.title}
              </Title>
              <Text size="sm" c="dimmed">
                {t('phishing.lesson.fakeIntro')}
              </Text>
              <TextInput
                label={t('phishing.lesson.fakeUser')}
                value={user}
                onChange={(e) => setUser(e.currentTarget.value)}
                autoComplete="off"
                data-testid="phishing-fake-user"
              />
              <PasswordInput
                label={t('phishing.lesson.fakePassword')}
                value={secret}
                onChange={(e) => setSecret(e.currentTarget.value)}
                autoComplete="new-password"
              />
              <Button type="submit" loading={submit.isPending} data-testid="phishing-fake-submit">
                {t('phishing.lesson.fakeButton')}
              </Button>
              <Button variant="subtle" size="xs" onClick={() => onDone(false)} data-testid="phishing-fake-skip">
                {t('phishing.lesson.fakeSkip')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Container>
    </Box>
  );
}

function LessonContent({ token, lesson, submitted }: { token: string; lesson: Lesson; submitted: boolean }) {
  const { t } = useTranslation();
  return (
    <PublicLayout title={t('phishing.lesson.title')} intro={t('phishing.lesson.intro')} width={760}>
      <Stack gap="lg" data-testid="phishing-lesson">
        {submitted && (
          <Alert color="orange" variant="light" title={t('phishing.lesson.submittedTitle')}>
            {t('phishing.lesson.submittedText')}
          </Alert>
        )}
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('phishing.lesson.cluesTitle')}
          </Title>
          <Text size="sm">
            {t('phishing.lesson.theMail')} <q>{lesson.subject}</q>
          </Text>
          <List spacing="xs" data-testid="phishing-lesson-clues">
            {lesson.clues.map((clue) => (
              <List.Item key={clue}>{clue}</List.Item>
            ))}
          </List>
        </Stack>
        <MicroTraining token={token} lesson={lesson} />
      </Stack>
    </PublicLayout>
  );
}

function MicroTraining({ token, lesson }: { token: string; lesson: Lesson }) {
  const { t } = useTranslation();
  const complete = useCompleteTraining(token);
  const [answers, setAnswers] = useState<Record<string, string>>(() => {
    try {
      return JSON.parse(sessionStorage.getItem(answersKey(token)) ?? '{}') as Record<string, string>;
    } catch {
      return {};
    }
  });
  const [missing, setMissing] = useState(false);
  const [scoredIn, setScoredIn] = useState<Lesson['locale'] | null>(null);
  useEffect(() => {
    try {
      sessionStorage.setItem(answersKey(token), JSON.stringify(answers));
    } catch {
      // Without storage the answers live as long as the page.
    }
  }, [answers, token]);
  const { training } = lesson;
  const result = complete.data;
  const explanation = (questionId: string) => result?.answers.find((a) => a.questionId === questionId);

  const send = (locale: Lesson['locale']) =>
    complete.mutate(
      { locale, answers: training.questions.map((q) => ({ questionId: q.id, optionId: answers[q.id]! })) },
      { onSuccess: () => setScoredIn(locale) },
    );
  const submit = () => {
    const open = training.questions.filter((q) => !answers[q.id]);
    setMissing(open.length > 0);
    if (open.length === 0) send(lesson.locale);
  };
  // The explanations come in the language they were asked in; after a switch they are asked again (counted once).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the page's language changes
  useEffect(() => {
    if (scoredIn && scoredIn !== lesson.locale && !complete.isPending) send(lesson.locale);
  }, [lesson.locale]);

  return (
    <Card withBorder padding="lg" bg="gray.0">
      <Stack gap="md" data-testid="phishing-training">
        <Title order={2} size="h4">
          {training.title}
        </Title>
        {training.intro.map((paragraph) => (
          <Text key={paragraph} size="sm">
            {paragraph}
          </Text>
        ))}
        {training.questions.map((q, index) => {
          const checked = explanation(q.id);
          return (
            <Radio.Group
              key={q.id}
              label={`${index + 1}. ${q.text}`}
              value={answers[q.id] ?? null}
              onChange={(value) => !result && setAnswers((current) => ({ ...current, [q.id]: value }))}
              error={missing && !answers[q.id] ? t('phishing.lesson.answerThis') : undefined}
              data-testid={`phishing-question-${q.id}`}
            >
              <Stack gap={6} mt="xs">
                {q.options.map((o) => (
                  <Radio key={o.id} value={o.id} label={o.text} />
                ))}
              </Stack>
              {checked && (
                <Text size="sm" mt="xs" c={checked.correct ? 'teal.9' : 'orange.9'}>
                  {checked.correct ? t('phishing.lesson.right') : t('phishing.lesson.notQuite')} {checked.explanation}
                </Text>
              )}
            </Radio.Group>
          );
        })}
        {complete.error && <ErrorAlert error={complete.error} />}
        {result ? (
          <Alert
            color={result.passed ? 'teal' : 'orange'}
            variant="light"
            title={t(result.passed ? 'phishing.lesson.passedTitle' : 'phishing.lesson.notPassedTitle')}
            data-testid="phishing-training-result"
          >
            <Text size="sm">{t('phishing.lesson.score', { correct: result.correct, total: result.total })}</Text>
            <Text size="sm" mt={4}>
              {t('phishing.lesson.recorded')}
            </Text>
          </Alert>
        ) : (
          <Button onClick={submit} loading={complete.isPending} w="fit-content" data-testid="phishing-training-submit">
            {t('phishing.lesson.finish')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

/** Where the footer's report link lands: thanks, and what to do with a real suspicious mail. */
export function ReportedPage() {
  const { t } = useTranslation();
  return (
    <PublicLayout title={t('phishing.reported.title')}>
      <Stack gap="sm" data-testid="phishing-reported">
        <Text>{t('phishing.reported.text')}</Text>
        <Text size="sm">{t('phishing.reported.real')}</Text>
      </Stack>
    </PublicLayout>
  );
}
