import { collectLegalSources, type Explanation, formatEur, formatNumber, type LegalSource } from '../kbv/explanation.ts';
import type { Nis2Category, Nis2CheckInput, Nis2Classification, StaffHeads } from './nis2-check.schema.ts';

const BSIG_URL = 'https://www.gesetze-im-internet.de/bsig_2025/BJNR12D0B0025.html';
const BSIG_28_URL = 'https://www.gesetze-im-internet.de/bsig_2025/__28.html';
const RECOMMENDATION_URL = 'https://eur-lex.europa.eu/eli/reco/2003/361/oj/eng';

export const nis2Norms = {
  annex1: 'BSIG Anlage 1 (Gesundheitswesen: Erbringer von Gesundheitsdienstleistungen)',
  kritis: '§ 28 Abs. 1 Nr. 1 BSIG',
  negligibleActivities: '§ 28 Abs. 3 BSIG',
  particularlyImportant: '§ 28 Abs. 1 Nr. 4 BSIG',
  important: '§ 28 Abs. 2 Nr. 3 BSIG',
  sizeRules: '§ 28 Abs. 4 BSIG',
  independence: '§ 28 Abs. 4 Satz 2 BSIG',
  partnerLinkedDefinition: 'Empfehlung 2003/361/EG, Anhang Art. 3',
  autonomous: 'Empfehlung 2003/361/EG, Anhang Art. 3 Abs. 1',
  partnerShare: 'Empfehlung 2003/361/EG, Anhang Art. 3 Abs. 2',
  linkedControl: 'Empfehlung 2003/361/EG, Anhang Art. 3 Abs. 3',
  referencePeriod: 'Empfehlung 2003/361/EG, Anhang Art. 4 Abs. 1',
  twoPeriods: 'Empfehlung 2003/361/EG, Anhang Art. 4 Abs. 2',
  estimate: 'Empfehlung 2003/361/EG, Anhang Art. 4 Abs. 3',
  staffUnits: 'Empfehlung 2003/361/EG, Anhang Art. 5',
  aggregation: 'Empfehlung 2003/361/EG, Anhang Art. 6 Abs. 2',
  fines: '§ 65 BSIG',
} as const;

export const nis2LegalSources: readonly LegalSource[] = [
  { citation: nis2Norms.annex1, url: BSIG_URL },
  { citation: nis2Norms.kritis, url: BSIG_28_URL },
  { citation: nis2Norms.negligibleActivities, url: BSIG_28_URL },
  { citation: nis2Norms.particularlyImportant, url: BSIG_28_URL },
  { citation: nis2Norms.important, url: BSIG_28_URL },
  { citation: nis2Norms.sizeRules, url: BSIG_28_URL },
  { citation: nis2Norms.independence, url: BSIG_28_URL },
  { citation: nis2Norms.partnerLinkedDefinition, url: RECOMMENDATION_URL },
  { citation: nis2Norms.autonomous, url: RECOMMENDATION_URL },
  { citation: nis2Norms.partnerShare, url: RECOMMENDATION_URL },
  { citation: nis2Norms.linkedControl, url: RECOMMENDATION_URL },
  { citation: nis2Norms.referencePeriod, url: RECOMMENDATION_URL },
  { citation: nis2Norms.twoPeriods, url: RECOMMENDATION_URL },
  { citation: nis2Norms.estimate, url: RECOMMENDATION_URL },
  { citation: nis2Norms.staffUnits, url: RECOMMENDATION_URL },
  { citation: nis2Norms.aggregation, url: RECOMMENDATION_URL },
  { citation: nis2Norms.fines, url: 'https://www.gesetze-im-internet.de/bsig_2025/__65.html' },
];

/** § 28(1) Nr. 4 and § 28(2) Nr. 3 BSIG: staff "mindestens" (≥), money "über" (strictly >). */
export const thresholds = {
  particularlyImportant: { staffAwu: 250, annualTurnoverEur: 50_000_000, balanceSheetTotalEur: 43_000_000 },
  important: { staffAwu: 50, annualTurnoverEur: 10_000_000, balanceSheetTotalEur: 10_000_000 },
} as const;

/** § 65 BSIG: the higher of a fixed amount and a share of the worldwide annual turnover (per mille, to stay exact). */
export const fineCeilings = {
  particularly_important: { fixedEur: 10_000_000, perMille: 20 },
  important: { fixedEur: 7_000_000, perMille: 14 },
} as const;

