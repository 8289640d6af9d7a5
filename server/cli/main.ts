import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { and, eq, isNull } from 'drizzle-orm';
import { type AuditAnchor, auditAnchorSchema } from '../../domain/audit/audit-anchor.ts';
import { emailSchema, passwordSchema, personNameSchema } from '../../domain/auth/auth.schema.ts';
import { createOrganisationSchema } from '../../domain/organisations/organisation.schema.ts';
import { type Config, loadConfig } from '../config.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';
import { loginThrottles, memberships, organisations, passwordResets, recoveryCodes, sessions, users } from '../db/schema.ts';
import { appendAudit, verifyAllAuditChains } from '../modules/audit/audit.ts';
import { hashPassword } from '../modules/auth/auth.ts';
import { createOrganisation } from '../modules/organisations/organisations.ts';
import { checkSecretKey, inspectSecretKey, openConfiguredDatabase, SecretKeyMismatchError, startServer } from '../runtime.ts';

function fail(message: string): never {
  process.stderr.write(`praxisschild: ${message}\n`);
  process.exit(1);
}

async function withDatabase<T>(work: (database: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>, config: Config = loadConfig()) {
  const database = await openConfiguredDatabase(config);
  try {
    // Records the key check value of a database set up from the command line (create-admin before the first start);
    // only start and restore refuse another key, so that backup and verify-audit also work without it.
    await inspectSecretKey(database.db, config);
    return await work(database);
  } finally {
    await database.close();
  }
}

const program = new Command('praxisschild').description('IT security and NIS2 for practices and MVZ (KBV § 390 SGB V, BSIG)').showHelpAfterError();

program
  .command('start')
  .description('start the web application (PORT, DATA_DIR, DATABASE_URL, … from the environment)')
  .action(async () => {
    const { stop, app } = await startServer();
    const config = loadConfig();
    process.stdout.write(`praxisschild runs on ${config.publicUrl} (${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`})\n`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        app.log.info(`${signal}: shutting down`);
        void stop().then(() => process.exit(0));
      });
    }
  });

program
  .command('migrate')
  .description('apply the database migrations and exit')
  .action(async () => {
    await withDatabase(async () => undefined);
    process.stdout.write('migrations applied\n');
  });

program
  .command('create-admin')
  .description('create an administrator account; with --organisation-name also a new organisation for it')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--password <password>', 'at least 12 characters; TOTP enrolment follows at the first login')
  .option('--organisation <id>', 'make the account administrator of this existing organisation')
  .option('--organisation-name <name>', 'create a new organisation with one location of the same name')
  .option('--role <role>', 'role in the organisation', 'management')
  .action(async (options: { email: string; name: string; password: string; organisation?: string; organisationName?: string; role: string }) => {
    const email = emailSchema.safeParse(options.email);
    const name = personNameSchema.safeParse(options.name);
    const password = passwordSchema.safeParse(options.password);
    if (!email.success) fail('--email is not a valid e-mail address');
    if (!name.success) fail('--name needs at least 2 characters');
    if (!password.success) fail('--password needs at least 12 characters');
    if (!options.organisation && !options.organisationName) fail('give --organisation <id> or --organisation-name <name>');
    const role = options.role as 'management';
    await withDatabase(async ({ db }) => {
      const passwordHash = await hashPassword(password.data);
      await db.transaction(async (tx) => {
        const [existing] = await tx.select().from(users).where(eq(users.email, email.data));
        const userId = existing?.id ?? randomUUID();
        if (!existing) await tx.insert(users).values({ id: userId, email: email.data, name: name.data, passwordHash });
        if (options.organisationName) {
          const parsed = createOrganisationSchema.safeParse({
            name: options.organisationName,
            legalForm: 'other',
            locations: [{ name: options.organisationName }],
          });
          if (!parsed.success) fail('--organisation-name needs 2 to 200 characters');
          const org = await createOrganisation(tx, userId, role, parsed.data);
          process.stdout.write(`organisation ${org.id} created\n`);
        } else {
          const [org] = await tx.select().from(organisations).where(eq(organisations.id, options.organisation!));
          if (!org) fail(`no organisation ${options.organisation}`);
          await tx
            .insert(memberships)
            .values({ organisationId: org.id, userId, role, isAdmin: true })
            .onConflictDoUpdate({ target: [memberships.organisationId, memberships.userId], set: { isAdmin: true, role } });
          await appendAudit(tx, {
            organisationId: org.id,
            actorUserId: null,
            action: 'member.added',
            entityType: 'membership',
            entityId: userId,
            data: { role, isAdmin: true, via: 'cli' },
          });
        }
      });
    });
    process.stdout.write(`administrator ${email.data} ready; two-factor enrolment follows at the first login\n`);
  });

program
  .command('reset-admin')
  .description('lost access: new password (optional), two-factor sign-in cleared, administrator of its organisations')
  .requiredOption('--email <email>')
  .option('--password <password>', 'new password, at least 12 characters (otherwise the old one stays)')
  .option('--organisation <id>', 'make the account administrator of this organisation only (joins it if needed)')
  .action(async (options: { email: string; password?: string; organisation?: string }) => {
    const email = emailSchema.safeParse(options.email);
    if (!email.success) fail('--email is not a valid e-mail address');
    const password = options.password === undefined ? null : passwordSchema.safeParse(options.password);
    if (password && !password.success) fail('--password needs at least 12 characters');
    if (options.organisation !== undefined && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.organisation)) {
      fail('--organisation needs the id (UUID) of an organisation');
    }
    const passwordHash = password ? await hashPassword(password.data!) : null;
    const lines = await withDatabase(({ db }) =>
      db.transaction(async (tx) => {
        const [user] = await tx.select().from(users).where(eq(users.email, email.data)).for('update');
        if (!user) fail(`no account with the address ${email.data}`);
        const said: string[] = [];
        if (passwordHash) {
          await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
          said.push('new password set');
        }
        await tx.update(users).set({ totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, user.id));
        await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
        await tx
          .update(passwordResets)
          .set({ usedAt: new Date() })
          .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
        await tx.delete(loginThrottles).where(eq(loginThrottles.email, user.email));
        const ended = await tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ id: sessions.id });
        said.push('two-factor sign-in and recovery codes cleared: the next sign-in sets up an authenticator app again');
        said.push(`${ended.length} session(s) ended`);

        const targets = options.organisation
          ? await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, options.organisation))
          : await tx
              .select({ id: organisations.id, name: organisations.name })
              .from(memberships)
              .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
              .where(eq(memberships.userId, user.id));
        if (options.organisation && targets.length === 0) fail(`no organisation ${options.organisation}`);
        if (targets.length === 0) fail(`${user.email} belongs to no organisation; name one with --organisation <id>`);
        for (const organisation of targets) {
          const [before] = await tx
            .select()
            .from(memberships)
            .where(and(eq(memberships.organisationId, organisation.id), eq(memberships.userId, user.id)));
          // A read-only auditor cannot administer even with the flag; recovery makes the account management then.
          const role = !before || before.role === 'auditor' ? 'management' : before.role;
          await tx
            .insert(memberships)
            .values({ organisationId: organisation.id, userId: user.id, role, isAdmin: true })
            .onConflictDoUpdate({ target: [memberships.organisationId, memberships.userId], set: { isAdmin: true, role } });
          await appendAudit(tx, {
            organisationId: organisation.id,
            actorUserId: null,
            action: 'account.admin_recovered',
            entityType: 'account',
            entityId: user.id,
            data: {
              via: 'cli',
              passwordSet: Boolean(passwordHash),
              before: before ? { role: before.role, isAdmin: before.isAdmin } : null,
              after: { role, isAdmin: true },
            },
          });
          said.push(`administrator of ${organisation.name} (${organisation.id})${before?.isAdmin && before.role === role ? ', as before' : `, role ${role}`}`);
        }
        return said;
      }),
    );
    for (const line of lines) process.stdout.write(`${line}\n`);
    process.stdout.write(`account ${email.data} recovered; recorded in the audit trail of each organisation above\n`);
  });

program
  .command('backup <file>')
  .description('write the whole database (files included) into one file')
  .action(async (file: string) => {
    const result = await withDatabase((database) => backupDatabase(database, file));
    process.stdout.write(`backup written to ${file}: ${result.tables} tables, ${result.rows} rows\n`);
    process.stdout.write(`audit anchor written to ${result.anchorFile}; print it or keep a copy outside the practice:\n`);
    for (const org of result.anchor.organisations) {
      process.stdout.write(`  ${org.organisationName}: ${org.entries} entries, newest #${org.seq} ${org.hash}\n`);
    }
    process.stdout.write('Keep secret.key (or SECRET_KEY) with the backup: a restored database starts only with its key.\n');
  });

