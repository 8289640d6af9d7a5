import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { AcceptInvite, InviteUser, UpdateMembership } from '../../../domain/auth/auth.schema.ts';
import { canAdminister, type Role } from '../../../domain/auth/roles.ts';
import type { AppContext } from '../../context.ts';
import { hashToken, newToken } from '../../crypto.ts';
import type { Tx } from '../../db/connect.ts';
import { databaseErrorOf, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { invitations, memberships, organisations, recoveryCodes, sessions, users } from '../../db/schema.ts';
import type { Actor, AuthSession } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { asLocale } from '../../i18n/texts.ts';
import { publicUrl } from '../../public-url.ts';
import { appendAudit } from '../audit/audit.ts';
import { auditForAccount, createSession, hashPassword, startEnrolment } from '../auth/auth.ts';
import { invitationMail } from '../mail/mail.ts';
import { lockOrganisation } from '../organisations/organisations.ts';

export const INVITE_VALID_DAYS = 7;

export async function listMembers(tx: Tx, organisationId: string) {
  const rows = await tx
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      hasMfa: users.totpEnabledAt,
      role: memberships.role,
      isAdmin: memberships.isAdmin,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name), asc(memberships.userId));
  const collator = new Intl.Collator('de');
  return rows.map((r) => ({ ...r, hasMfa: r.hasMfa !== null })).sort((a, b) => collator.compare(a.name, b.name));
}

export async function listInvitations(tx: Tx, organisationId: string) {
  const rows = await tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      isAdmin: invitations.isAdmin,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(and(eq(invitations.organisationId, organisationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt), asc(invitations.id));
  return rows.map((r) => ({ ...r, expired: r.expiresAt < new Date() }));
}

/** Invites a person by e-mail; the link is valid for seven days and carries a token stored only as its hash. */
export async function inviteUser(ctx: AppContext, tx: Tx, actor: Actor, input: InviteUser) {
  // The same address invited twice at once: the second waits, then replaces the first one's invitation.
  await lockOrganisation(tx, actor.organisationId);
  const members = await listMembers(tx, actor.organisationId);
  if (members.some((m) => m.email === input.email)) throw fieldError(['email'], 'invite.already_member');
  const [org] = await tx.select().from(organisations).where(eq(organisations.id, actor.organisationId));
  const inviter = members.find((m) => m.userId === actor.userId);
  // A repeated invitation replaces the open one, so only the newest link works.
  await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.organisationId, actor.organisationId),
        eq(invitations.email, input.email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  const token = newToken();
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + INVITE_VALID_DAYS * 86_400_000);
  await tx.insert(invitations).values({
    organisationId: actor.organisationId,
    id,
    email: input.email,
    role: input.role,
    isAdmin: input.isAdmin,
    tokenHash: hashToken(token),
    invitedBy: actor.userId,
    expiresAt,
  });
  const link = `${await publicUrl(ctx, tx)}/invite/${token}`;
  // In the invitee's language when the address already has an account, else in the inviter's.
  const [known] = await tx.select({ locale: users.locale }).from(users).where(eq(users.email, input.email));
  const [self] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, actor.userId));
  const mail = invitationMail(asLocale(known?.locale ?? self?.locale), {
    organisation: org!.name,
    inviter: inviter?.name ?? null,
    role: input.role,
    isAdmin: input.isAdmin,
    link,
    expiresAt,
  });
  await ctx.mailer.queue(tx, { organisationId: actor.organisationId, to: input.email, kind: 'invitation', ...mail });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'invitation.created',
    entityType: 'invitation',
    entityId: id,
    data: { email: input.email, role: input.role, isAdmin: input.isAdmin },
  });
  return { id, email: input.email, role: input.role, isAdmin: input.isAdmin, expiresAt, link: ctx.mailer.usesSmtp ? null : link };
}

export async function revokeInvitation(tx: Tx, actor: Actor, invitationId: string) {
  const [row] = await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.organisationId, actor.organisationId),
        eq(invitations.id, invitationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning();
  if (!row) throw new AppError('invite.not_found', 404);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'invitation.revoked',
    entityType: 'invitation',
    entityId: invitationId,
    data: { email: row.email },
  });
}

/**
 * Every organisation keeps at least one administrator who is not read-only. Called under the organisation lock, so
 * two administrators demoting or removing each other at once take turns and the second finds no one left.
 */
async function assertAdminRemains(tx: Tx, organisationId: string, changedUserId: string) {
  const admins = (await listMembers(tx, organisationId)).filter((m) => m.isAdmin && m.role !== 'auditor' && m.userId !== changedUserId);
  if (admins.length === 0) throw new AppError('membership.last_admin', 409);
}

/**
 * The acting administrator, checked again under the organisation lock: the check before the transaction may predate
 * a demotion or removal by another administrator that has committed since.
 */
async function assertStillAdmin(tx: Tx, actor: Actor) {
  await lockOrganisation(tx, actor.organisationId);
  const [me] = await tx
    .select({ role: memberships.role, isAdmin: memberships.isAdmin })
    .from(memberships)
    .where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.userId, actor.userId)));
  if (!me) throw new AppError('organisation.not_found', 404);
  if (!canAdminister(me.role as Role, me.isAdmin)) throw new AppError('auth.forbidden', 403);
}