/** Warn when a figure lies within this share of a threshold and the result would change across it. */
export const NEAR_THRESHOLD_SHARE = 0.1;

const categoryNames: Record<Nis2Category, { de: string; en: string }> = {
  particularly_important: { de: 'besonders wichtige Einrichtung', en: 'particularly important entity' },
  important: { de: 'wichtige Einrichtung', en: 'important entity' },
  not_affected: { de: 'nicht betroffen', en: 'not affected' },
};

interface Figures {
  staffAwu: number;
  annualTurnoverEur: number;
  balanceSheetTotalEur: number;
}
type Figure = keyof Figures;
const figureKeys: readonly Figure[] = ['staffAwu', 'annualTurnoverEur', 'balanceSheetTotalEur'];

const figureNames: Record<Figure, { de: string; en: string }> = {
  staffAwu: { de: 'Die Beschäftigtenzahl', en: 'The staff count' },
  annualTurnoverEur: { de: 'Der Jahresumsatz', en: 'The annual turnover' },
  balanceSheetTotalEur: { de: 'Die Jahresbilanzsumme', en: 'The balance-sheet total' },
};

// Sums of fractions pick up binary floating-point noise (0.3 × 15 = 4.4999…). It is removed at a millionth of an
// AWU (about six seconds of work a year) and at the cent; this is not rounding of the figures in the legal sense.
const cleanAwu = (value: number) => Math.round(value * 1e6) / 1e6;
const cleanEur = (value: number) => Math.round(value * 100) / 100;

/** Recommendation 2003/361/EC, Annex Art. 5: full-time heads count 1, part-time heads their fraction; apprentices and parental leave 0. */
export function awuFromHeads(staff: StaffHeads): number {
  return cleanAwu(staff.fullTimeHeads + staff.partTimeHeads * staff.partTimeFraction);
}

/** The size test of § 28(1) Nr. 4 and § 28(2) Nr. 3 BSIG alone (sector and KRITIS aside). */
export function categoryBySize(figures: Figures): Nis2Category {
  for (const category of ['particularlyImportant', 'important'] as const) {
    const t = thresholds[category];
    const byStaff = figures.staffAwu >= t.staffAwu;
    const byMoney = figures.annualTurnoverEur > t.annualTurnoverEur && figures.balanceSheetTotalEur > t.balanceSheetTotalEur;
    if (byStaff || byMoney) return category === 'important' ? 'important' : 'particularly_important';
  }
  return 'not_affected';
}

/** § 65 BSIG: maximum fine for the core duties, in whole euros (rounded down); null when not affected. */
export function maxFineEur(category: Nis2Category, worldwideTurnoverEur: number): number | null {
  if (category === 'not_affected') return null;
  const ceiling = fineCeilings[category];
  return Math.max(ceiling.fixedEur, Math.floor((worldwideTurnoverEur * ceiling.perMille) / 1000));
}

function explain(code: string, params: Explanation['params'], de: string, en: string, ...legalBasis: string[]): Explanation {
  return { code, params, de, en, legalBasis };
}

const awuDe = (v: number) => `${formatNumber(v, 'de')} JAE`;
const awuEn = (v: number) => `${formatNumber(v, 'en')} AWU`;

function formatFigure(figure: Figure, value: number, locale: 'de' | 'en') {
  if (figure === 'staffAwu') return locale === 'de' ? awuDe(value) : awuEn(value);
  return formatEur(value, locale);
}

/** The value just on the other side of a threshold: staff is compared with ≥, money with >. */
function otherSide(figure: Figure, value: number, threshold: number): number {
  if (figure === 'staffAwu') return value >= threshold ? threshold - 1e-6 : threshold;
  return value > threshold ? threshold : threshold + 0.01;
}

/**
 * NIS2 classification of a healthcare provider (BSIG Anlage 1) under § 28 BSIG, sizes per Recommendation
 * 2003/361/EC (§ 28(4) BSIG), with the fine ceiling of § 65 BSIG and warnings where the answer is borderline.
 */