program
  .command('restore <file>')
  .description('restore a backup file into this database')
  .option('--force', 'replace existing data')
  .action(async (file: string, options: { force?: boolean }) => {
    const config = loadConfig();
    const { result, keyProblem } = await withDatabase(async (database) => {
      const restored = await restoreDatabase(database, file, options);
      // The backup brought the key check value of its installation: say now, not at the next start, if the key differs.
      const problem = await checkSecretKey(database.db, config).then(
        () => null,
        (error: unknown) => {
          if (error instanceof SecretKeyMismatchError) return error.message;
          throw error;
        },
      );
      return { result: restored, keyProblem: problem };
    }, config);
    process.stdout.write(`restored ${result.rows} rows from the backup of ${result.createdAt}\n`);
    if (keyProblem) process.stderr.write(`praxisschild: the secret key does not match the backup. ${keyProblem}\n`);
  });

program
  .command('verify-audit')
  .description('check the hash chain of every organisation’s audit trail; exit code 1 on any problem')
  .option('--anchor <file>', 'an earlier audit anchor (from a backup or the audit page): the chains must extend it')
  .action(async (options: { anchor?: string }) => {
    let anchor: AuditAnchor | undefined;
    if (options.anchor) {
      let text: string;
      try {
        text = readFileSync(options.anchor, 'utf8');
      } catch {
        fail(`cannot read the anchor file ${options.anchor}`);
      }
      let parsed: ReturnType<typeof auditAnchorSchema.safeParse>;
      try {
        parsed = auditAnchorSchema.safeParse(JSON.parse(text));
      } catch {
        fail(`${options.anchor} is not JSON`);
      }
      if (!parsed.success) fail(`${options.anchor} is not a praxisschild audit anchor (${parsed.error.issues[0]?.path.join('.') || 'format'})`);
      anchor = parsed.data;
    }
    const reports = await withDatabase(({ db }) => verifyAllAuditChains(db, anchor));
    let bad = 0;
    for (const report of reports) {
      if (report.problems.length === 0) {
        const note = anchor ? (report.anchored ? `, extends the anchor of ${anchor.createdAt}` : ', not in the anchor') : '';
        process.stdout.write(`ok       ${report.organisationName} (${report.entries} entries${note})\n`);
      } else {
        bad++;
        process.stdout.write(`TAMPERED ${report.organisationName} (${report.entries} entries)\n`);
        for (const problem of report.problems) process.stdout.write(`         ${JSON.stringify(problem)}\n`);
      }
    }
    process.stdout.write(bad ? `${bad} organisation(s) with a broken audit trail\n` : 'audit trail intact\n');
    process.exitCode = bad ? 1 : 0;
  });

await program.parseAsync(process.argv).catch((error: Error) => fail(error.message));
