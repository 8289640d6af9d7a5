import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DocumentBlock, DocumentModel } from '../../domain/documents/document-model.ts';
import { t } from '../i18n/texts.ts';

/**
 * A document model as a Word file, for practices that adapt and sign a document outside the app: the same blocks
 * as the PDF, real headings (so Word builds a table of contents), tables with a repeated header row, and a footer
 * with the title, the version and "Seite n von m" as page fields.
 */

const GREY = '555555';
const NUMBERED = 'praxisschild-numbered';

const cell = (text: string, widthPct: number, header = false) =>
  new TableCell({
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    shading: header ? { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } : undefined,
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 18 })] })),
  });

function blockToDocx(block: DocumentBlock, locale: DocumentModel['locale'], listIndex: () => number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          spacing: { before: block.level === 1 ? 320 : 220, after: 80 },
          children: [new TextRun(block.text)],
        }),
      ];
    case 'paragraph':
      return block.text.split('\n').map(
        (line) =>
          new Paragraph({
            spacing: { after: 100 },
            shading: block.tone === 'note' ? { type: ShadingType.CLEAR, fill: 'FFF4E0', color: 'auto' } : undefined,
            children: [new TextRun({ text: line, italics: block.tone === 'muted', color: block.tone === 'muted' ? GREY : undefined })],
          }),
      );
    case 'list': {
      const instance = listIndex();
      return block.items.map((item) =>
        block.ordered
          ? new Paragraph({ numbering: { reference: NUMBERED, level: 0, instance }, children: [new TextRun(item)] })
          : new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }),
      );
    }
    case 'fields':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: block.rows.map(
            (row) =>
              new TableRow({
                children: [
                  new TableCell({
                    width: { size: 34, type: WidthType.PERCENTAGE },
                    children: [new Paragraph({ children: [new TextRun({ text: row.label, bold: true })] })],
                  }),
                  new TableCell({
                    width: { size: 66, type: WidthType.PERCENTAGE },
                    children: (row.value || '–').split('\n').map((line) => new Paragraph(line)),
                  }),
                ],
              }),
          ),
        }),
        new Paragraph({ children: [] }),
      ];
    case 'table': {
      if (block.rows.length === 0) return [new Paragraph({ children: [new TextRun({ text: block.empty ?? '–', italics: true, color: GREY })] })];
      const given = block.columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
      const open = block.columns.filter((c) => c.width === undefined).length;
      const share = open > 0 ? Math.max(0, 1 - given) / open : 0;
      const pct = block.columns.map((c) => Math.round((c.width ?? share) * 100));
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c.title, pct[i]!, true)) }),
            ...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, pct[i] ?? 10)) })),
          ],
        }),
        new Paragraph({ children: [] }),
      ];
    }
    case 'signature':
      return block.rows.flatMap((row) => [
        new Paragraph({ spacing: { before: 480 }, children: [new TextRun(`${row.date}\t\t\t\t${row.name}`)] }),
        new Paragraph({
          border: { top: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 2 } },
          children: [new TextRun({ text: `${t(locale, 'documents.render.dateAndPlace')}\t\t\t\t${row.role}`, size: 16, color: GREY })],
        }),
      ]);
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

export function renderDocx(model: DocumentModel): Promise<Buffer> {
  let lists = 0;
  const listIndex = () => ++lists;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: model.organisation, color: GREY, size: 18 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }),
  ];
  if (model.subtitle) children.push(new Paragraph({ children: [new TextRun({ text: model.subtitle, color: GREY })] }));
  children.push(
    new Paragraph({
      children: [
        new TextRun({ text: `${model.versionLabel} · ${t(model.locale, 'documents.render.asOf', { date: model.dateLabel })}`, color: GREY, size: 19 }),
      ],
    }),
  );
  if (model.statusLine) children.push(new Paragraph({ children: [new TextRun({ text: model.statusLine, color: GREY, size: 19 })] }));
  children.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '333333', space: 4 } }, children: [] }));
  for (const block of model.blocks) children.push(...blockToDocx(block, model.locale, listIndex));
  if (model.footnote) {
    children.push(new Paragraph({ spacing: { before: 360 }, children: [new TextRun({ text: model.footnote, italics: true, size: 16, color: GREY })] }));
  }
  const [pageWord, ofWord] = t(model.locale, 'documents.render.pageField').split('|');
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${model.title} · ${model.versionLabel} · ${pageWord} `, size: 16, color: GREY }),
          new TextRun({ children: [PageNumber.CURRENT], size: 16, color: GREY }),
          new TextRun({ text: ` ${ofWord} `, size: 16, color: GREY }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: GREY }),
        ],
      }),
    ],
  });
  const header = new Header({
    children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: model.organisation, size: 16, color: GREY })] })],
  });
  return Packer.toBuffer(
    new Document({
      creator: 'praxisschild',
      title: model.title,
      description: model.subtitle,
      styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
      numbering: {
        config: [
          {
            reference: NUMBERED,
            levels: [
              {
                level: 0,
                format: LevelFormat.DECIMAL,
                text: '%1.',
                alignment: AlignmentType.START,
                style: { paragraph: { indent: { left: 360, hanging: 260 } } },
              },
            ],
          },
        ],
      },
      sections: [{ headers: { default: header }, footers: { default: footer }, children }],
    }),
  );
}