export function classifyNis2(input: Nis2CheckInput): Nis2Classification {
  const reasons: Explanation[] = [];
  const warnings: Explanation[] = [];
  const group = sortEnterprises(input.partnerEnterprises ?? [], input.linkedEnterprises ?? []);
  const { partners, linked } = group;
  const independent = input.independentOfGroup ?? false;

  reasons.push(
    explain(
      'nis2.sector_healthcare_provider',
      {},
      'Arztpraxen, Berufsausübungsgemeinschaften und MVZ erbringen Gesundheitsdienstleistungen. Das ist ein Sektor mit hoher Kritikalität (Anlage 1 BSIG). Ob die Einrichtung betroffen ist, entscheidet ihre Größe.',
      'Practices, joint practices and MVZ are healthcare providers, a sector of high criticality (BSIG Annex 1). Whether the entity is in scope depends on its size.',
      nis2Norms.annex1,
    ),
  );

  reasons.push(...holdingNotes(group));

  // Own staff in annual work units (Recommendation Annex Art. 5).
  let ownAwu: number;
  if (input.staff) {
    ownAwu = awuFromHeads(input.staff);
    const s = input.staff;
    const leave = s.parentalLeaveHeads ?? 0;
    reasons.push(
      explain(
        'nis2.staff_from_heads',
        {
          fullTimeHeads: s.fullTimeHeads,
          partTimeHeads: s.partTimeHeads,
          partTimeFraction: s.partTimeFraction,
          apprentices: s.apprentices,
          parentalLeaveHeads: leave,
          staffAwu: ownAwu,
        },
        `Beschäftigte werden in Jahresarbeitseinheiten gezählt: ${s.fullTimeHeads} Vollzeitkräfte + ${s.partTimeHeads} Teilzeitkräfte × ${formatNumber(s.partTimeFraction, 'de')} = ${awuDe(ownAwu)}. Auszubildende (${s.apprentices}) und Personen in Mutterschutz oder Elternzeit (${leave}) zählen nicht mit. Es wird nicht gerundet.`,
        `Staff is counted in annual work units: ${s.fullTimeHeads} full-time + ${s.partTimeHeads} part-time × ${formatNumber(s.partTimeFraction, 'en')} = ${awuEn(ownAwu)}. Apprentices (${s.apprentices}) and persons on maternity or parental leave (${leave}) are not counted. Nothing is rounded.`,
        nis2Norms.staffUnits,
      ),
    );
  } else {
    ownAwu = cleanAwu(input.staffAwu ?? 0);
  }

  // Partner (pro rata) and linked (in full) enterprises, unless independent in IT matters (§ 28(4) BSIG).
  const own: Figures = { staffAwu: ownAwu, annualTurnoverEur: input.annualTurnoverEur, balanceSheetTotalEur: input.balanceSheetTotalEur };
  const totals: Figures = { ...own };
  const hasGroup = partners.length > 0 || linked.length > 0;
  if (hasGroup && independent) {
    reasons.push(
      explain(
        'nis2.group_independent',
        { partnerEnterprises: partners.length, linkedEnterprises: linked.length },
        'Die Zahlen der Partner- und verbundenen Unternehmen werden nicht hinzugerechnet, weil die Einrichtung angibt, bei Gestaltung und Betrieb ihrer IT von ihnen unabhängig zu sein.',
        'The figures of partner and linked enterprises are not added because the entity states that it is independent of them in the design and operation of its IT.',
        nis2Norms.independence,
      ),
    );
    warnings.push(
      explain(
        'nis2.independence_needs_evidence',
        {},
        'Die Unabhängigkeit von der Gruppe muss rechtlich, wirtschaftlich und tatsächlich bestehen und belegbar sein (z. B. eigene IT, eigene Verträge, eigene Entscheidungen). Die Bußgeldobergrenze wurde nur aus dem eigenen Umsatz berechnet; die Behörde kann den weltweiten Umsatz des Gesamtunternehmens zugrunde legen.',
        'Independence from the group must hold legally, economically and in fact, and be provable (e.g. own IT, own contracts, own decisions). The fine ceiling was computed from the own turnover only; the authority may use the worldwide turnover of the whole undertaking.',
        nis2Norms.independence,
        nis2Norms.fines,
      ),
    );
  } else if (hasGroup) {
    for (const figure of figureKeys) {
      const partnerShare = partners.reduce((sum, p) => sum + (p[figure] * p.holdingPercent) / 100, 0);
      const linkedShare = linked.reduce((sum, l) => sum + l[figure], 0);
      totals[figure] = totals[figure] + partnerShare + linkedShare;
    }
    if (partners.length > 0) {
      const added = {
        staffAwu: cleanAwu(partners.reduce((sum, p) => sum + (p.staffAwu * p.holdingPercent) / 100, 0)),
        annualTurnoverEur: cleanEur(partners.reduce((sum, p) => sum + (p.annualTurnoverEur * p.holdingPercent) / 100, 0)),
        balanceSheetTotalEur: cleanEur(partners.reduce((sum, p) => sum + (p.balanceSheetTotalEur * p.holdingPercent) / 100, 0)),
      };
      reasons.push(
        explain(
          'nis2.partner_enterprises_added',
          { count: partners.length, ...added },
          `${partners.length} Partnerunternehmen (Beteiligung 25 bis 50 %) werden anteilig hinzugerechnet: ${awuDe(added.staffAwu)}, Umsatz ${formatEur(added.annualTurnoverEur, 'de')}, Bilanzsumme ${formatEur(added.balanceSheetTotalEur, 'de')}.`,
          `${partners.length} partner enterprise(s) (holding 25 to 50 %) are added pro rata: ${awuEn(added.staffAwu)}, turnover ${formatEur(added.annualTurnoverEur, 'en')}, balance sheet ${formatEur(added.balanceSheetTotalEur, 'en')}.`,
          nis2Norms.sizeRules,
          nis2Norms.partnerLinkedDefinition,
          nis2Norms.aggregation,
        ),
      );
    }
    if (linked.length > 0) {
      const added = {
        staffAwu: cleanAwu(linked.reduce((sum, l) => sum + l.staffAwu, 0)),
        annualTurnoverEur: cleanEur(linked.reduce((sum, l) => sum + l.annualTurnoverEur, 0)),
        balanceSheetTotalEur: cleanEur(linked.reduce((sum, l) => sum + l.balanceSheetTotalEur, 0)),
      };
      reasons.push(
        explain(
          'nis2.linked_enterprises_added',
          { count: linked.length, ...added },
          `${linked.length} verbundene Unternehmen (Beteiligung über 50 % oder Beherrschung) werden vollständig hinzugerechnet: ${awuDe(added.staffAwu)}, Umsatz ${formatEur(added.annualTurnoverEur, 'de')}, Bilanzsumme ${formatEur(added.balanceSheetTotalEur, 'de')}.`,
          `${linked.length} linked enterprise(s) (holding above 50 % or control) are added in full: ${awuEn(added.staffAwu)}, turnover ${formatEur(added.annualTurnoverEur, 'en')}, balance sheet ${formatEur(added.balanceSheetTotalEur, 'en')}.`,
          nis2Norms.sizeRules,
          nis2Norms.partnerLinkedDefinition,
          nis2Norms.aggregation,
        ),
      );
    }
  }
  const aggregated: Figures = {
    staffAwu: cleanAwu(totals.staffAwu),
    annualTurnoverEur: cleanEur(totals.annualTurnoverEur),
    balanceSheetTotalEur: cleanEur(totals.balanceSheetTotalEur),
  };

  const bySize = categoryBySize(aggregated);
  // § 28(3) BSIG: a negligible activity may be disregarded when assigning the entity type; a KRITIS installation is
  // assigned by § 28(1) Nr. 1 and the BSI-KritisV, not by the entity's business mix.
  const negligible = input.healthcareNegligible === true && !input.kritisOperator;
  const category: Nis2Category = input.kritisOperator ? 'particularly_important' : negligible ? 'not_affected' : bySize;

  if (input.kritisOperator && input.healthcareNegligible === true) {
    warnings.push(
      explain(
        'nis2.negligible_not_for_kritis',
        {},
        'Die Gesundheitsversorgung wurde als vernachlässigbarer Teil der Geschäftstätigkeit angegeben. Das ändert nichts an der Einstufung als Betreiber einer kritischen Anlage: Diese richtet sich nach der Anlage selbst, nicht nach dem Anteil an der Geschäftstätigkeit.',
        'Health care was stated to be a negligible part of the business. That does not change the status as operator of a critical installation, which follows from the installation itself, not from its share of the business.',
        nis2Norms.kritis,
        nis2Norms.negligibleActivities,
      ),
    );
  }

  if (negligible) {
    reasons.push(...negligibleReasons(bySize));
  } else if (input.kritisOperator) {
    reasons.push(
      explain(
        'nis2.kritis_operator',
        {},
        'Die Einrichtung betreibt eine kritische Anlage (KRITIS). Sie ist damit unabhängig von ihrer Größe eine besonders wichtige Einrichtung.',
        'The entity operates a critical installation (KRITIS), so it is a particularly important entity regardless of its size.',
        nis2Norms.kritis,
      ),
    );
  } else {
    reasons.push(...sizeReasons(aggregated, bySize));
  }

  const fine = maxFineEur(category, aggregated.annualTurnoverEur);
  if (fine !== null && category !== 'not_affected') {
    const ceiling = fineCeilings[category];
    const percent = ceiling.perMille / 10;
    reasons.push(
      explain(
        'nis2.fine_ceiling',
        { maxFineEur: fine, fixedEur: ceiling.fixedEur, percentOfTurnover: percent, annualTurnoverEur: aggregated.annualTurnoverEur },
        `Bei Verstößen gegen die Kernpflichten (z. B. fehlende Maßnahmen oder Meldungen) kann ein Bußgeld bis zu ${formatEur(fine, 'de')} verhängt werden: der höhere Wert aus ${formatEur(ceiling.fixedEur, 'de')} und ${formatNumber(percent, 'de')} % des weltweiten Jahresumsatzes (${formatEur(aggregated.annualTurnoverEur, 'de')}). Das ist eine Obergrenze, kein zu erwartender Betrag.`,
        `Breaches of the core duties (e.g. missing measures or reports) can be fined up to ${formatEur(fine, 'en')}: the higher of ${formatEur(ceiling.fixedEur, 'en')} and ${formatNumber(percent, 'en')} % of worldwide annual turnover (${formatEur(aggregated.annualTurnoverEur, 'en')}). This is a ceiling, not an expected amount.`,
        nis2Norms.fines,
      ),
    );
  } else if (!negligible) {
    reasons.push(
      explain(
        'nis2.not_affected_other_duties',
        {},
        'NIS2 gilt für diese Einrichtung nicht. Die Datenschutz-Grundverordnung und – für Vertragsarztpraxen – die IT-Sicherheitsrichtlinie der KBV gelten weiterhin.',
        'NIS2 does not apply to this entity. The GDPR and, for contract practices, the KBV IT security guideline still apply.',
        nis2Norms.important,
      ),
    );
  }

  if (negligible) warnings.push(...negligibleWarnings());
  else if (!input.kritisOperator) warnings.push(...sizeWarnings(input, own, aggregated, bySize));

  const cited = [...reasons, ...warnings];
  return { category, aggregated, reasons, legalBasis: collectLegalSources(cited, nis2LegalSources), maxFineEur: fine, warnings };
}

