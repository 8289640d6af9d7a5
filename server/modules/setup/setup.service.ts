import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Setup } from '../../../domain/organisations/organisation.schema.ts';
import type { QuickCheckAnswerSet } from '../../../domain/quickcheck/quickcheck.schema.ts';
import type { AppContext } from '../../context.ts';
import { queryRows } from '../../db/connect.ts';
import { users } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { storePublicUrl } from '../../public-url.ts';
import { createSession, hashPassword, startEnrolment } from '../auth/auth.ts';
import { createOrganisation } from '../organisations/organisations.ts';
import { carryQuickCheck } from '../quickcheck/quickcheck.ts';

export async function isSetupNeeded(ctx: AppContext): Promise<boolean> {
  const [row] = await queryRows<{ done: boolean }>(ctx.db, sql`select exists (select 1 from organisations) as done`);
  return !row?.done;
}

/**
 * First run: the first organisation, its locations and its first administrator (role management) in one
 * transaction, with the quick-check answers when the person brought them (they pre-set the catalog, decision 030).
 * The account is unusable until a TOTP code confirms the enrolment returned here.
 */
export async function runSetup(ctx: AppContext, input: Setup & { publicUrl?: string | undefined; quickCheck?: QuickCheckAnswerSet | undefined }) {
  const passwordHash = await hashPassword(input.admin.password);
  const { enrolment, pendingTotpSecretEnc } = await startEnrolment(ctx, input.admin.email);
  const token = await ctx.db.transaction(async (tx) => {
    // Two browsers submitting at once: the second waits here, then finds the first organisation.
    await tx.execute(sql`select pg_advisory_xact_lock(727274002)`);
    const [existing] = await queryRows<{ done: boolean }>(tx, sql`select exists (select 1 from organisations) as done`);
    if (existing?.done) throw new AppError('setup.already_done', 409);
    const userId = randomUUID();
    await tx.insert(users).values({
      id: userId,
      email: input.admin.email,
      name: input.admin.name,
      passwordHash,
      locale: input.locale,
    });
    const org = await createOrganisation(tx, userId, 'management', input.organisation);
    if (input.quickCheck) await carryQuickCheck(tx, { organisationId: org.id, userId, locale: input.locale }, input.quickCheck);
    if (input.publicUrl) await storePublicUrl(tx, input.publicUrl);
    return createSession(tx, ctx, userId, 'enrolling', { organisationId: org.id, pendingTotpSecretEnc });
  });
  return { token, enrolment };
}
