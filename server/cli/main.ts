import { randomUUID } from 'node:crypto';
import { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { emailSchema, passwordSchema, personNameSchema } from '../../domain/auth/auth.schema.ts';
import { createOrganisationSchema } from '../../domain/organisations/organisation.schema.ts';
import { loadConfig } from '../config.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';
import { memberships, organisations, users } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/auth.service.ts';
import { verifyAllAuditChains } from '../modules/audit/audit.service.ts';
import { appendAudit } from '../modules/audit/audit.service.ts';
import { createOrganisation } from '../modules/organisations/organisations.service.ts';
import { openConfiguredDatabase, startServer } from '../runtime.ts';

function fail(message: string): never {
  process.stderr.write(`praxisschild: ${message}\n`);
  process.exit(1);
}

async function withDatabase<T>(work: (database: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>) {
  const database = await openConfiguredDatabase(loadConfig());
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const program = new Command('praxisschild')
  .description('IT security and NIS2 for practices and MVZ (KBV § 390 SGB V, BSIG)')
  .showHelpAfterError();

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
          const parsed = createOrganisationSchema.safeParse({ name: options.organisationName, legalForm: 'other', locations: [{ name: options.organisationName }] });
          if (!parsed.success) fail('--organisation-name needs 2 to 200 characters');
          const org = await createOrganisation(tx, userId, role, parsed.data);
          process.stdout.write(`organisation ${org.id} created\n`);
        } else {
          const [org] = await tx.select().from(organisations).where(eq(organisations.id, options.organisation!));
          if (!org) fail(`no organisation ${options.organisation}`);
          await tx.insert(memberships).values({ organisationId: org.id, userId, role, isAdmin: true })
            .onConflictDoUpdate({ target: [memberships.organisationId, memberships.userId], set: { isAdmin: true, role } });
          await appendAudit(tx, { organisationId: org.id, actorUserId: null, action: 'member.added', entityType: 'membership', entityId: userId, data: { role, isAdmin: true, via: 'cli' } });
        }
      });
    });
    process.stdout.write(`administrator ${email.data} ready; two-factor enrolment follows at the first login\n`);
  });

program
  .command('backup <file>')
  .description('write the whole database (files included) into one file')
  .action(async (file: string) => {
    const result = await withDatabase((database) => backupDatabase(database, file));
    process.stdout.write(`backup written to ${file}: ${result.tables} tables, ${result.rows} rows\n`);
  });

program
  .command('restore <file>')
  .description('restore a backup file into this database')
  .option('--force', 'replace existing data')
  .action(async (file: string, options: { force?: boolean }) => {
    const result = await withDatabase((database) => restoreDatabase(database, file, options));
    process.stdout.write(`restored ${result.rows} rows from the backup of ${result.createdAt}\n`);
  });

program
  .command('verify-audit')
  .description('check the hash chain of every organisation’s audit trail; exit code 1 on any problem')
  .action(async () => {
    const reports = await withDatabase(({ db }) => verifyAllAuditChains(db));
    let bad = 0;
    for (const report of reports) {
      if (report.problems.length === 0) {
        process.stdout.write(`ok       ${report.organisationName} (${report.entries} entries)\n`);
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
