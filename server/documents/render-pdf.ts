import PDFDocument from 'pdfkit';
import type { DocumentBlock, DocumentModel, FieldsBlock, SignatureBlock, TableBlock } from '../../domain/documents/document-model.ts';
import { t } from '../i18n/texts.ts';

/**
 * A document model as an A4 PDF (pdfkit; its built-in Helvetica covers ä, ß, §, „“ and –): title block with the
 * organisation, version and date; on every page a footer with the title, the version and "Seite n von m"; tables
 * break across pages with their column titles repeated.
 */

const MARGIN = 56;
const FOOTER_GAP = 28;
const GREY = '#555555';
const LIGHT = '#d0d0d0';
const BODY = 10;

type Doc = PDFKit.PDFDocument;

const contentWidth = (doc: Doc) => doc.page.width - 2 * MARGIN;
const bottomLimit = (doc: Doc) => doc.page.height - MARGIN - FOOTER_GAP;

/** Starts a new page when fewer than `height` points are left above the footer. */
function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > bottomLimit(doc)) {
    doc.addPage();
    doc.x = MARGIN;
  }
}

function widthsOf(doc: Doc, table: TableBlock): number[] {
  const given = table.columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const open = table.columns.filter((c) => c.width === undefined).length;
  const share = open > 0 ? Math.max(0, 1 - given) / open : 0;
  const total = given + share * open || 1;
  return table.columns.map((c) => ((c.width ?? share) / total) * contentWidth(doc));
}

function tableRow(doc: Doc, cells: string[], widths: number[], header: boolean) {
  const pad = 3;
  doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(header ? 8.5 : 9);
  const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
  return {
    height,
    draw(y: number) {
      let x = MARGIN;
      if (header) doc.rect(MARGIN, y, contentWidth(doc), height).fill('#eeeeee');
      doc.fillColor('#000000');
      cells.forEach((cell, i) => {
        doc.text(cell, x + pad, y + pad, { width: widths[i]! - 2 * pad, lineBreak: true });
        x += widths[i]!;
      });
      doc
        .moveTo(MARGIN, y + height)
        .lineTo(MARGIN + contentWidth(doc), y + height)
        .lineWidth(0.5)
        .strokeColor(LIGHT)
        .stroke();
    },
  };
}

/** Rows drawn between two pauses: a register of 10 000 rows lets other requests run every few dozen milliseconds. */
const ROWS_PER_SLICE = 150;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

async function drawTable(doc: Doc, table: TableBlock) {
  if (table.rows.length === 0) {
    doc
      .font('Helvetica-Oblique')
      .fontSize(BODY)
      .fillColor(GREY)
      .text(table.empty ?? '–', MARGIN, doc.y, { width: contentWidth(doc) });
    return;
  }
  const widths = widthsOf(doc, table);
  const titles = table.columns.map((c) => c.title);
  const head = () => {
    const row = tableRow(doc, titles, widths, true);
    const y = doc.y;
    row.draw(y);
    doc.y = y + row.height;
  };
  // The column titles never stand alone at the foot of a page: they need room for themselves and the first row.
  const headHeight = tableRow(doc, titles, widths, true).height;
  ensureRoom(doc, headHeight + tableRow(doc, table.rows[0]!, widths, false).height);
  head();
  for (const [index, cells] of table.rows.entries()) {
    if (index > 0 && index % ROWS_PER_SLICE === 0) await pause();
    const row = tableRow(doc, cells, widths, false);
    if (doc.y + row.height > bottomLimit(doc)) {
      doc.addPage();
      head();
      doc.font('Helvetica').fontSize(9);
    }
    const y = doc.y;
    row.draw(y);
    doc.y = y + row.height;
  }
  doc.x = MARGIN;
}

function drawFields(doc: Doc, block: FieldsBlock) {
  const labelWidth = contentWidth(doc) * 0.34;
  const valueWidth = contentWidth(doc) - labelWidth - 8;
  for (const row of block.rows) {
    doc.font('Helvetica').fontSize(BODY);
    const height = Math.max(
      doc.heightOfString(row.value || '–', { width: valueWidth }),
      doc.font('Helvetica-Bold').heightOfString(row.label, { width: labelWidth }),
    );
    ensureRoom(doc, height + 4);
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(BODY).fillColor('#333333').text(row.label, MARGIN, y, { width: labelWidth });
    doc
      .font('Helvetica')
      .fillColor('#000000')
      .text(row.value || '–', MARGIN + labelWidth + 8, y, { width: valueWidth });
    doc.y = y + height + 4;
  }
  doc.x = MARGIN;
}

function drawSignatures(doc: Doc, block: SignatureBlock) {
  for (const row of block.rows) {
    ensureRoom(doc, 54);
    doc.moveDown(1.6);
    const y = doc.y;
    const half = contentWidth(doc) / 2 - 10;
    doc.font('Helvetica').fontSize(BODY).fillColor('#000000');
    doc.text(row.date, MARGIN, y - 12, { width: half });
    doc.text(row.name, MARGIN + half + 20, y - 12, { width: half });
    doc
      .moveTo(MARGIN, y + 2)
      .lineTo(MARGIN + half, y + 2)
      .moveTo(MARGIN + half + 20, y + 2)
      .lineTo(MARGIN + contentWidth(doc), y + 2)
      .lineWidth(0.6)
      .strokeColor('#000000')
      .stroke();
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GREY)
      .text(t(localeOfDoc(doc), 'documents.render.dateAndPlace'), MARGIN, y + 5, { width: half });
    doc.text(row.role, MARGIN + half + 20, y + 5, { width: half });
    doc.y = y + 20;
  }
  doc.x = MARGIN;
}

