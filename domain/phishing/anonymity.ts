/**
 * The anonymity rule of the phishing report (issue 13, item 3; decision 036). A works council can agree to a
 * simulation whose results cannot be used for personnel measures (§ 87 Abs. 1 Nr. 6 BetrVG: technical devices suited
 * to monitor behaviour need its consent; Art. 88 DSGVO with § 26 BDSG: employee data only as far as necessary). So a
 * result is shown only for a group of at least five recipients, never per person.
 *
 * Groups below five are put together as "Weitere" (other). Hiding a small group instead would not protect it: the
 * total minus the shown groups is the hidden group. So while "Weitere" holds fewer than five, the smallest shown group
 * joins it too, until it reaches five. The shown groups then always add up to the total, and no group below five can
 * be worked out from them. Only one dimension (location or role, fixed per campaign) is ever reported: two overlapping
 * breakdowns of the same recipients would let one subtract a single person out of them.
 */
export const ANONYMITY_MIN_GROUP = 5 as const;

export interface GroupCounts {
  recipients: number;
  sent: number;
  opened: number;
  clicked: number;
  submitted: number;
  reported: number;
}

export interface GroupInput extends GroupCounts {
  kind: 'location' | 'role';
  key: string;
  label: string | null;
}

export interface ReportGroup extends GroupCounts {
  kind: 'location' | 'role' | 'other';
  key: string | null;
  label: string | null;
  /** How many groups "other" holds (0 for a single group). */
  mergedGroups: number;
}

export const emptyCounts = (): GroupCounts => ({ recipients: 0, sent: 0, opened: 0, clicked: 0, submitted: 0, reported: 0 });

export function addCounts(into: GroupCounts, from: GroupCounts): GroupCounts {
  into.recipients += from.recipients;
  into.sent += from.sent;
  into.opened += from.opened;
  into.clicked += from.clicked;
  into.submitted += from.submitted;
  into.reported += from.reported;
  return into;
}

/**
 * The groups a report may show: every group of at least `minimum` recipients, the rest as "other", grown by the
 * smallest shown groups until it reaches `minimum`. Fewer than `minimum` recipients in all: nothing at all.
 * Shown groups keep the order of the input; "other" comes last.
 */
export function anonymousGroups(groups: readonly GroupInput[], minimum = ANONYMITY_MIN_GROUP): ReportGroup[] {
  const present = groups.filter((group) => group.recipients > 0);
  const total = present.reduce((sum, group) => sum + group.recipients, 0);
  if (total < minimum) return [];
  const shown = present.filter((group) => group.recipients >= minimum);
  const merged = present.filter((group) => group.recipients < minimum);
  let otherSize = merged.reduce((sum, group) => sum + group.recipients, 0);
  while (otherSize > 0 && otherSize < minimum && shown.length > 0) {
    // The smallest shown group (ties: the later key) joins "other"; there is one, since the total reaches the minimum.
    let smallest = 0;
    for (let i = 1; i < shown.length; i++) {
      const a = shown[i]!;
      const b = shown[smallest]!;
      if (a.recipients < b.recipients || (a.recipients === b.recipients && a.key > b.key)) smallest = i;
    }
    const [moved] = shown.splice(smallest, 1);
    merged.push(moved!);
    otherSize += moved!.recipients;
  }
  const result: ReportGroup[] = shown.map(({ kind, key, label, ...counts }) => ({ kind, key, label, mergedGroups: 0, ...counts }));
  // "Other" always holds two groups or more: a lone small group would have made the total fall short or pulled in a shown one.
  if (merged.length > 0) {
    const counts = merged.reduce((sum, group) => addCounts(sum, group), emptyCounts());
    result.push({ kind: 'other', key: null, label: null, mergedGroups: merged.length, ...counts });
  }
  return result;
}