type PartnerEnterprise = NonNullable<Nis2CheckInput['partnerEnterprises']>[number];
type LinkedEnterprise = NonNullable<Nis2CheckInput['linkedEnterprises']>[number];

interface SortedEnterprises {
  /** Counted pro rata: partners of 25–50 % and linked entries whose stated share is 25–50 %. */
  partners: { holdingPercent: number; staffAwu: number; annualTurnoverEur: number; balanceSheetTotalEur: number }[];
  /** Counted in full: linked entries with a share above 50 % or without a share (control on other grounds). */
  linked: LinkedEnterprise[];
  /** Shares below 25 %: not partner enterprises, not counted. */
  belowPartnerShare: number[];
  /** Entered as linked with a share of 50 % or less: no majority of the voting rights. */
  linkedWithoutMajority: number[];
}

/** Recommendation 2003/361/EC, Annex Art. 3: each stated holding decides how an enterprise counts. */
function sortEnterprises(partnerInput: readonly PartnerEnterprise[], linkedInput: readonly LinkedEnterprise[]): SortedEnterprises {
  const sorted: SortedEnterprises = { partners: [], linked: [], belowPartnerShare: [], linkedWithoutMajority: [] };
  const byShare = (enterprise: PartnerEnterprise) => {
    if (enterprise.holdingPercent < 25) sorted.belowPartnerShare.push(enterprise.holdingPercent);
    else sorted.partners.push(enterprise);
  };
  partnerInput.forEach(byShare);
  for (const enterprise of linkedInput) {
    if (enterprise.holdingPercent === undefined || enterprise.holdingPercent > 50) {
      sorted.linked.push(enterprise);
    } else {
      sorted.linkedWithoutMajority.push(enterprise.holdingPercent);
      byShare({ ...enterprise, holdingPercent: enterprise.holdingPercent });
    }
  }
  return sorted;
}

