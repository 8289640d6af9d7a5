import { and, asc, eq, inArray } from 'drizzle-orm';
import { berlinDate } from '../../../domain/kbv/applicability.ts';
import {
  type EscalationRole,
  escalationRoles,
  nameWithLegalForm,
  type RegistrationSetup,
  registrationReadiness,
  storedRegistrationSetupSchema,
} from '../../../domain/registration/registration.ts';
import type { Tx } from '../../db/connect.ts';
import { locations, memberships, organisations, registrationSetups, users } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { asLocale, type Locale } from '../../i18n/texts.ts';
import { appendAudit } from '../audit/audit.ts';
import { latestCheckSummaries } from '../compliance/compliance.ts';

/** The stored setup, or a first one pre-filled from the organisation's master data (address of its first location). */
export async function getRegistration(tx: Tx, organisationId: string, now = new Date()) {
  const [stored] = await tx.select().from(registrationSetups).where(eq(registrationSetups.organisationId, organisationId));
  const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!organisation) throw new AppError('organisation.not_found', 404);
  let setup: RegistrationSetup;
  if (stored) {
    setup = storedRegistrationSetupSchema.parse(stored.data);
  } else {
    const [first] = await tx
      .select()
      .from(locations)
      .where(eq(locations.organisationId, organisationId))
      .orderBy(asc(locations.createdAt), asc(locations.id))
      .limit(1);
    setup = storedRegistrationSetupSchema.parse({ street: first?.street ?? '', postalCode: first?.postalCode ?? '', city: first?.city ?? '' });
  }
  const { nis2 } = await latestCheckSummaries(tx, organisationId);
  return {
    organisation: {
      name: organisation.name,
      legalForm: organisation.legalForm,
      nameWithLegalForm: nameWithLegalForm(organisation.name, organisation.legalForm),
    },
    category: nis2?.category ?? null,
    setup,
    saved: Boolean(stored),
    updatedAt: stored?.updatedAt ?? null,
    readiness: registrationReadiness(setup, nis2?.category ?? null, berlinDate(now)),
    escalationSuggestion: await escalationSuggestion(tx, organisationId),
  };
}

/** The suggested escalation chain: for each role, the first member holding it (by name), so that rows come with names. */
async function escalationSuggestion(tx: Tx, organisationId: string) {
  const members = await tx
    .select({ role: memberships.role, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.role, [...escalationRoles])))
    .orderBy(asc(users.name), asc(memberships.userId));
  return escalationRoles.map((role: EscalationRole) => {
    const member = members.find((m) => m.role === role);
    return { role, name: member?.name ?? '', email: member?.email ?? '' };
  });
}

export async function saveRegistration(tx: Tx, actor: Actor, setup: RegistrationSetup) {
  await tx
    .insert(registrationSetups)
    .values({ organisationId: actor.organisationId, data: setup as unknown as Record<string, unknown>, updatedBy: actor.userId })
    .onConflictDoUpdate({
      target: registrationSetups.organisationId,
      set: { data: setup as unknown as Record<string, unknown>, updatedAt: new Date(), updatedBy: actor.userId },
    });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'registration.updated',
    entityType: 'registration',
    entityId: actor.organisationId,
    data: { checklist: setup.checklist, qualifiesSince: setup.qualifiesSince },
  });
  return getRegistration(tx, actor.organisationId);
}

/**
 * Who is told about an incident: the members holding the roles of the escalation chain (IT lead, management, DPO)
 * and the people of the organisation's own escalation chain with an e-mail address (e.g. the IT service provider's
 * on-call line), each address once. Members read mails in the language of their profile; people outside the
 * organisation's accounts in German.
 */
export async function escalationRecipients(tx: Tx, organisationId: string): Promise<{ name: string; email: string; locale: Locale }[]> {
  const rows = await tx
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.role, ['it_lead', 'management', 'data_protection_officer'])))
    .orderBy(asc(users.name), asc(memberships.userId));
  const members = rows.map((m) => ({ ...m, locale: asLocale(m.locale) }));
  const [stored] = await tx.select().from(registrationSetups).where(eq(registrationSetups.organisationId, organisationId));
  const setup = stored ? storedRegistrationSetupSchema.parse(stored.data) : null;
  const external = [...(setup?.escalation ?? []), ...(setup ? [setup.contactPoint] : [])]
    .filter((p) => p.email)
    .map((p) => ({ name: p.name || p.email, email: p.email.toLowerCase(), locale: 'de' as const }));
  const byEmail = new Map<string, { name: string; email: string; locale: Locale }>();
  for (const person of [...members, ...external]) if (!byEmail.has(person.email)) byEmail.set(person.email, person);
  return [...byEmail.values()];
}

/** The organisation's own escalation chain and 24/7 contact point, for the incident page. */
export async function storedEscalation(tx: Tx, organisationId: string) {
  const [stored] = await tx.select().from(registrationSetups).where(eq(registrationSetups.organisationId, organisationId));
  if (!stored) return { escalation: [], contactPoint: null };
  const setup = storedRegistrationSetupSchema.parse(stored.data);
  return { escalation: setup.escalation, contactPoint: setup.contactPoint.name || setup.contactPoint.phone ? setup.contactPoint : null };
}

/** The practice's own e-mail address and phone from the registration data (null until saved): a letter's contact when there is no DPO. */
export async function practiceContact(tx: Tx, organisationId: string): Promise<{ email: string; phone: string } | null> {
  const [stored] = await tx.select().from(registrationSetups).where(eq(registrationSetups.organisationId, organisationId));
  if (!stored) return null;
  const setup = storedRegistrationSetupSchema.parse(stored.data);
  return { email: setup.email, phone: setup.phone };
}
