import PDFDocument from 'pdfkit';
import { quickCheckQuestions } from '../../../domain/quickcheck/questions.ts';
import type { QuickCheckAnswerMap, QuickCheckResult } from '../../../domain/quickcheck/scoring.ts';
import { formatDate, type Locale, t } from '../../i18n/texts.ts';

const BAND_COLOURS = { weak: '#c92a2a', fair: '#e8590c', good: '#2f9e44' } as const;
const GREY = '#555555';
const LINE = '#d0d0d0';

/** YYYY-MM-DD of the Berlin day, for the file name. */
function berlinDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** praxisschild-schnellcheck-2026-03-12.pdf / praxisschild-quick-check-2026-03-12.pdf: ASCII only, safe in a header. */
export function quickCheckFileName(locale: Locale, now: Date): string {
  return `${t(locale, 'quickCheck.pdf.fileName', { date: berlinDay(now) })}.pdf`;
}

export interface QuickCheckPdfInput {
  locale: Locale;
  answers: QuickCheckAnswerMap;
  result: QuickCheckResult;
  now: Date;
  /** Where this installation of praxisschild is reached, for "how to continue". */
  appUrl: string;
}

/**
 * The summary of one quick check as a PDF, without any organisation: title, date, score, the table per lever, the next
 * steps with their citations, all answers, and how to continue in praxisschild (pdfkit's Helvetica covers ä, ß, §, „“).
 */
export function quickCheckPdf({ locale, answers, result, now, appUrl }: QuickCheckPdfInput): Promise<Buffer> {
  const text = (key: string, values?: Record<string, string | number>) => t(locale, `quickCheck.${key}`, values);
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: text('pdf.title'), Creator: 'praxisschild' },
      lang: locale === 'de' ? 'de-DE' : 'en-GB',
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const left = doc.page.margins.left;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

    doc.font('Helvetica-Bold').fontSize(18).fillColor('#000').text(text('pdf.title'));
    doc
      .moveDown(0.2)
      .font('Helvetica')
      .fontSize(10)
      .fillColor(GREY)
      .text(text('pdf.subtitle', { date: formatDate(locale, now), version: result.version }));

    // The score with a bar of its share.
    doc.moveDown(1).font('Helvetica-Bold').fontSize(14).fillColor(BAND_COLOURS[result.band]);
    doc.text(text('pdf.score', { score: result.score, band: text(`band.${result.band}`) }));
    const barY = doc.y + 4;
    doc.rect(left, barY, width, 8).fill('#eeeeee');
    if (result.score > 0) doc.rect(left, barY, (width * result.score) / 100, 8).fill(BAND_COLOURS[result.band]);
    doc.y = barY + 16;
    doc.font('Helvetica').fontSize(9).fillColor(GREY).text(text('scoreHint'), left, doc.y, { width });

    // Per lever: area, points, gaps.
    heading(doc, text('pdf.leversTitle'));
    const columns = [left, left + width - 150, left + width - 70];
    const row = (cells: [string, string, string], bold = false) => {
      ensureSpace(doc, 18);
      const y = doc.y;
      doc
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(10)
        .fillColor('#000');
      doc.text(cells[0], columns[0], y, { width: width - 160 });
      const after = doc.y;
      doc.text(cells[1], columns[1]!, y, { width: 70, align: 'right' });
      doc.text(cells[2], columns[2]!, y, { width: 70, align: 'right' });
      doc.y = Math.max(after, doc.y) + 3;
      doc
        .moveTo(left, doc.y - 1.5)
        .lineTo(left + width, doc.y - 1.5)
        .lineWidth(0.5)
        .strokeColor(LINE)
        .stroke();
      doc.x = left;
    };
    row([text('pdf.colLever'), text('pdf.colScore'), text('pdf.colGaps')], true);
    for (const lever of result.levers) {
      row([text(`lever.${lever.lever}`), lever.score === null ? text('leverNotApplicable') : `${lever.score} / 100`, String(lever.gaps)]);
    }

    // The next steps, largest gap first, each with the provisions it rests on.
    heading(doc, text('pdf.stepsTitle'));
    if (result.steps.length === 0) doc.font('Helvetica').fontSize(10).fillColor('#000').text(text('noSteps'), left, doc.y, { width });
    result.steps.forEach((step, index) => {
      ensureSpace(doc, 70);
      doc.font('Helvetica-Bold').fontSize(10.5).fillColor('#000');
      doc.text(`${index + 1}. ${text(`question.${step.questionId}.label`)}`, left, doc.y, { width, continued: true });
      doc
        .font('Helvetica')
        .fillColor(GREY)
        .text(`  (${text('yourAnswer', { answer: text(`answer.${step.answer}`) })})`);
      doc
        .font('Helvetica')
        .fontSize(10)
        .fillColor('#000')
        .text(text(`question.${step.questionId}.step`), left + 14, doc.y, { width: width - 14 });
      doc
        .fontSize(8.5)
        .fillColor(GREY)
        .text(text('pdf.basis', { sources: step.citations.map((c) => c.citation).join('; ') }), left + 14, doc.y, { width: width - 14 });
      doc.moveDown(0.5);
    });

    // Every answer, grouped as on the page.
    heading(doc, text('pdf.answersTitle'));
    for (const question of quickCheckQuestions) {
      const answer = answers[question.id];
      if (!answer) continue;
      ensureSpace(doc, 16);
      const y = doc.y;
      doc
        .font('Helvetica')
        .fontSize(9.5)
        .fillColor('#000')
        .text(text(`question.${question.id}.label`), left, y, { width: width - 130 });
      const after = doc.y;
      doc.font('Helvetica-Bold').text(text(`answer.${answer}`), left + width - 120, y, { width: 120, align: 'right' });
      doc.y = Math.max(after, doc.y) + 1;
      doc.x = left;
    }

    heading(doc, text('pdf.continueTitle'));
    doc.font('Helvetica').fontSize(10).fillColor('#000').text(text('pdf.continue'), left, doc.y, { width });
    doc.moveDown(0.3).fillColor('#1c7ed6').text(appUrl, { link: appUrl, underline: true });
    doc.moveDown(1.2).font('Helvetica-Oblique').fontSize(8).fillColor(GREY).text(text('pdf.footer'), left, doc.y, { width });
    doc.end();
  });
}

/** A new page when less than `height` is left, so that a row or a step is never split across pages. */
function ensureSpace(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
    doc.x = doc.page.margins.left;
  }
}

function heading(doc: PDFKit.PDFDocument, title: string) {
  ensureSpace(doc, 80);
  doc.moveDown(1.1).font('Helvetica-Bold').fontSize(12.5).fillColor('#000').text(title, doc.page.margins.left);
  doc.moveDown(0.3);
}