const percentList = (values: number[], locale: 'de' | 'en') => values.map((v) => `${formatNumber(v, locale)} %`).join(', ');

function holdingNotes(group: SortedEnterprises): Explanation[] {
  const notes: Explanation[] = [];
  const below = group.belowPartnerShare;
  if (below.length > 0) {
    notes.push(
      explain(
        'nis2.holding_below_partner_share',
        { count: below.length, holdings: below.join(', ') },
        `${below.length} Beteiligung(en) unter 25 % (${percentList(below, 'de')}): kein Partnerunternehmen, wird nicht mitgezählt. Erst ab 25 % des Kapitals oder der Stimmrechte werden die Zahlen anteilig hinzugerechnet.`,
        `${below.length} holding(s) below 25 % (${percentList(below, 'en')}): not a partner enterprise, not counted. Figures are added pro rata only from 25 % of the capital or voting rights.`,
        nis2Norms.autonomous,
        nis2Norms.partnerShare,
      ),
    );
  }
  const withoutMajority = group.linkedWithoutMajority;
  if (withoutMajority.length > 0) {
    notes.push(
      explain(
        'nis2.linked_without_majority',
        { count: withoutMajority.length, holdings: withoutMajority.join(', ') },
        `${withoutMajority.length} als verbunden eingetragene(s) Unternehmen mit ${percentList(withoutMajority, 'de')}: Ein Anteil von höchstens 50 % ist keine Mehrheit der Stimmrechte. Es zählt deshalb nach seinem Anteil (ab 25 % anteilig als Partnerunternehmen, darunter gar nicht). Beherrscht eines das andere auf anderem Weg (z. B. Recht, die Mehrheit der Geschäftsführung zu bestellen), lassen Sie den Anteil leer: Dann wird es vollständig hinzugerechnet.`,
        `${withoutMajority.length} enterprise(s) entered as linked with ${percentList(withoutMajority, 'en')}: a share of 50 % or less is no majority of the voting rights. It therefore counts by its share (pro rata as a partner from 25 %, not at all below). Where one controls the other on other grounds (e.g. the right to appoint most of the management), leave the share empty: it is then added in full.`,
        nis2Norms.linkedControl,
        nis2Norms.partnerShare,
      ),
    );
  }
  return notes;
}

