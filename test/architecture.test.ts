/**
 * The core boundary: src/core is pure domain code that both hosts (the Excel add-in and the Node CLI) share. It must
 * not import Office.js, React/Fluent, Node built-ins or the host layers (src/excel, src/taskpane, src/cli), nor touch
 * host globals (window, document, Office, Excel, navigator, localStorage, process, Buffer, require).
 *
 * ESLint enforces the same rules (eslint.config.mjs); this test uses the TypeScript compiler, so it also sees type-only
 * references (Excel.Range), `import('x')` types, triple-slash references and globals reached through globalThis.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { builtinModules } from 'module';
import { tmpdir } from 'os';
import { dirname, join, relative, resolve, sep } from 'path';
import ts from 'typescript';

const ROOT = join(__dirname, '..');

const FORBIDDEN_GLOBALS = new Set(['window', 'document', 'Office', 'Excel', 'navigator', 'localStorage', 'process', 'Buffer', 'require']);
/** Host layers that core must not import, relative to src/. */
const FORBIDDEN_LAYERS = ['excel', 'taskpane', 'cli'];
const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));
const FORBIDDEN_PACKAGES = [/^react(\/|$)/, /^react-dom(\/|$)/, /^@fluentui\//, /^office-js(\/|$)/, /^@microsoft\/office-js(\/|$)/, /^@types\/office-js/, /^office-addin-/];

interface Violation {
  file: string;
  line: number;
  rule: 'import' | 'global' | 'reference';
  detail: string;
}

function listSources(dir: string): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listSources(full));
    else if (/\.(ts|tsx|mts|cts)$/.test(name)) out.push(full);
  }
  return out.sort();
}

/** Why a module specifier is forbidden in core, or null when it is fine. */
function forbiddenSpecifier(spec: string, fromFile: string, srcDir: string): string | null {
  if (spec.startsWith('node:')) return 'Node built-in';
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = relative(srcDir, resolve(dirname(fromFile), spec)).split(sep);
    if (target[0] !== '..' && FORBIDDEN_LAYERS.includes(target[0] ?? '')) return `host layer src/${target[0]}`;
    return null;
  }
  const parts = spec.split('/');
  const pkg = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  if (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(pkg)) return 'Node built-in';
  if (FORBIDDEN_PACKAGES.some((re) => re.test(spec))) return 'host library (Office.js / React / Fluent)';
  if (/^src\/(excel|taskpane|cli)(\/|$)/.test(spec)) return `host layer ${spec}`;
  return null;
}

/** Identifier positions that name a property or member rather than reference a variable. */
function isNameNotReference(node: ts.Identifier): boolean {
  const p = node.parent;
  if (!p) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === node) return true;
  if (ts.isQualifiedName(p) && p.right === node) return true;
  if (ts.isPropertyAssignment(p) && p.name === node) return true;
  if ((ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p)) && p.name === node) return true;
  if ((ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p)) && p.name === node) return true;
  if (ts.isEnumMember(p) && p.name === node) return true;
  if (ts.isBindingElement(p) && p.propertyName === node) return true;
  if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === node) return true;
  if (ts.isJsxAttribute(p) && p.name === node) return true;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return true;
  if (ts.isTypeElement(p) && p.name === node) return true;
  return false;
}

/** Runs the boundary checks over every TypeScript file in coreDir (srcDir is the src/ that holds it). */
function checkCore(coreDir: string, srcDir: string): { files: string[]; violations: Violation[] } {
  const files = listSources(coreDir);
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    // No DOM lib and no @types: a host global then resolves to nothing (or to a declaration outside src/core),
    // while a local of the same name resolves to its declaration in src/core. Also keeps this check fast.
    lib: ['lib.es2022.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const inCore = (fileName: string): boolean => !relative(coreDir, fileName).startsWith('..');
  const violations: Violation[] = [];

  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`TypeScript did not load ${file}`);
    const rel = relative(ROOT, file).split(sep).join('/');
    const lineOf = (n: ts.Node): number => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    const report = (n: ts.Node | number, rule: Violation['rule'], detail: string): void => {
      const line = typeof n === 'number' ? sf.getLineAndCharacterOfPosition(n).line + 1 : lineOf(n);
      violations.push({ file: rel, line, rule, detail });
    };
    const checkSpecifier = (n: ts.Node, spec: string): void => {
      const why = forbiddenSpecifier(spec, file, srcDir);
      if (why) report(n, 'import', `"${spec}" (${why})`);
    };

    for (const ref of sf.typeReferenceDirectives) report(ref.pos, 'reference', `/// <reference types="${ref.fileName}" />`);
    for (const ref of sf.libReferenceDirectives) {
      if (/dom|webworker|scripthost/i.test(ref.fileName)) report(ref.pos, 'reference', `/// <reference lib="${ref.fileName}" />`);
    }
    for (const ref of sf.referencedFiles) checkSpecifier(sf, ref.fileName);

    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        checkSpecifier(node, node.moduleSpecifier.text);
      } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
        const e = node.moduleReference.expression;
        if (ts.isStringLiteral(e)) checkSpecifier(node, e.text);
      } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0]!)) {
        const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
        const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
        if (isImport || isRequire) checkSpecifier(node, (node.arguments[0] as ts.StringLiteralLike).text);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        checkSpecifier(node, node.argument.literal.text);
      }

      // globalThis.process, globalThis['window'], self.document, ...
      if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
        const target = node.expression;
        const name = ts.isPropertyAccessExpression(node)
          ? node.name.text
          : ts.isStringLiteralLike(node.argumentExpression)
            ? node.argumentExpression.text
            : undefined;
        if (name && FORBIDDEN_GLOBALS.has(name) && ts.isIdentifier(target) && ['globalThis', 'self', 'global'].includes(target.text)) {
          const sym = checker.getSymbolAtLocation(target);
          if (!sym || !(sym.declarations ?? []).some((d) => inCore(d.getSourceFile().fileName))) {
            report(node, 'global', `${target.text}.${name}`);
          }
        }
      }

      if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && !isNameNotReference(node)) {
        const p = node.parent;
        // A declaration of a local with that name is fine (and so are its uses, which resolve to it).
        const declaresIt =
          p !== undefined &&
          (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p) ||
            ts.isInterfaceDeclaration(p) || ts.isTypeAliasDeclaration(p) || ts.isEnumDeclaration(p) || ts.isModuleDeclaration(p) ||
            ts.isBindingElement(p) || ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) ||
            ts.isTypeParameterDeclaration(p) || ts.isFunctionExpression(p) || ts.isClassExpression(p)) &&
          (p as ts.NamedDeclaration).name === node;
        if (!declaresIt) {
          const sym =
            p && ts.isShorthandPropertyAssignment(p) ? checker.getShorthandAssignmentValueSymbol(p) : checker.getSymbolAtLocation(node);
          const decls = sym?.declarations ?? [];
          // `declare const window: ...` in core does not count as a local.
          const ambient = (d: ts.Declaration): boolean =>
            d.getSourceFile().isDeclarationFile || (ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Ambient) !== 0;
          const local = decls.some((d) => inCore(d.getSourceFile().fileName) && !ambient(d));
          if (!local) report(node, 'global', node.text);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { files, violations };
}

