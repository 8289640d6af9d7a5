import { randomUUID } from 'node:crypto';
import type { ApiIssue } from '../../../domain/common/errors.ts';
import { type RoadmapAccept, roadmapIssueCodes } from '../../../domain/roadmap/roadmap.schema.ts';
import {
  addDays,
  defaultPlanStart,
  earliestPlanStart,
  isInNis2Scope,
  mondayOf,
  planWeeks,
  proposeRoadmap,
  quickCheckLineKey,
  ROADMAP_WEEKS,
  type RoadmapInput,
  type RoadmapItem,
  roadmapPhase,
  roadmapTitle,
  scheduleRoadmap,
} from '../../../domain/roadmap/roadmap.ts';
import type { TaskStatus } from '../../../domain/tasks/tasks.schema.ts';
import type { Tx } from '../../db/connect.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { type Locale, t } from '../../i18n/texts.ts';
import { practiceToday } from '../assets/assets.ts';
import { appendAudit } from '../audit/audit.ts';
import { listCatalog } from '../compliance/compliance.ts';
import { lockOrganisation } from '../organisations/organisations.ts';
import { quickCheckOf } from '../quickcheck/quickcheck.ts';
import { insertTasks, startRecurringCycle, type TaskDraft } from '../tasks/tasks.ts';
import { acceptanceSpan, insertAcceptance, membersAmong, plannedKeys, planTasks, registerFacts, sourceKeyOf } from './roadmap.queries.ts';

/**
 * The generator's input from the database: the newest checks and the catalog statuses as the catalog page counts them
 * (kept answers, decision 015), the registers' figures counted in SQL, and the quick-check answers carried over at
 * setup (decision 030), if any.
 */
async function gatherInput(tx: Tx, organisationId: string, now: Date): Promise<RoadmapInput> {
  const catalog = await listCatalog(tx, organisationId, now);
  const { assessed, guidelineApplies, annexes, targetObjects } = catalog.profile;
  return {
    today: catalog.today,
    nis2: catalog.nis2 ? { category: catalog.nis2.category } : null,
    kbv: { assessed, guidelineApplies, annexes, ...(targetObjects ? { targetObjects } : {}) },
    statuses: Object.fromEntries(catalog.requirements.map((r) => [r.id, r.status])),
    registers: await registerFacts(tx, organisationId, catalog.today),
    quickCheck: await quickCheckOf(tx, organisationId),
  };
}

function scopeOf(input: RoadmapInput) {
  return {
    nis2: input.nis2 === null ? ('not_assessed' as const) : isInNis2Scope(input.nis2) ? ('in_scope' as const) : ('not_in_scope' as const),
    nis2Category: input.nis2?.category ?? null,
    kbvAssessed: input.kbv.assessed,
    kbvGuidelineApplies: input.kbv.guidelineApplies,
    annexes: [...input.kbv.annexes],
  };
}

const withPhase = (item: RoadmapItem) => ({ ...item, phase: roadmapPhase(item.week) });

/** What the plan proposes now; items whose task exists already (from an earlier acceptance) are left out. */
export async function proposal(tx: Tx, organisationId: string, now = new Date()) {
  const input = await gatherInput(tx, organisationId, now);
  const planned = await plannedKeys(tx, organisationId);
  const span = await acceptanceSpan(tx, organisationId);
  const all = proposeRoadmap(input);
  const items = all.filter((item) => !planned.has(item.key));
  return {
    today: input.today,
    defaultStartOn: defaultPlanStart(input.today, span.startsOn),
    scope: scopeOf(input),
    items: items.map(withPhase),
    alreadyPlanned: all.length - items.length,
    planned: planned.size > 0,
  };
}

/** What the quick check said about the item, in the reader's language, or null. */
function quickCheckLine(locale: Locale, item: RoadmapItem): string | null {
  if (!item.quickCheck) return null;
  const questions = item.quickCheck.questionIds.map((id) => t(locale, `quickCheck.question.${id}.label`)).join(', ');
  return t(locale, quickCheckLineKey(item.quickCheck), { questions });
}

/** The task's text in the reader's language: the to-do first, then why, what the quick check said and the legal basis. */
function draftText(locale: Locale, item: RoadmapItem) {
  const quickCheck = quickCheckLine(locale, item);
  const lines = [
    t(locale, item.text.todo, item.params),
    '',
    `${t(locale, 'roadmap.task.why')} ${t(locale, item.text.why)}`,
    ...(quickCheck ? [quickCheck] : []),
    ...(item.citations.length > 0 ? [`${t(locale, 'roadmap.task.basis')} ${item.citations.join('; ')}`] : []),
  ];
  return { title: roadmapTitle(item, (key, values) => t(locale, key, values)), description: lines.join('\n') };
}

/**
 * Takes the proposal over: each kept item becomes a task (source 'roadmap', source key `roadmap:<item>`, its week),
 * with the owner and due date given or the end of its week. The proposal is computed again here, so only what it
 * proposes now can be taken over (another key is refused at the field); an item that is a task already (taken over
 * meanwhile, or twice by a double click) is skipped. Accepts of one organisation queue on its row lock (decision 009):
 * the second reads the first one's tasks and skips them, so each task is created once.
 */
