import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * Reads the renderer's source with the TypeScript parser (no type checking): where it calls procedures and where it
 * gates them. Used by the guard test that every changing call has a gate (tests/unit/renderer-call-gating.test.ts).
 */

export type RendererFile = { path: string; source: ts.SourceFile };

/** A place that names a procedure: `useCall('clients.create')` at renderer/features/clients/ClientForm.tsx:12. */
export type CallSite = { file: string; line: number; callee: string; procedure: string };

/** Every .ts and .tsx file under `root` but tests and declarations, with paths relative to `root` ('features/x/Y.tsx'). */
export function readRendererFiles(root: string): RendererFile[] {
  const files: RendererFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name)) {
        const path = relative(root, full).split(sep).join('/');
        files.push({ path, source: ts.createSourceFile(path, readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX) });
      }
    }
  };
  walk(root);
  return files;
}

function visit(node: ts.Node, each: (node: ts.Node) => void): void {
  each(node);
  node.forEachChild((child) => visit(child, each));
}

const lineOf = (file: RendererFile, node: ts.Node) => file.source.getLineAndCharacterOfPosition(node.getStart()).line + 1;

const calleeName = (call: ts.CallExpression): string | null => (ts.isIdentifier(call.expression) ? call.expression.text : null);

/** The `const name = …` declarations of a file, for following a gate written as `procedure={saveCall}`. */
function constantsOf(file: RendererFile): Map<string, ts.Expression> {
  const constants = new Map<string, ts.Expression>();
  visit(file.source, (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) constants.set(node.name.text, node.initializer);
  });
  return constants;
}

/**
 * The string literals an expression can take: `'a'`, `x ? 'a' : 'b'`, `['a', 'b']`, and those of a constant of the same
 * file it names (one step, so `const saveCall = existing ? 'contracts.update' : 'contracts.create'` counts).
 */
function literalsOf(expression: ts.Node, constants: Map<string, ts.Expression>, followed = false): string[] {
  const found: string[] = [];
  visit(expression, (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (!followed && ts.isIdentifier(node) && constants.has(node.text)) found.push(...literalsOf(constants.get(node.text)!, constants, true));
  });
  return found;
}

/** Calls of `callees` whose first argument is a string literal: the procedure each names. */
export function callSitesOf(file: RendererFile, callees: ReadonlySet<string>): CallSite[] {
  const sites: CallSite[] = [];
  visit(file.source, (node) => {
    if (!ts.isCallExpression(node)) return;
    const callee = calleeName(node);
    const first = node.arguments[0];
    if (callee && callees.has(callee) && first && ts.isStringLiteral(first))
      sites.push({ file: file.path, line: lineOf(file, node), callee, procedure: first.text });
  });
  return sites;
}

/** Calls of `callees` whose procedure is not written out (a wrapper passing its own parameter on). */
export function unnamedCallsOf(file: RendererFile, callees: ReadonlySet<string>): { file: string; line: number; callee: string }[] {
  const calls: { file: string; line: number; callee: string }[] = [];
  visit(file.source, (node) => {
    if (!ts.isCallExpression(node)) return;
    const callee = calleeName(node);
    const first = node.arguments[0];
    if (callee && callees.has(callee) && !(first && ts.isStringLiteral(first))) calls.push({ file: file.path, line: lineOf(file, node), callee });
  });
  return calls;
}

const tagName = (node: ts.JsxOpeningLikeElement) => node.tagName.getText();

function procedureAttribute(node: ts.JsxOpeningLikeElement): ts.JsxAttribute | undefined {
  return node.attributes.properties.find((p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText() === 'procedure');
}

/** The name of the component (a capitalised function or constant) a node sits in. */
function enclosingComponent(node: ts.Node): string | null {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    const name = ts.isFunctionDeclaration(at) && at.name ? at.name.text : ts.isVariableDeclaration(at) && ts.isIdentifier(at.name) ? at.name.text : null;
    if (name && /^[A-Z]/.test(name)) return name;
  }
  return null;
}

/**
 * Components that gate by a procedure they are given: a component that hands its own `procedure` (a prop, not a
 * written-out name) to a gate component is one too (FormModal, SaveOrDiscard, PermittedSubmit…), found until no more.
 */
export function gateComponentsOf(files: RendererFile[], base: ReadonlySet<string>): Set<string> {
  const gates = new Set(base);
  for (let grew = true; grew;) {
    grew = false;
    for (const file of files) {
      const constants = constantsOf(file);
      visit(file.source, (node) => {
        if (!(ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) || !gates.has(tagName(node))) return;
        const attribute = procedureAttribute(node);
        const component = enclosingComponent(node);
        if (!attribute?.initializer || literalsOf(attribute.initializer, constants).length || !component || gates.has(component)) return;
        gates.add(component);
        grew = true;
      });
    }
  }
  return gates;
}

/** The procedures a file gates: `procedure=` of a gate component, and the first argument of a gate hook or function. */
export function gatedProceduresOf(file: RendererFile, gateComponents: ReadonlySet<string>, gateCalls: ReadonlySet<string>): Set<string> {
  const constants = constantsOf(file);
  const gated = new Set<string>();
  visit(file.source, (node) => {
    if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && gateComponents.has(tagName(node))) {
      const initializer = procedureAttribute(node)?.initializer;
      if (initializer) literalsOf(initializer, constants).forEach((name) => gated.add(name));
    }
    if (ts.isCallExpression(node) && gateCalls.has(calleeName(node) ?? '') && node.arguments[0])
      literalsOf(node.arguments[0], constants).forEach((name) => gated.add(name));
  });
  return gated;
}

/** The renderer files a file imports by a relative path, as paths relative to the renderer ('features/x/Y.tsx'). */
export function importedFilesOf(file: RendererFile, known: ReadonlySet<string>): Set<string> {
  const imported = new Set<string>();
  for (const statement of file.source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = statement.moduleSpecifier.text;
    if (!target.startsWith('.')) continue;
    const base = posix.normalize(posix.join(posix.dirname(file.path), target));
    const match = [`${base}.tsx`, `${base}.ts`, `${base}/index.tsx`, `${base}/index.ts`].find((candidate) => known.has(candidate));
    if (match) imported.add(match);
  }
  return imported;
}
