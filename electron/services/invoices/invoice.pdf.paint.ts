import type PDFDocument from 'pdfkit';
import { currencyDecimals, formatMoney, parseDecimal } from '../../contract/money';

type Doc = InstanceType<typeof PDFDocument>;

/** "1234.5" in `currency` as "$1,234.50" (exact: through integer minor units, never a float). */
export function money(amount: string, currency: string): string {
  const minor = parseDecimal(amount, currencyDecimals(currency));
  return minor === null ? `${amount} ${currency}` : formatMoney(minor, currency);
}

export const fontSize = 9;
export const footerRoom = 30;

/** A cursor over a pdfkit document: writes text at given places, knows where the page ends and breaks it. */
export class PdfPainter {
  y: number;

  constructor(readonly doc: Doc) {
    this.y = doc.page.margins.top;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom - footerRoom;
  }

  wouldBreak(height: number): boolean {
    return this.y + height > this.bottom;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.doc.page.margins.top;
  }

  /** Breaks the page first when `height` does not fit on what is left of it. */
  ensureRoom(height: number): void {
    if (this.wouldBreak(height)) this.newPage();
  }

  heightOf(text: string, width: number, bold = false, size = fontSize): number {
    this.doc.font(bold ? 'Bold' : 'Body').fontSize(size);
    return this.doc.heightOfString(text, { width });
  }

  /**
   * Writes text at (x, y) without moving the cursor (lineBreak inside `width`, never a page break); returns its
   * height. `height` is that height when the caller measured it already (laying text out is pdfkit's dearest step).
   */
  text(
    text: string,
    x: number,
    y: number,
    options: { width: number; align?: 'left' | 'right' | 'center'; bold?: boolean; size?: number; color?: string; height?: number },
  ): number {
    const size = options.size ?? fontSize;
    this.doc
      .font(options.bold ? 'Bold' : 'Body')
      .fontSize(size)
      .fillColor(options.color ?? '#111111');
    const height = options.height ?? this.doc.heightOfString(text, { width: options.width });
    this.doc.text(text, x, y, { width: options.width, align: options.align ?? 'left', lineBreak: true, height: height + 1 });
    return height;
  }

  /** Text at the cursor, full width, line by line, moving the cursor below it (breaks the page between lines). */
  paragraph(text: string, options: { bold?: boolean; size?: number; color?: string } = {}): void {
    for (const line of text.split(/\r?\n/)) {
      const height =
        line.trim() === '' ? this.heightOf('x', this.width, options.bold, options.size) : this.heightOf(line, this.width, options.bold, options.size);
      this.ensureRoom(height);
      if (line.trim() !== '') this.text(line, this.left, this.y, { width: this.width, ...options });
      this.y += height;
    }
    this.y += 2;
  }

  rule(y: number, weight: number): void {
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(weight)
      .strokeColor('#888888')
      .stroke();
  }
}
