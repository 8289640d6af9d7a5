import type { LegalSource } from '../kbv/explanation.ts';
import { kbvRequirements } from '../kbv/requirements.data.ts';

/** The sources the guidance on KBV Anlage 1 cites besides each requirement itself. */

const kbvById = new Map(kbvRequirements.map((requirement) => [requirement.id, requirement]));

/** The requirement's own source: the KBV guideline at its annex and number, with the catalogue's link. */
export function kbvSource(requirementId: string): LegalSource {
  const requirement = kbvById.get(requirementId);
  if (!requirement) throw new Error(`Unknown KBV requirement ${requirementId}`);
  return { citation: `KBV IT-Sicherheitsrichtlinie, ${requirement.kbvReference}`, url: requirement.sourceUrl };
}

/** Patient secrets; Abs. 4 Satz 2 Nr. 1 reaches the practice that let a helper take part without obliging them to secrecy. */
export const stgb203Source: LegalSource = { citation: '§ 203 StGB', url: 'https://www.gesetze-im-internet.de/stgb/__203.html' };

/** Processing on behalf of the practice (Auftragsverarbeitung). */
export const dsgvo28Source: LegalSource = { citation: 'Art. 28 DSGVO', url: 'https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:32016R0679' };

/** Cloud services in health care: C5 attestation (§ 393 SGB V). */
export const sgb393Source: LegalSource = { citation: '§ 393 SGB V', url: 'https://www.gesetze-im-internet.de/sgb_5/__393.html' };