const categoryLabel = (category: Nis2Category, locale: 'de' | 'en') => categoryNames[category][locale];

/** § 28(3) BSIG: health care disregarded as a negligible activity; says what the size alone would have given. */
function negligibleReasons(bySize: Nis2Category): Explanation[] {
  return [
    explain(
      'nis2.negligible_activity',
      { categoryBySize: bySize },
      `Nach Ihrer Angabe ist die Gesundheitsversorgung im Verhältnis zur gesamten Geschäftstätigkeit vernachlässigbar. Solche Tätigkeiten können bei der Zuordnung zu einer Einrichtungsart unberücksichtigt bleiben. Als Erbringer von Gesundheitsdienstleistungen ist die Einrichtung daher nicht betroffen, obwohl sie nach der Größe allein „${categoryLabel(bySize, 'de')}“ wäre.`,
      `As stated, health care is negligible compared with the entity's overall business activity. Such activities may be disregarded when assigning the entity type. As a healthcare provider the entity is therefore not affected, although by size alone it would be "${categoryLabel(bySize, 'en')}".`,
      nis2Norms.negligibleActivities,
    ),
  ];
}

function negligibleWarnings(): Explanation[] {
  return [
    explain(
      'nis2.negligible_activity_other_sectors',
      {},
      'Das gilt nur für die Gesundheitsversorgung. Prüfen Sie, ob die Haupttätigkeit der Einrichtung zu einem anderen Sektor der Anlagen 1 oder 2 BSIG gehört; dann kann sie dort betroffen sein. Halten Sie fest, worauf die Einschätzung „vernachlässigbar“ beruht (z. B. Anteil an Umsatz und Beschäftigten), denn die Aufsicht kann sie nachfragen.',
      'This covers health care only. Check whether the main activity of the entity belongs to another sector of BSIG Annexes 1 or 2; it may be in scope there. Record what the assessment "negligible" rests on (e.g. share of turnover and staff): the supervisory authority may ask.',
      nis2Norms.negligibleActivities,
      nis2Norms.annex1,
    ),
  ];
}

