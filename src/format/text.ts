/**
 * Characters that reorder the text around them (embeddings, overrides, isolates, marks). In a file name they
 * are how "Invoice_\u202Excod.exe" reads as "Invoice_exe.docx". They are shown as a visible mark instead.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A server string as it is safe to show: no hidden reordering. */
export function visibleText(text: string): string {
  return text.replace(BIDI_CONTROLS, '\uFFFD');
}

export function hasBidiControls(text: string): boolean {
  return new RegExp(BIDI_CONTROLS.source).test(text);
}

/** Cuts a string a view never needs whole (a portal's name), at a code point, with an ellipsis. */
export function clampText(text: string, max: number): string {
  const points = [...text];
  return points.length > max ? `${points.slice(0, max - 1).join('')}…` : text;
}
