import { evidenceMediaTypes, isAllowedEvidenceType } from '../compliance/evidence.ts';

/**
 * The names inside an evidence pack (issue 12): every evidence file lies at `evidence/<requirement id>/<name>`, where
 * the name is the uploaded one made safe to unpack on Windows, macOS and Linux and unique within its folder. The
 * same names are written to `hashes.sha256`, whose lines `sha256sum -c` reads back after unpacking.
 */

/** The longest name of one file in the pack, extension included (well below the 255 bytes of common file systems). */
export const MAX_ENTRY_NAME = 120;

/**
 * Characters Windows refuses in a file name (Microsoft, "Naming Files, Paths, and Namespaces"), the path separators
 * of every system, and control characters. sha256sum escapes a name holding a backslash or a line break, so with
 * these gone every line of hashes.sha256 is plain.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** Device names Windows reserves, also before any extension ("NUL.tar.pdf"; same source). */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
const EXTENSION = /^(?=.*[a-z])[a-z0-9]{1,5}$/i;
/** Extensions that also name a detected type (JPEG, TIFF; legacy Office files share one container format). */
const SAME_TYPE_EXTENSIONS: Record<string, readonly string[]> = { jpg: ['jpeg'], tif: ['tiff'], doc: ['xls', 'ppt', 'msg'] };

/** The extension of the type detected from the content when the file was uploaded ("bin" for anything else). */
function extensionOf(mediaType: string): string {
  return isAllowedEvidenceType(mediaType) ? evidenceMediaTypes[mediaType] : 'bin';
}

/** Cuts a text to at most `max` characters without splitting a character made of two UTF-16 units. */
function cut(text: string, max: number): string {
  return Array.from(text).slice(0, max).join('');
}

/**
 * An uploaded file name as it may lie in the pack: no folders, no characters a file system refuses, no leading dot,
 * no trailing dot or space, not a Windows device name, at most MAX_ENTRY_NAME characters, and with the extension of
 * the type detected from the content, so a PDF uploaded as "x.html" unpacks as "x.pdf" and no program opens it as
 * something else (the rule of the single evidence download, decision 013).
 */
export function safeEntryName(fileName: string, mediaType: string): string {
  const extension = extensionOf(mediaType);
  const cleaned = fileName.normalize('NFC').replace(FORBIDDEN, '_');
  const dot = cleaned.lastIndexOf('.');
  const current = dot > 0 ? cleaned.slice(dot + 1) : '';
  // "Befund vom 12.03" has no extension: one has one to five letters and digits, at least one of them a letter.
  const hasExtension = EXTENSION.test(current);
  const keepsExtension = hasExtension && (current.toLowerCase() === extension || (SAME_TYPE_EXTENSIONS[extension]?.includes(current.toLowerCase()) ?? false));
  const ending = keepsExtension ? current : extension;
  let stem = (hasExtension ? cleaned.slice(0, dot) : cleaned).replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (stem === '') stem = 'nachweis';
  if (RESERVED.test(stem.split('.')[0]!.trim())) stem = `_${stem}`;
  return `${cut(stem, MAX_ENTRY_NAME - ending.length - 1)}.${ending}`;
}

/**
 * Hands out names unique within each folder. Windows and macOS do not tell "Befund.pdf" from "befund.PDF", so two
 * names clash when they differ in case only; the later file gets " (2)", " (3)", … before its extension.
 */
export class EntryNames {
  readonly #taken = new Set<string>();

  take(folder: string, name: string): string {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ending = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let n = 2; this.#taken.has(`${folder}/${candidate}`.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = `${cut(stem, MAX_ENTRY_NAME - ending.length - suffix.length)}${suffix}${ending}`;
    }
    this.#taken.add(`${folder}/${candidate}`.toLowerCase());
    return `${folder}/${candidate}`;
  }
}

/** The folder of a requirement's evidence. Requirement ids are "KBV-A1-01" or "BSIG-30-2-01": safe as they are. */
export const evidenceFolder = (requirementId: string) => `evidence/${requirementId}`;

/** One line of hashes.sha256 as sha256sum writes it (hash, two spaces, path), so that `sha256sum -c` checks it. */
export const sha256sumLine = (sha256: string, path: string) => `${sha256}  ${path}\n`;