export async function accept(tx: Tx, actor: Actor, body: RoadmapAccept, now = new Date()) {
  const today = practiceToday(now);
  await lockOrganisation(tx, actor.organisationId);
  const input = await gatherInput(tx, actor.organisationId, now);
  const proposed = proposeRoadmap(input);
  const proposedByKey = new Map(proposed.map((item) => [item.key, item]));
  const planned = await plannedKeys(tx, actor.organisationId);
  const owners = [...new Set(body.items.flatMap((item) => (item.ownerUserId ? [item.ownerUserId] : [])))];
  const members = await membersAmong(tx, actor.organisationId, owners);

  const issues: ApiIssue[] = [];
  const issue = (path: (string | number)[], code: string) => issues.push({ path, code, message: code });
  if (mondayOf(body.startOn) < earliestPlanStart(today)) issue(['startOn'], roadmapIssueCodes.startInPast);
  body.items.forEach((item, index) => {
    if (!planned.has(item.key) && !proposedByKey.has(item.key)) issue(['items', index, 'key'], roadmapIssueCodes.itemNotProposed);
    // Another organisation's user is simply not a member here: the same answer as for an unknown id.
    if (item.ownerUserId && !members.has(item.ownerUserId)) issue(['items', index, 'ownerUserId'], roadmapIssueCodes.ownerNotMember);
    if (item.dueOn && item.dueOn < today) issue(['items', index, 'dueOn'], roadmapIssueCodes.dueInPast);
  });
  if (issues.length > 0) throw new AppError('validation_failed', 400, issues);

  const chosen = new Map(body.items.map((item) => [item.key, item]));
  // In the generator's order, the same for every request: tasks appear in the plan's order.
  const toCreate = scheduleRoadmap(
    proposed.filter((item) => chosen.has(item.key) && !planned.has(item.key)),
    body.startOn,
    today,
  );
  const drafts: TaskDraft[] = toCreate.map((item) => {
    const choice = chosen.get(item.key)!;
    return {
      ...draftText(body.locale, item),
      ownerUserId: choice.ownerUserId ?? null,
      dueOn: choice.dueOn ?? item.dueOn,
      source: 'roadmap',
      sourceKey: sourceKeyOf(item.key),
      roadmapWeek: item.week,
      links: item.links,
    };
  });
  const created = await insertTasks(tx, actor, drafts);
  const createdKeys = toCreate.filter((item) => created.some((c) => c.sourceKey === sourceKeyOf(item.key))).map((item) => item.key);
  if (created.length > 0) {
    const startsOn = mondayOf(body.startOn);
    await insertAcceptance(tx, { organisationId: actor.organisationId, id: randomUUID(), startsOn, taskCount: created.length, acceptedBy: actor.userId });
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'roadmap.accepted',
      entityType: 'roadmap',
      entityId: actor.organisationId,
      data: { startsOn, items: createdKeys, nis2: scopeOf(input).nis2 },
    });
    // The recurring cycle (quarterly reviews, yearly training, the exercise) follows the plan's eight weeks: its first
    // occurrences count from the Monday after week 8. Idempotent: templates already running are left alone.
    await startRecurringCycle(tx, actor, addDays(startsOn, 56), body.locale);
  }
  const createdByKey = new Map(created.map((c) => [c.sourceKey, c.id]));
  return {
    created: createdKeys.map((key) => ({ key, taskId: createdByKey.get(sourceKeyOf(key))! })),
    skipped: body.items.map((item) => item.key).filter((key) => !createdKeys.includes(key)),
  };
}

const isOpen = (status: TaskStatus | string) => status === 'open' || status === 'in_progress';

/** The plan as taken over: its tasks by week (the weeks of the latest acceptance), progress per week and overall. */
export async function plan(tx: Tx, organisationId: string, now = new Date()) {
  const today = practiceToday(now);
  const span = await acceptanceSpan(tx, organisationId);
  const rows = await planTasks(tx, organisationId);
  const weeks = span.startsOn ? planWeeks(span.startsOn) : null;
  const progressOf = (list: typeof rows) => ({
    done: list.filter((r) => r.status === 'done').length,
    total: list.filter((r) => r.status !== 'cancelled').length,
  });
  return {
    today,
    startOn: span.startsOn,
    lastAcceptedAt: span.lastAcceptedAt,
    weeks: ROADMAP_WEEKS.map((week) => {
      const list = rows.filter((r) => r.week === week);
      return {
        week,
        phase: roadmapPhase(week),
        startsOn: weeks?.[week - 1]?.startsOn ?? null,
        endsOn: weeks?.[week - 1]?.endsOn ?? null,
        progress: progressOf(list),
        tasks: list.map((r) => ({
          id: r.id,
          key: (r.sourceKey ?? '').replace(/^roadmap:/, ''),
          title: r.title,
          status: r.status,
          dueOn: r.dueOn,
          ownerUserId: r.ownerUserId,
          ownerName: r.ownerName,
          overdue: r.dueOn !== null && r.dueOn < today && isOpen(r.status),
        })),
      };
    }),
    progress: progressOf(rows),
  };
}
