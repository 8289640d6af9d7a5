/** Evidence files are stored in the database; one file may hold at most 25 MB (../shared/DESIGN.md). */
export const EVIDENCE_MAX_BYTES = 25 * 1024 * 1024;

/**
 * What counts as evidence: PDF, images, office documents. The type is decided from the file's content
 * (magic bytes), never from its name, so a renamed executable is refused.
 */
export const evidenceMediaTypes = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/tiff': 'tif',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  // Legacy Word/Excel/PowerPoint files share one container format (Compound File Binary).
  'application/x-cfb': 'doc',
} as const satisfies Record<string, string>;

export type EvidenceMediaType = keyof typeof evidenceMediaTypes;

export function isAllowedEvidenceType(mediaType: string | undefined): mediaType is EvidenceMediaType {
  return mediaType !== undefined && Object.hasOwn(evidenceMediaTypes, mediaType);
}

/** A file name safe to store and to send back in Content-Disposition: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'nachweis';
}