export async function updateMembership(tx: Tx, actor: Actor, userId: string, input: UpdateMembership) {
  await assertStillAdmin(tx, actor);
  const [before] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.userId, userId)));
  if (!before) throw new AppError('not_found', 404);
  if (!input.isAdmin || input.role === 'auditor') await assertAdminRemains(tx, actor.organisationId, userId);
  await tx
    .update(memberships)
    .set({ role: input.role, isAdmin: input.isAdmin })
    .where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.userId, userId)));
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'member.updated',
    entityType: 'membership',
    entityId: userId,
    data: { before: { role: before.role, isAdmin: before.isAdmin }, after: input },
  });
}

export async function removeMember(tx: Tx, actor: Actor, userId: string) {
  await assertStillAdmin(tx, actor);
  const [before] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.userId, userId)));
  if (!before) throw new AppError('not_found', 404);
  await assertAdminRemains(tx, actor.organisationId, userId);
  await tx.delete(memberships).where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.userId, userId)));
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'member.removed',
    entityType: 'membership',
    entityId: userId,
    data: { role: before.role },
  });
}

export async function assertMember(tx: Tx, organisationId: string, userId: string) {
  const [member] = await tx
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  if (!member) throw new AppError('not_found', 404);
}

/**
 * Lost phone: the administrator removes the member's second factor and recovery codes and ends their sessions. The
 * password is still needed, and the next sign-in leads straight into a new enrolment. An account that also belongs
 * to another organisation is refused (409): one organisation's admin must not weaken access to another's data. Runs
 * as system because accounts are global; the caller has checked membership and the admin right. The reset is
 * written into the audit trail of every organisation of the account (which, after the check, is this one).
 */
export async function resetMfa(ctx: AppContext, actor: Actor, userId: string) {
  await ctx.db.transaction(async (tx) => {
    // The account row is locked, so a concurrent reset of the same account waits and sees the outcome.
    const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    if (!account) throw new AppError('not_found', 404);
    const organisationsOfAccount = await tx.select({ organisationId: memberships.organisationId }).from(memberships).where(eq(memberships.userId, userId));
    if (organisationsOfAccount.some((m) => m.organisationId !== actor.organisationId)) {
      throw new AppError('membership.mfa_reset_shared_account', 409);
    }
    await tx.update(users).set({ totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await auditForAccount(tx, userId, { actorUserId: actor.userId, action: 'member.mfa_reset', data: { by: actor.organisationId } });
  });
}

async function findOpenInvitation(tx: Tx, token: string) {
  const [invitation] = await tx
    .select({ invitation: invitations, organisationName: organisations.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .for('update', { of: invitations });
  if (!invitation || invitation.invitation.acceptedAt || invitation.invitation.revokedAt) throw new AppError('invite.not_found', 404);
  if (invitation.invitation.expiresAt < new Date()) throw new AppError('invite.expired', 410);
  return invitation;
}

/**
 * What the invitation page shows. Whether an account exists for the address is not told (anyone holding the link,
 * e.g. the inviting admin reading the outbox, would learn it): the page offers both ways, and the accept call
 * decides on submit.
 */
export async function describeInvitation(ctx: AppContext, token: string) {
  return ctx.db.transaction(async (tx) => {
    const { invitation, organisationName } = await findOpenInvitation(tx, token);
    return { organisationName, email: invitation.email, role: invitation.role };
  });
}

async function joinOrganisation(tx: Tx, invitation: typeof invitations.$inferSelect, userId: string) {
  await tx
    .update(invitations)
    .set({ acceptedAt: new Date(), acceptedBy: userId })
    .where(and(eq(invitations.organisationId, invitation.organisationId), eq(invitations.id, invitation.id)));
  await tx.insert(memberships).values({
    organisationId: invitation.organisationId,
    userId,
    role: invitation.role,
    isAdmin: invitation.isAdmin,
  });
  await appendAudit(tx, {
    organisationId: invitation.organisationId,
    actorUserId: userId,
    action: 'member.added',
    entityType: 'membership',
    entityId: userId,
    data: { role: invitation.role, isAdmin: invitation.isAdmin, invitationId: invitation.id },
  });
}

/** A new person accepts: account, membership and a session that must first enrol TOTP. */
export async function acceptInvitation(ctx: AppContext, token: string, input: AcceptInvite) {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const { invitation } = await findOpenInvitation(tx, token);
    const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
    if (account) throw new AppError('invite.login_required', 409);
    const userId = randomUUID();
    // Two invitations to one new address (two practices) accepted at once: the second insert meets the first
    // account and answers as if it had been there before.
    await tx
      .insert(users)
      .values({ id: userId, email: invitation.email, name: input.name, passwordHash })
      .catch((error: unknown) => {
        const db = databaseErrorOf(error);
        throw db?.code === UNIQUE_VIOLATION && db.constraint === 'users_email_key' ? new AppError('invite.login_required', 409) : error;
      });
    await joinOrganisation(tx, invitation, userId);
    const { enrolment, pendingTotpSecretEnc } = await startEnrolment(ctx, invitation.email);
    const sessionToken = await createSession(tx, ctx, userId, 'enrolling', {
      organisationId: invitation.organisationId,
      pendingTotpSecretEnc,
    });
    return { sessionToken, enrolment };
  });
}

/** Someone who already has an account (e.g. an IT service provider) joins one more organisation. */
export async function joinWithExistingAccount(ctx: AppContext, token: string, session: AuthSession) {
  return ctx.db.transaction(async (tx) => {
    const { invitation } = await findOpenInvitation(tx, token);
    if (invitation.email !== session.email) throw new AppError('invite.wrong_account', 403);
    const [existing] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.organisationId, invitation.organisationId), eq(memberships.userId, session.userId)));
    if (existing) throw new AppError('invite.already_member', 409);
    await joinOrganisation(tx, invitation, session.userId);
    return { organisationId: invitation.organisationId };
  });
}