const format = (v: Violation): string => `${v.file}:${v.line} ${v.rule}: ${v.detail}`;

describe('src/core stays pure', () => {
  test('no Office.js, React, DOM, Node or host-layer dependencies in src/core', () => {
    const { files, violations } = checkCore(join(ROOT, 'src', 'core'), join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(0);
    expect(violations.map(format)).toEqual([]);
  }, 60_000);
});

describe('the boundary check itself', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cmrt-arch-'));
    const write = (rel: string, text: string): void => {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    };
    write('src/excel/adapter.ts', 'export const adapter = 1;\n');
    write('src/taskpane/app.tsx', 'export const App = () => null;\n');
    write('src/cli/main.ts', 'export function main(): number { return 0; }\n');
    write('src/xlsx/read.ts', 'export const read = 1;\n');
    write(
      'src/core/bad.ts',
      [
        "import { readFileSync } from 'fs';", // 1
        "import * as path from 'node:path';", // 2
        "import { adapter } from '../excel/adapter';", // 3
        "import type { App } from '../taskpane/app';", // 4
        "export { main } from '../cli/main';", // 5
        "import { useState } from 'react';", // 6
        "import { Button } from '@fluentui/react-components';", // 7
        "import { promises } from 'fs/promises';", // 8
        'export const a = [readFileSync, path, adapter, useState, Button, promises] as unknown as App;', // 9
        'export const b = window.location.href + document.title + navigator.userAgent;', // 10
        'export const c = String(process.env.HOME) + Buffer.from("x").length + localStorage.length;', // 11
        'export const d = () => Excel.run(async () => undefined);', // 12
        'export const e = () => Office.onReady();', // 13
        "export const f = () => require('x');", // 14
        'export type G = Excel.Range;', // 15
        "export type H = import('worker_threads').Worker;", // 16
        'export const i = globalThis.process;', // 17
        "export const j = async () => import('child_process');", // 18
        'export const k = { process };', // 19
        'export const l = typeof window;', // 20
        'declare const Office: { context: unknown };', // 21
        'export const m = Office.context;', // 22
      ].join('\n'),
    );
    write(
      'src/core/good.ts',
      [
        "import { read } from '../xlsx/read';",
        "import { helper } from './util/helper';",
        'export function f(document: { title: string }, window = 1): string { return document.title + window + read + helper; }',
        'const process = (x: number) => x * 2;',
        'export const g = process(2);',
        'export const h = { window: 1, process: 2 };',
        'export const i = h.window + h.process;',
        'interface Ctx { navigator: string; Excel: number }',
        'export const j = (c: Ctx) => c.navigator + c.Excel;',
        'export const { document: doc } = { document: 1 };',
        'export const k = { process };',
      ].join('\n'),
    );
    write('src/core/util/helper.ts', 'export const helper = 1;\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let violations: Violation[];
  beforeAll(() => {
    violations = checkCore(join(dir, 'src', 'core'), join(dir, 'src')).violations;
  }, 60_000);

  test('finds every kind of violation', () => {
    const bad = violations.filter((v) => v.file.endsWith('src/core/bad.ts'));
    const lines = new Set(bad.map((v) => v.line));
    for (let line = 1; line <= 22; line++) {
      if (line === 9 || line === 21) continue; // 9 uses only imported bindings; 21 is the declaration
      expect([line, lines.has(line)]).toEqual([line, true]);
    }
    const details = bad.map((v) => v.detail).join(' ');
    for (const g of FORBIDDEN_GLOBALS) expect(details).toContain(g);
    expect(details).toContain('src/excel');
    expect(details).toContain('src/taskpane');
    expect(details).toContain('src/cli');
    expect(details).toContain('worker_threads');
  });

  test('allows local names that shadow globals, member names, and imports within core or from src/xlsx', () => {
    expect(violations.filter((v) => !v.file.endsWith('src/core/bad.ts')).map(format)).toEqual([]);
  });
});
