/**
 * The evidence pack (issue 12) as other features see it: the card that explains and downloads it, and its address.
 * The pack is fetched through a plain link, so the browser streams it to disk as the server writes it (a fetch would
 * hold the whole pack in memory first); there is no data to query.
 */
export { EvidencePackCard, evidencePackUrl } from './evidence-pack-card.tsx';
