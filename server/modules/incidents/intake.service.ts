import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { IntakeAlert } from '../../../domain/incidents/incident.schema.ts';
import type { AppContext } from '../../context.ts';
import { hashToken, newToken } from '../../crypto.ts';
import type { Tx } from '../../db/connect.ts';
import { apiTokens, incidentEvents, incidents, organisations } from '../../db/schema.ts';
import { withOrganisation } from '../../db/tenant.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { publicUrl } from '../../public-url.ts';
import { appendAudit } from '../audit/audit.ts';
import { incidentAlertMail } from '../mail/mail.ts';
import { lockOrganisation } from '../organisations/organisations.ts';
import { escalationRecipients } from '../registration/registration.ts';
import { nextIncidentNumber } from './incidents.service.ts';

export const TOKEN_PREFIX = 'psk_';

/**
 * Alerts per client address and minute. Keyed on the address, not on the Authorization header, and counted before
 * the token is looked at: otherwise every invented token would open a fresh allowance (OWASP ASVS 5.0 V2.4).
 * Behind a reverse proxy TRUST_PROXY makes the address the client's.
 */
export const INTAKE_RATE_LIMIT = { max: 60, timeWindow: '1 minute', keyGenerator: (request: { ip: string }) => request.ip };

export async function listApiTokens(tx: Tx, organisationId: string) {
  return tx
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.organisationId, organisationId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Creates a token; it is returned this once and stored only as its SHA-256. */
export async function createApiToken(tx: Tx, actor: Actor, input: { name: string; scope: 'incident_intake' }) {
  const token = TOKEN_PREFIX + newToken();
  const id = randomUUID();
  await tx
    .insert(apiTokens)
    .values({ organisationId: actor.organisationId, id, name: input.name, scope: input.scope, tokenHash: hashToken(token), createdBy: actor.userId });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'api_token.created',
    entityType: 'api_token',
    entityId: id,
    data: { name: input.name, scope: input.scope },
  });
  return { id, name: input.name, scope: input.scope, token };
}

export async function revokeApiToken(tx: Tx, actor: Actor, tokenId: string) {
  const [row] = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.organisationId, actor.organisationId), eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
    .returning({ name: apiTokens.name });
  if (!row) throw new AppError('not_found', 404);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'api_token.revoked',
    entityType: 'api_token',
    entityId: tokenId,
    data: { name: row.name },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The token behind an Authorization header, or 401: unknown, revoked, other organisation or other scope. */
export async function authenticateIntake(ctx: AppContext, organisationId: string, authorization: string | undefined): Promise<string> {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token?.startsWith(TOKEN_PREFIX)) throw new AppError('auth.token_invalid', 401);
  // The path is read before its schema checks it: an organisation id that is no UUID matches no token.
  if (!UUID.test(organisationId)) throw new AppError('auth.token_invalid', 401);
  const [row] = await ctx.db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        eq(apiTokens.organisationId, organisationId),
        eq(apiTokens.scope, 'incident_intake'),
        isNull(apiTokens.revokedAt),
      ),
    );
  if (!row) throw new AppError('auth.token_invalid', 401);
  return row.id;
}

const APPEND_WINDOW_MS = 24 * 3600_000;

/**
 * An alert opens an incident, or is added to the timeline of the open incident from the same source and host of the
 * last 24 hours. The arrival is the moment the practice becomes aware (§ 32 BSIG clocks start there, once the
 * incident is assessed as significant). New incidents and critical alerts notify the escalation chain by mail.
 */
export async function receiveAlert(ctx: AppContext, organisationId: string, tokenId: string, alert: IntakeAlert) {
  const result = await withOrganisation(ctx.db, organisationId, async (tx) => {
    // Alerts of one burst arrive together: one at a time per organisation, so the second finds the incident the
    // first opened instead of opening another.
    await lockOrganisation(tx, organisationId);
    const intakeKey = `${alert.source.toLowerCase()}|${(alert.host ?? '').toLowerCase()}`;
    const now = new Date();
    const [open] = await tx
      .select({ id: incidents.id, number: incidents.number })
      .from(incidents)
      .where(
        and(
          eq(incidents.organisationId, organisationId),
          eq(incidents.intakeKey, intakeKey),
          isNull(incidents.handlingCompletedAt),
          gt(incidents.createdAt, new Date(now.getTime() - APPEND_WINDOW_MS)),
        ),
      )
      .orderBy(desc(incidents.createdAt), desc(incidents.id))
      .limit(1);
    let incident = open;
    if (!incident) {
      incident = { id: randomUUID(), number: await nextIncidentNumber(tx, organisationId) };
      await tx.insert(incidents).values({
        organisationId,
        id: incident.id,
        number: incident.number,
        title: `${alert.source}: ${alert.title}`,
        description: alert.details ?? '',
        noticedAt: now,
        locationIds: [],
        systems: alert.host ?? '',
        suspectedOrigin: 'unknown',
        // Unknown at intake; the significance assessment asks about personal data.
        patientDataInvolved: false,
        intakeKey,
      });
    }
    await tx.insert(incidentEvents).values({
      organisationId,
      id: randomUUID(),
      incidentId: incident.id,
      at: now,
      kind: open ? 'alert' : 'reported',
      text: alert.title,
      data: { source: alert.source, severity: alert.severity, detectedAt: alert.detectedAt, host: alert.host ?? null, tokenId },
    });
    await tx
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.organisationId, organisationId), eq(apiTokens.id, tokenId)));
    await appendAudit(tx, {
      organisationId,
      actorUserId: null,
      action: 'incident.alert_received',
      entityType: 'incident',
      entityId: incident.id,
      data: { tokenId, source: alert.source, severity: alert.severity, appended: Boolean(open) },
    });
    if (!open || alert.severity === 'critical') {
      // The escalation chain: IT lead, management, the DPO in parallel, and the organisation's own chain.
      const chain = await escalationRecipients(tx, organisationId);
      const link = `${await publicUrl(ctx, tx)}/o/${organisationId}/incidents/${incident.id}`;
      const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
      for (const person of chain) {
        const mail = incidentAlertMail(person.locale, {
          organisation: organisation?.name ?? '',
          name: person.name,
          source: alert.source,
          title: alert.title,
          host: alert.host ?? null,
          severity: alert.severity,
          number: incident.number,
          appended: Boolean(open),
          link,
        });
        await ctx.mailer.queue(tx, { organisationId, to: person.email, kind: 'incident_alert', ...mail });
      }
    }
    return { incidentId: incident.id, number: incident.number, appended: Boolean(open) };
  });
  ctx.mailer.deliverSoon(ctx.db);
  return result;
}
