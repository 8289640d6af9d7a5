import type { DocumentBuilders } from '../builder.ts';

/** Which builder writes which document. One line per kind; each builder lives in a file of its own beside this one. */
export const documentBuilders: DocumentBuilders = {};
