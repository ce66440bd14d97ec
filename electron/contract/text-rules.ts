/**
 * What text typed by a person may hold, for every schema that takes names, labels and free text. Each rule
 * answers with the sentence a person reads (after the field's label), or null when the text passes.
 */

// C0 controls (NUL, ESC…) except tab and line breaks, DEL, and the C1 controls: they corrupt terminals, logs and files.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const lineBreaksOrTabs = /[\t\n\r\u2028\u2029]/;
// Bidirectional marks, embeddings, overrides and isolates: "invoice\u202Efdp.exe" reads as "invoiceexe.pdf".
const directionControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// Characters that draw nothing: zero-width spaces and joiners, word joiner, BOM, soft hyphen, fillers, variation selectors, tags.
// The class lists single code points on purpose (combining ones among them), never composed characters.
const invisibleCharacters =
  // eslint-disable-next-line no-misleading-character-class
  /[\s\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]|\udb40[\udc00-\udc7f]/g;

export const textRuleMessages = {
  control: 'must not contain control characters (such as NUL or terminal escapes)',
  oneLine: 'must be on one line, without line breaks or tabs',
  direction: 'must not contain text-direction controls (such as a right-to-left override)',
  invisible: 'must contain visible characters, not only invisible ones',
} as const;

/** True when the text holds a control character, a tab or a line break: what a secret sent to firmware may not hold. */
export const hasControlCharacters = (text: string): boolean => controlCharacters.test(text) || lineBreaksOrTabs.test(text);

/** Free text that may span lines (notes, addresses, comments). Empty text passes: being required is another rule. */
export function multilineTextProblem(text: string): string | null {
  if (controlCharacters.test(text)) return textRuleMessages.control;
  if (directionControls.test(text)) return textRuleMessages.direction;
  if (text !== '' && text.replace(invisibleCharacters, '') === '') return textRuleMessages.invisible;
  return null;
}

/** A name or label: one line, and the multi-line rules. */
export function lineTextProblem(text: string): string | null {
  if (lineBreaksOrTabs.test(text)) return textRuleMessages.oneLine;
  return multilineTextProblem(text);
}

// Windows keeps these names for devices, with any extension: a file saved as "CON.pdf" cannot be opened there.
const windowsReservedName = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** A file name as stored and offered for saving: a name, not a path, that every desktop system can write. */
export function fileNameProblem(name: string): string | null {
  const asLine = lineTextProblem(name);
  if (asLine) return asLine;
  if (name === '.' || name === '..') return 'must be a file name, not "." or ".."';
  if (/[\\/]/.test(name)) return 'must be a file name without / or \\ (not a path)';
  if (/[:*?"<>|]/.test(name)) return 'may not contain : * ? " < > |';
  if (/[. ]$/.test(name)) return 'must not end with a dot or a space';
  const reserved = windowsReservedName.exec(name);
  if (reserved) return `must not be "${reserved[1].toUpperCase()}": Windows keeps that name for a device; choose another name`;
  return null;
}