function sizeReasons(figures: Figures, category: Nis2Category): Explanation[] {
  if (category === 'not_affected') {
    const t = thresholds.important;
    return [
      explain(
        'nis2.below_thresholds',
        { staffAwu: figures.staffAwu, annualTurnoverEur: figures.annualTurnoverEur, balanceSheetTotalEur: figures.balanceSheetTotalEur },
        `Mit ${awuDe(figures.staffAwu)} liegt die Einrichtung unter ${t.staffAwu} Beschäftigten, und Jahresumsatz (${formatEur(figures.annualTurnoverEur, 'de')}) und Bilanzsumme (${formatEur(figures.balanceSheetTotalEur, 'de')}) liegen nicht beide über ${formatEur(t.annualTurnoverEur, 'de')}. Sie ist daher nicht betroffen.`,
        `With ${awuEn(figures.staffAwu)} the entity is below ${t.staffAwu} staff, and turnover (${formatEur(figures.annualTurnoverEur, 'en')}) and balance sheet (${formatEur(figures.balanceSheetTotalEur, 'en')}) are not both above ${formatEur(t.annualTurnoverEur, 'en')}. It is therefore not affected.`,
        nis2Norms.important,
        nis2Norms.particularlyImportant,
      ),
    ];
  }
  const level = category === 'particularly_important' ? 'particularlyImportant' : 'important';
  const t = thresholds[level];
  const norm = level === 'particularlyImportant' ? nis2Norms.particularlyImportant : nis2Norms.important;
  const name = categoryNames[category];
  const suffix = category === 'particularly_important' ? 'particularly_important' : 'important';
  const result: Explanation[] = [];
  if (figures.staffAwu >= t.staffAwu) {
    result.push(
      explain(
        `nis2.staff_threshold_${suffix}`,
        { staffAwu: figures.staffAwu, threshold: t.staffAwu },
        `Mit ${awuDe(figures.staffAwu)} hat die Einrichtung mindestens ${t.staffAwu} Beschäftigte: ${name.de}.`,
        `With ${awuEn(figures.staffAwu)} the entity has at least ${t.staffAwu} staff: ${name.en}.`,
        norm,
      ),
    );
  }
  if (figures.annualTurnoverEur > t.annualTurnoverEur && figures.balanceSheetTotalEur > t.balanceSheetTotalEur) {
    result.push(
      explain(
        `nis2.financial_threshold_${suffix}`,
        {
          annualTurnoverEur: figures.annualTurnoverEur,
          balanceSheetTotalEur: figures.balanceSheetTotalEur,
          turnoverThresholdEur: t.annualTurnoverEur,
          balanceSheetThresholdEur: t.balanceSheetTotalEur,
        },
        `Jahresumsatz (${formatEur(figures.annualTurnoverEur, 'de')}) liegt über ${formatEur(t.annualTurnoverEur, 'de')} und zugleich die Bilanzsumme (${formatEur(figures.balanceSheetTotalEur, 'de')}) über ${formatEur(t.balanceSheetTotalEur, 'de')}: ${name.de}.`,
        `Turnover (${formatEur(figures.annualTurnoverEur, 'en')}) is above ${formatEur(t.annualTurnoverEur, 'en')} and the balance sheet (${formatEur(figures.balanceSheetTotalEur, 'en')}) is above ${formatEur(t.balanceSheetTotalEur, 'en')}: ${name.en}.`,
        norm,
      ),
    );
  }
  return result;
}

