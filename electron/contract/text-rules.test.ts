import { describe, expect, it } from 'vitest';
import { fileNameSchema, nameText, optionalText, requiredText } from './fields';
import { fileNameProblem, lineTextProblem, multilineTextProblem, textRuleMessages } from './text-rules';

const reason = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? 'ok' : parsed.error!.issues[0].message;
};

describe('text rules for names and labels', () => {
  it('refuses NUL, terminal escapes, DEL and C1 controls, each with the control sentence', () => {
    for (const text of ['Acme\u0000Hashing', 'Acme \u001b[31mred', 'Acme\u007f', 'Acme\u009b']) expect(lineTextProblem(text)).toBe(textRuleMessages.control);
  });

  it('refuses line breaks and tabs in a name, but not in free text', () => {
    for (const text of ['Acme\r\nHashing', 'Acme\nHashing', 'Acme\rHashing', 'Acme\tHashing', 'Acme\u2028Hashing'])
      expect(lineTextProblem(text)).toBe(textRuleMessages.oneLine);
    expect(multilineTextProblem('Rack A\nRack B\tnotes')).toBeNull();
  });

  it('refuses right-to-left overrides and the other direction controls', () => {
    for (const text of ['invoice\u202Efdp.exe', 'Acme\u202D', 'a\u2066b\u2069', 'a\u200Fb', 'a\u061Cb'])
      expect(lineTextProblem(text)).toBe(textRuleMessages.direction);
  });

  it('refuses text made only of invisible characters, and takes names that merely hold one', () => {
    for (const text of ['\u200B', '\u200B\u200C\u200D', '\uFEFF\u2060', '\u00AD', '\u3164']) expect(lineTextProblem(text)).toBe(textRuleMessages.invisible);
    expect(lineTextProblem('Acme\u200DHashing')).toBeNull();
    expect(lineTextProblem('Ærø Bitcoin 北方 👩‍💻')).toBeNull();
  });

  it('puts the rules into the shared schemas: names one line, required and optional text multi-line', () => {
    expect(reason(nameText(80), 'North\u0000')).toBe(textRuleMessages.control);
    expect(reason(nameText(80), 'North\r\nWest')).toBe(textRuleMessages.oneLine);
    expect(reason(nameText(80), ' \u200B ')).toBe(textRuleMessages.invisible);
    expect(reason(nameText(80), '')).toBe('is required');
    expect(reason(requiredText(500), 'line one\nline two')).toBe('ok');
    expect(reason(requiredText(500), 'beep\u0007')).toBe(textRuleMessages.control);
    expect(reason(optionalText(500), '\u202Eevil')).toBe(textRuleMessages.direction);
    expect(reason(optionalText(500), '')).toBe('ok');
  });
});

describe('file names', () => {
  it('refuses . and .., paths, and names ending in a dot or a space', () => {
    expect(fileNameProblem('.')).toMatch(/not "\." or "\.\."/);
    expect(fileNameProblem('..')).toMatch(/not "\." or "\.\."/);
    expect(fileNameProblem('../etc/passwd')).toMatch(/without \/ or \\/);
    expect(fileNameProblem('C:\\contract.pdf')).toMatch(/without \/ or \\/);
    expect(fileNameProblem('contract.pdf.')).toBe('must not end with a dot or a space');
    expect(fileNameProblem('what?.pdf')).toBe('may not contain : * ? " < > |');
  });

  it('refuses Windows device names with or without an extension, in any case', () => {
    for (const name of ['CON', 'con.pdf', 'Prn.txt', 'AUX', 'NUL.tar.gz', 'com1', 'COM9.pdf', 'lpt1', 'LPT9.png'])
      expect(fileNameProblem(name)).toMatch(/Windows keeps that name for a device/);
    expect(fileNameProblem('CON.pdf')).toBe('must not be "CON": Windows keeps that name for a device; choose another name');
    expect(fileNameProblem('console.pdf')).toBeNull();
    expect(fileNameProblem('COM10.pdf')).toBeNull();
  });

  it('refuses line breaks and controls inside a file name, and takes ordinary names', () => {
    expect(reason(fileNameSchema(200), 'a\r\nb.pdf')).toBe(textRuleMessages.oneLine);
    expect(reason(fileNameSchema(200), 'a\u0000.pdf')).toBe(textRuleMessages.control);
    expect(reason(fileNameSchema(200), 'invoice\u202Efdp.exe')).toBe(textRuleMessages.direction);
    expect(reason(fileNameSchema(200), 'Hosting agreement 2026 (signed).pdf')).toBe('ok');
  });
});
