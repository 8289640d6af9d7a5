import { createHmac, randomInt } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
import {
  formatRecoveryCode,
  isRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_ALPHABET,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
} from '../../../domain/auth/account-rules.ts';
import type { Db, Tx } from '../../db/connect.ts';
import { recoveryCodes } from '../../db/schema.ts';

/**
 * Recovery codes are stored as HMAC-SHA-256 with the instance's secret key: a copy of the database alone does not
 * allow testing guesses offline (50 bits per code), and checking one costs a single keyed hash, not ten argon2 runs.
 */
export function hashRecoveryCode(key: Buffer, normalised: string): string {
  return createHmac('sha256', key).update(`recovery-code:${normalised}`).digest('hex');
}

function newCode(): string {
  let code = '';
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return code;
}

/** Replaces all codes of the account with ten new ones and returns them for showing once (k7m2q-9xw3d). */
export async function replaceRecoveryCodes(tx: Tx, key: Buffer, userId: string): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(newCode());
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values([...codes].map((code) => ({ userId, codeHash: hashRecoveryCode(key, code) })));
  return [...codes].map(formatRecoveryCode);
}

/** Uses up one code (once only, also under concurrency: the update decides). Returns whether it was valid. */
export async function consumeRecoveryCode(tx: Tx, key: Buffer, userId: string, typed: string): Promise<boolean> {
  const normalised = normaliseRecoveryCode(typed);
  if (!isRecoveryCode(normalised)) return false;
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(key, normalised)), isNull(recoveryCodes.usedAt)))
    .returning({ userId: recoveryCodes.userId });
  return used.length === 1;
}

export async function remainingRecoveryCodes(db: Db | Tx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}
