import { mailPlaceholders, type MailTemplateKind } from './mail.vocab';

/** `{{ client.name }}`: a placeholder, spaces inside the braces allowed. */
const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders a text uses, in order, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((match) => match[1]))];
}

/** Why a template text cannot be used for this kind of message (a placeholder it does not know, braces left open), or null. */
export function placeholderProblem(text: string, kind: MailTemplateKind | 'announcement'): string | null {
  const known = mailPlaceholders[kind];
  const unknown = placeholdersIn(text).filter((name) => !known.includes(name));
  if (unknown.length) {
    const list = unknown.map((name) => `{{${name}}}`).join(', ');
    return `uses ${unknown.length === 1 ? 'a placeholder' : 'placeholders'} it does not know: ${list}. It may use ${known.map((name) => `{{${name}}}`).join(', ')}`;
  }
  if (text.replace(placeholderPattern, '').includes('{{')) return 'has “{{” without its closing “}}”; write a placeholder as {{client.name}}';
  return null;
}

/** The text with each placeholder replaced by its value; the caller gives every placeholder of the template's kind. */
export const fillPlaceholders = (text: string, values: Readonly<Record<string, string>>): string =>
  text.replace(placeholderPattern, (whole, name: string) => values[name] ?? whole);