function sizeWarnings(input: Nis2CheckInput, own: Figures, aggregated: Figures, category: Nis2Category): Explanation[] {
  const warnings: Explanation[] = [];

  // Head count against AWU: many people count heads, the statute counts annual work units.
  if (input.staff) {
    const s = input.staff;
    const headCount = s.fullTimeHeads + s.partTimeHeads + s.apprentices + (s.parentalLeaveHeads ?? 0);
    const byHeads = categoryBySize({ ...aggregated, staffAwu: aggregated.staffAwu - own.staffAwu + headCount });
    if (byHeads !== category) {
      warnings.push(
        explain(
          'nis2.head_count_differs',
          { headCount, staffAwu: own.staffAwu, headCountCategory: byHeads, category },
          `Nach Köpfen gezählt (${headCount} Personen einschließlich Auszubildender und Elternzeit) wäre das Ergebnis „${categoryNames[byHeads].de}“. Maßgeblich sind aber Jahresarbeitseinheiten (${awuDe(own.staffAwu)}), daher „${categoryNames[category].de}“.`,
          `Counted as heads (${headCount} persons including apprentices and parental leave) the result would be "${categoryNames[byHeads].en}". The statute counts annual work units (${awuEn(own.staffAwu)}), hence "${categoryNames[category].en}".`,
          nis2Norms.staffUnits,
          nis2Norms.sizeRules,
        ),
      );
    }
  }

  // Figures close to a threshold whose other side would give another category.
  const figureThresholds: Record<Figure, number[]> = {
    staffAwu: [thresholds.important.staffAwu, thresholds.particularlyImportant.staffAwu],
    annualTurnoverEur: [thresholds.important.annualTurnoverEur, thresholds.particularlyImportant.annualTurnoverEur],
    balanceSheetTotalEur: [thresholds.important.balanceSheetTotalEur, thresholds.particularlyImportant.balanceSheetTotalEur],
  };
  for (const figure of figureKeys) {
    const value = aggregated[figure];
    figureThresholds[figure].forEach((threshold, level) => {
      if (Math.abs(value - threshold) > NEAR_THRESHOLD_SHARE * threshold) return;
      const other = categoryBySize({ ...aggregated, [figure]: otherSide(figure, value, threshold) });
      if (other === category) return;
      warnings.push(
        explain(
          'nis2.near_threshold',
          { figure, value, threshold, otherCategory: other },
          `${figureNames[figure].de} (${formatFigure(figure, value, 'de')}) liegt nahe an der Schwelle von ${formatFigure(figure, threshold, 'de')}. Auf der anderen Seite der Schwelle wäre das Ergebnis „${categoryNames[other].de}“. Prüfen Sie diese Zahl besonders sorgfältig.`,
          `${figureNames[figure].en} (${formatFigure(figure, value, 'en')}) is close to the threshold of ${formatFigure(figure, threshold, 'en')}. On the other side of it the result would be "${categoryNames[other].en}". Check this figure with particular care.`,
          level === 0 ? nis2Norms.important : nis2Norms.particularlyImportant,
        ),
      );
    });
  }

  // KBV and press texts shorten the test to "50 employees OR EUR 10 M turnover"; the statute needs turnover AND balance.
  if (category === 'not_affected' && aggregated.annualTurnoverEur > thresholds.important.annualTurnoverEur) {
    warnings.push(
      explain(
        'nis2.simplified_rule_differs',
        { annualTurnoverEur: aggregated.annualTurnoverEur, balanceSheetTotalEur: aggregated.balanceSheetTotalEur },
        `Manche Merkblätter und Presseberichte nennen vereinfacht „ab 50 Beschäftigten ODER 10 Mio. EUR Umsatz“. Danach wäre die Einrichtung betroffen. Das Gesetz verlangt aber, dass Umsatz UND Bilanzsumme beide über 10 Mio. EUR liegen; die Bilanzsumme (${formatEur(aggregated.balanceSheetTotalEur, 'de')}) tut das nicht.`,
        `Some leaflets and press reports simplify the test to "50 employees OR EUR 10 million turnover", which would put the entity in scope. The statute requires turnover AND balance-sheet total both above EUR 10 million; the balance-sheet total (${formatEur(aggregated.balanceSheetTotalEur, 'en')}) is not above it.`,
        nis2Norms.important,
      ),
    );
  }

  if (input.figuresBasis === 'estimate') {
    warnings.push(
      explain(
        'nis2.figures_estimated',
        {},
        'Die Zahlen sind geschätzt. Schätzungen sind nur vorgesehen, solange noch kein Jahresabschluss vorliegt (z. B. neu gegründete Einrichtungen). Prüfen Sie das Ergebnis mit dem ersten festgestellten Abschluss erneut.',
        'The figures are estimates. Estimates are meant only while no annual accounts have been approved yet (e.g. newly founded entities). Check the result again with the first approved accounts.',
        nis2Norms.estimate,
      ),
    );
  } else if (input.figuresBasis === undefined) {
    warnings.push(
      explain(
        'nis2.figures_basis',
        {},
        'Maßgeblich sind die Zahlen des letzten festgestellten Jahresabschlusses, auf zwölf Monate bezogen. Geben Sie Zahlen aus diesem Abschluss ein, nicht aus dem laufenden Jahr.',
        'The figures of the last approved annual accounts count, on a twelve-month basis. Enter figures from those accounts, not from the current year.',
        nis2Norms.referencePeriod,
      ),
    );
  }

  warnings.push(
    explain(
      'nis2.two_consecutive_periods',
      {},
      'Eine Einstufung ändert sich erst, wenn eine Schwelle in zwei aufeinanderfolgenden Geschäftsjahren über- oder unterschritten wird. Vergleichen Sie das Ergebnis deshalb mit dem Vorjahr.',
      'A classification changes only once a threshold is crossed (up or down) in two consecutive financial years. Compare the result with the previous year.',
      nis2Norms.twoPeriods,
    ),
  );
  return warnings;
}
