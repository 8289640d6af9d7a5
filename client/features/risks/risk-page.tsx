import { Alert, Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ACCEPTANCE_LINE } from '../../../domain/risks/risk-rating.ts';
import { permissionsOf } from '../../app/permissions.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { useOrganisation } from '../organisations/organisations.api.ts';
import { useMembers } from '../users/users.api.ts';
import { RiskForm } from './risk-form.tsx';
import { RiskLevelBadge } from './risk-heat-map.tsx';
import { type Risk, useAcceptRisk, useAxisLabel, useDeleteRisk, useRisk, useWithdrawAcceptance } from './risks.api.ts';
import { RiskDecisionMarker } from './risks-page.tsx';

/** One risk: its rating before and after the measures, the treatment, the requirements it serves, and the decision. */
export function RiskPage() {
  const { t } = useTranslation();
  const { organisationId = '', riskId = '' } = useParams();
  const navigate = useNavigate();
  const risk = useRisk(organisationId, riskId);
  const organisation = useOrganisation(organisationId);
  const axisLabel = useAxisLabel(organisationId);
  const remove = useDeleteRisk(organisationId, () => navigate(`/o/${organisationId}/risks`));
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState<Risk | null>(null);

  if (risk.isPending || organisation.isPending) return <PageLoader />;
  if (risk.error) return <ErrorAlert error={risk.error} />;
  if (organisation.error) return <ErrorAlert error={organisation.error} />;
  const r = risk.data;
  const can = permissionsOf(organisation.data.me);
  const rating = (likelihood: number, impact: number) =>
    `${t('risks.field.likelihood')}: ${likelihood} ${axisLabel('likelihood', likelihood)} · ${t('risks.field.impact')}: ${impact} ${axisLabel('impact', impact)}`;
  const facts: [string, string][] = [
    [t('risks.field.treatment'), t(`risks.treatment.${r.treatment}`)],
    [t('risks.field.owner'), r.owner],
    [t('risks.field.reviewOn'), r.reviewOn ? formatCalendarDate(r.reviewOn) : ''],
  ];

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/o/${organisationId}/risks`} size="sm">
        ← {t('risks.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            {t('risks.kicker', { number: r.number })}
          </Text>
          <Title order={1} size="h2">
            {r.title}
          </Title>
          <Group gap="xs">
            <RiskLevelBadge score={r.currentScore} level={r.currentLevel} />
            <RiskDecisionMarker risk={r} />
          </Group>
        </Stack>
        {can.editRegisters && (
          <Group gap="xs">
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setDeleting(r)}>
              {t('common.remove')}
            </Button>
          </Group>
        )}
      </Group>
      <AcceptanceBlock organisationId={organisationId} risk={r} canAccept={can.acceptRisks} />
      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t('risks.section.inherent')}
            </Text>
            <RiskLevelBadge score={r.score} level={r.level} />
            <Text size="sm">{rating(r.likelihood, r.impact)}</Text>
          </Stack>
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t('risks.residual')}
            </Text>
            {r.residualLikelihood !== null && r.residualImpact !== null && r.residualScore !== null ? (
              <>
                <RiskLevelBadge score={r.residualScore} level={r.currentLevel} />
                <Text size="sm">{rating(r.residualLikelihood, r.residualImpact)}</Text>
              </>
            ) : (
              <Text size="sm">{t('risks.notRated')}</Text>
            )}
          </Stack>
          {facts.map(([label, value]) => (
            <Stack key={label} gap={0}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm">{value || '–'}</Text>
            </Stack>
          ))}
        </SimpleGrid>
        {(
          [
            [t('risks.field.description'), r.description],
            [t('risks.field.measures'), r.measures],
          ] as [string, string][]
        )
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <Stack key={label} gap={0} mt="md">
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {value}
              </Text>
            </Stack>
          ))}
        {r.requirementIds.length > 0 && (
          <Stack gap={4} mt="md">
            <Text size="xs" c="dimmed">
              {t('risks.field.requirementIds')}
            </Text>
            <Group gap={6} data-testid="risk-requirements">
              {r.requirementIds.map((id) => (
                <Anchor key={id} component={Link} to={`/o/${organisationId}/catalog/${id}`} size="sm">
                  <Badge variant="outline" style={{ cursor: 'pointer', textTransform: 'none' }}>
                    {id}
                  </Badge>
                </Anchor>
              ))}
            </Group>
          </Stack>
        )}
      </Card>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('risks.edit')} size="xl">
        {editing && <RiskForm organisationId={organisationId} risk={r} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      </Modal>
      <ConfirmModal
        subject={deleting}
        title={t('risks.removeTitle')}
        text={t('risks.removeText', { title: deleting?.title ?? '' })}
        confirmLabel={t('common.remove')}
        mutation={remove}
        keyOf={(x) => x.id}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

/**
 * Management's decision (§ 38 Abs. 1 BSIG): above the acceptance line a risk to be accepted waits for management;
 * management accepts it on the record (at the revision it saw) or withdraws the acceptance; others see who decides.
 */
function AcceptanceBlock({ organisationId, risk, canAccept }: { organisationId: string; risk: Risk; canAccept: boolean }) {
  const { t } = useTranslation();
  const members = useMembers(organisationId);
  const accept = useAcceptRisk(organisationId, () => risk.revision);
  const withdraw = useWithdrawAcceptance(organisationId);
  const [confirming, setConfirming] = useState<Risk | null>(null);
  const nameOf = (userId: string | null) => members.data?.find((m) => m.userId === userId)?.name ?? t('risks.acceptance.someone');
  const deciders = (members.data ?? []).filter((m) => m.role === 'management').map((m) => m.name);

  if (risk.acceptedAt)
    return (
      <Alert color="teal" title={t('risks.acceptance.acceptedTitle')} data-testid="risk-acceptance">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('risks.acceptance.acceptedBy', { name: nameOf(risk.acceptedByUserId), date: formatDateTime(risk.acceptedAt) })}</Text>
          {withdraw.error && <ErrorAlert error={withdraw.error} />}
          {canAccept && (
            <Button variant="default" size="xs" loading={withdraw.isPending} onClick={() => withdraw.mutate(risk.id)}>
              {t('risks.acceptance.withdraw')}
            </Button>
          )}
        </Stack>
      </Alert>
    );
  if (!risk.needsDecision) return null;
  const whoDecides = deciders.length > 0 ? t('risks.acceptance.whoDecides', { names: deciders.join(', ') }) : t('risks.acceptance.management');
  if (risk.treatment !== 'accept')
    return (
      <Alert color="orange" title={t('risks.marker.needsDecision')} data-testid="risk-acceptance">
        <Text size="sm">{t('risks.acceptance.aboveLine', { line: ACCEPTANCE_LINE })}</Text>
      </Alert>
    );
  return (
    <Alert color="orange" title={t('risks.marker.needsDecision')} data-testid="risk-acceptance">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('risks.acceptance.toAccept', { line: ACCEPTANCE_LINE })}</Text>
        {canAccept ? (
          <Button color="orange.9" onClick={() => setConfirming(risk)}>
            {t('risks.acceptance.accept')}
          </Button>
        ) : (
          <Text size="sm" fw={500}>
            {whoDecides}
          </Text>
        )}
      </Stack>
      <ConfirmModal
        subject={confirming}
        title={t('risks.acceptance.accept')}
        text={t('risks.acceptance.confirmText', { title: risk.title, score: risk.currentScore })}
        confirmLabel={t('risks.acceptance.confirm')}
        color="orange.9"
        mutation={accept}
        keyOf={(x) => x.id}
        onClose={() => setConfirming(null)}
      />
    </Alert>
  );
}