const docLocales = new WeakMap<Doc, DocumentModel['locale']>();
const localeOfDoc = (doc: Doc) => docLocales.get(doc) ?? 'de';

async function drawBlock(doc: Doc, block: DocumentBlock) {
  const width = contentWidth(doc);
  switch (block.kind) {
    case 'heading': {
      const size = block.level === 1 ? 13.5 : 11.5;
      doc.moveDown(block.level === 1 ? 1 : 0.7);
      ensureRoom(doc, size * 4);
      doc.font('Helvetica-Bold').fontSize(size).fillColor('#000000').text(block.text, MARGIN, doc.y, { width });
      doc.moveDown(0.3);
      return;
    }
    case 'paragraph': {
      doc.font(block.tone === 'muted' ? 'Helvetica-Oblique' : 'Helvetica').fontSize(BODY);
      const height = doc.heightOfString(block.text, { width: width - (block.tone === 'note' ? 16 : 0) });
      ensureRoom(doc, Math.min(height, 60));
      if (block.tone === 'note') {
        const y = doc.y;
        doc.rect(MARGIN, y, width, height + 12).fill('#fff4e0');
        doc.fillColor('#000000').text(block.text, MARGIN + 8, y + 6, { width: width - 16 });
        doc.y = y + height + 12;
      } else {
        doc.fillColor(block.tone === 'muted' ? GREY : '#000000').text(block.text, MARGIN, doc.y, { width });
      }
      doc.moveDown(0.5);
      return;
    }
    case 'list': {
      doc.font('Helvetica').fontSize(BODY).fillColor('#000000');
      block.items.forEach((item, i) => {
        const mark = block.ordered ? `${i + 1}.` : '•';
        const height = doc.heightOfString(item, { width: width - 18 });
        ensureRoom(doc, Math.min(height, 40));
        const y = doc.y;
        doc.text(mark, MARGIN, y, { width: 16 });
        doc.text(item, MARGIN + 18, y, { width: width - 18 });
        doc.moveDown(0.2);
      });
      doc.x = MARGIN;
      doc.moveDown(0.3);
      return;
    }
    case 'fields':
      drawFields(doc, block);
      doc.moveDown(0.3);
      return;
    case 'table':
      await drawTable(doc, block);
      doc.moveDown(0.6);
      return;
    case 'signature':
      drawSignatures(doc, block);
      doc.moveDown(0.6);
      return;
    case 'pageBreak':
      doc.addPage();
      doc.x = MARGIN;
      return;
  }
}

export function renderPdf(model: DocumentModel): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      info: { Title: model.title, Author: model.organisation, Creator: 'praxisschild' },
      lang: model.locale === 'de' ? 'de-DE' : 'en-GB',
    });
    docLocales.set(doc, model.locale);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    writePdf(doc, model).catch(reject);
  });
}

/** Writes the whole document; long tables pause between slices of rows so the server keeps answering. */
async function writePdf(doc: Doc, model: DocumentModel) {
  const width = contentWidth(doc);
  doc.font('Helvetica').fontSize(9).fillColor(GREY).text(model.organisation, MARGIN, MARGIN, { width });
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(18).fillColor('#000000').text(model.title, { width });
  if (model.subtitle) doc.moveDown(0.2).font('Helvetica').fontSize(10.5).fillColor(GREY).text(model.subtitle, { width });
  doc
    .moveDown(0.4)
    .font('Helvetica')
    .fontSize(9.5)
    .fillColor(GREY)
    .text(`${model.versionLabel} · ${t(model.locale, 'documents.render.asOf', { date: model.dateLabel })}`, { width });
  if (model.statusLine) doc.text(model.statusLine, { width });
  const ruleY = doc.y + 6;
  doc
    .moveTo(MARGIN, ruleY)
    .lineTo(MARGIN + width, ruleY)
    .lineWidth(0.8)
    .strokeColor('#333333')
    .stroke();
  doc.y = ruleY + 8;
  for (const block of model.blocks) await drawBlock(doc, block);
  if (model.footnote) {
    doc.moveDown(1);
    ensureRoom(doc, 30);
    doc.font('Helvetica-Oblique').fontSize(8).fillColor(GREY).text(model.footnote, MARGIN, doc.y, { width });
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    if (i > range.start && i % 50 === 0) await pause();
    doc.switchToPage(i);
    const footer = `${model.title} · ${model.versionLabel} · ${t(model.locale, 'documents.render.page', { page: i + 1, pages: range.count })}`;
    // Writing into the bottom margin: pdfkit would otherwise open a new page for it.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GREY)
      .text(footer, MARGIN, doc.page.height - MARGIN + 8, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
}
