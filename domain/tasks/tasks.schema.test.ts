import { describe, expect, it } from 'vitest';
import { recurringStartSchema, taskInputSchema, taskListQuerySchema, taskTemplateUpdateSchema, taskUpdateSchema } from './tasks.schema.ts';

const task = { title: 'Wiederherstellung testen', dueOn: '2027-03-01' };

describe('the task input', () => {
  it('fills the defaults: no description, no owner, no links', () => {
    expect(taskInputSchema.parse({ title: ' Backup prüfen ' })).toEqual({ title: 'Backup prüfen', description: '', ownerUserId: null, dueOn: null, links: [] });
  });

  it.each([
    ['a NUL in the title', { title: 'Backup\u0000' }, ['title'], 'text.control_character'],
    ['an empty title', { title: '   ' }, ['title'], 'too_small'],
    ['a title of 201 characters', { title: 'a'.repeat(201) }, ['title'], 'too_big'],
    ['a description of 8001 characters', { description: 'a'.repeat(8001) }, ['description'], 'too_big'],
    ['the year 0001', { dueOn: '0001-01-01' }, ['dueOn'], 'date.out_of_range'],
    ['the year 2205', { dueOn: '2205-01-01' }, ['dueOn'], 'date.out_of_range'],
    ['30 February', { dueOn: '2027-02-30' }, ['dueOn'], 'invalid_date'],
    ['an owner that is no uuid', { ownerUserId: 'anna' }, ['ownerUserId'], null],
    ['an unknown link kind', { links: [{ kind: 'contract', targetId: 'x' }] }, ['links', 0, 'kind'], 'invalid_value'],
    ['a risk link that is no uuid', { links: [{ kind: 'risk', targetId: 'R-3' }] }, ['links', 0, 'targetId'], 'task.link_unknown'],
    [
      'the same record twice (any case)',
      {
        links: [
          { kind: 'asset', targetId: '0b7c6a9e-5b1f-4c3e-9f3d-2f6a8b1c4d5e' },
          { kind: 'asset', targetId: '0B7C6A9E-5B1F-4C3E-9F3D-2F6A8B1C4D5E' },
        ],
      },
      ['links', 1, 'targetId'],
      'task.link_twice',
    ],
    ['21 links', { links: Array.from({ length: 21 }, (_, i) => ({ kind: 'requirement', targetId: `KBV-A1-${i}` })) }, ['links'], 'too_big'],
  ])('refuses %s at the field', (_case, change, path, code) => {
    const result = taskInputSchema.safeParse({ ...task, ...change });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual(path);
    // The code as the server puts it on the wire (server/http/errors.ts): our own checks carry it as the message.
    if (code) expect(issue.code === 'custom' || issue.code === 'invalid_format' ? issue.message : issue.code).toBe(code);
  });

  it('takes a requirement by its catalog id and a record by its uuid', () => {
    const links = [
      { kind: 'requirement', targetId: 'KBV-A1-25' },
      { kind: 'risk', targetId: '0b7c6a9e-5b1f-4c3e-9f3d-2f6a8b1c4d5e' },
    ];
    expect(taskInputSchema.parse({ ...task, links }).links).toEqual(links);
  });

  it('needs the status and a revision to change a task', () => {
    expect(
      taskUpdateSchema
        .safeParse(task)
        .error?.issues.map((i) => i.path[0])
        .sort(),
    ).toEqual(['revision', 'status']);
    expect(taskUpdateSchema.safeParse({ ...task, status: 'done', revision: 0 }).error?.issues[0]?.path).toEqual(['revision']);
  });
});

describe('the list query', () => {
  it.each([
    ['mine=true&overdue=true', { mine: true, overdue: true }],
    ['week=2026-W53', { week: '2026-W53' }],
    ['status=active&ownerUserId=none', { status: 'active', ownerUserId: 'none' }],
    ['linkKind=requirement&linkTargetId=KBV-A1-25', { linkKind: 'requirement', linkTargetId: 'KBV-A1-25' }],
  ])('reads %s', (query, expected) => {
    expect(taskListQuerySchema.parse(Object.fromEntries(new URLSearchParams(query)))).toMatchObject(expected);
  });

  it.each([
    ['week=2027-W53', 'week'],
    ['week=2026-W00', 'week'],
    ['week=1999-W10', 'week'],
    ['week=2026-12-07', 'week'],
    ['mine=yes', 'mine'],
    ['sort=owner', 'sort'],
  ])('refuses %s at the field', (query, field) => {
    const result = taskListQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(query)));
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});

describe('templates and the start of the cycle', () => {
  it('lets a built-in template keep its default text (null) and starts at revision 0', () => {
    expect(taskTemplateUpdateSchema.parse({ rhythm: 'yearly', revision: 0 })).toEqual({
      title: null,
      description: null,
      rhythm: 'yearly',
      active: true,
      defaultOwnerUserId: null,
      links: [],
      revision: 0,
    });
  });

  it.each([
    ['an unknown rhythm', { rhythm: 'monthly', revision: 0 }, 'rhythm'],
    ['a negative revision', { rhythm: 'yearly', revision: -1 }, 'revision'],
  ])('refuses %s', (_case, body, field) => {
    expect(taskTemplateUpdateSchema.safeParse(body).error?.issues[0]?.path).toEqual([field]);
  });

  it.each([
    ['2026-12-07', true],
    ['1999-12-31', false],
    ['2205-01-01', false],
  ])('a start on %s is accepted: %s', (startOn, ok) => {
    expect(recurringStartSchema.safeParse({ startOn }).success).toBe(ok);
  });
});
