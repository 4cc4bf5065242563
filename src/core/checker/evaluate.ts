/**
 * Evaluates a template's Checker, row by row, from a profile (profiles.ts), the layout and the raw cells: for each
 * Checker row its H value (0, 1 - a count for the uncounted "Smelter not listed" rows - or an error) and whether the
 * Checker's total sums it. Mirrors the formulas of docs/checker.md; comments name the template rows they stand for
 * (CMRT 6.5 numbering unless said otherwise).
 */
import { parseA1 } from '../grid';
import type { TemplateLayout } from '../layouts';
import type { CompanyFieldKey, Declaration, SmelterRow } from '../model';
import {
  and, concat, containsAt, countif, EMPTY, eq, eqAny, firstError, flag, gt, isBlank, isErr, isZero, len, not, or, REF,
  refValue, text, times, type XB, type XErr, type XV,
} from './excel';
import { CheckerSource, PRODUCT_LIST_B6 } from './inputs';
import type { CheckerProfile, Rows } from './profiles';

/** One Checker row, evaluated. */
export interface CheckerRow {
  /** The row's key as docs/checker-spec.json names it: "Declaration!D26", "Smelter List:slot1", ... */
  key: string;
  /** The item reported: the key, except a slot's smelter row, named by its mineral ("Smelter List:Cobalt"). */
  item: string;
  /** The Checker's total (its D2) sums this row. */
  inTotal: boolean;
  /** H: 0 complete or not needed, 1 (a count for an uncounted "Smelter not listed" row) incomplete, or an error text. */
  h: number | string;
  sheet: string;
  cell: string | null;
  row: number | null;
  message: string;
}

const PRODUCT_SCOPE = 'B. Product (or List of Products)';
const COMPANY_SCOPE = 'A. Company';
const NOT_LISTED = 'Smelter not listed';

const COMPANY_LABELS: Partial<Record<CompanyFieldKey, string>> = {
  companyName: 'company name', declarationScope: 'declaration scope', contactName: 'contact name', contactEmail: 'contact email',
  contactPhone: 'contact phone', authorizerName: 'authorizer', authorizerEmail: 'authorizer email', effectiveDate: 'effective date',
};

/** A metal (CMRT, EMRT 1.x, CRT) or a mineral slot (EMRT 2.x, AMRT) with its question cells and necessities. */
interface Unit {
  /** Metal or mineral name ("slot3" for an empty slot). */
  name: string;
  /** Checker A of the Q1 row for a slot (label "Cobalt(*)", "" or an error); null for a fixed metal. */
  label: XV | null;
  /** Declaration!AA of the slot (EMRT 2.x smelter row A), and the AMRT smelter/Q2 label `IF(ISERROR(AA),"",AA&"")`. */
  aa: XV;
  plain: string;
  /** Question number -> answer cell. */
  cells: Map<number, string>;
  slot: number | null;
  f: Map<number, number | XErr>;
}

function sliceRows<T extends { row: number }>(rows: readonly T[], range: Rows): T[] {
  return range ? rows.filter((r) => r.row >= range[0] && r.row <= range[1]) : rows.slice();
}

function hValue(v: number | XErr): number | string {
  return isErr(v) ? v.error : v;
}

export function evaluateChecker(declaration: Declaration, layout: TemplateLayout): CheckerRow[] {
  return new Evaluation(declaration, layout).run();
}

class Evaluation {
  private readonly src: CheckerSource;
  private readonly p: CheckerProfile;
  private readonly rows: CheckerRow[] = [];
  private readonly sheet: string;
  private readonly smelters: SmelterRow[];

  constructor(private readonly d: Declaration, private readonly layout: TemplateLayout) {
    this.src = new CheckerSource(d, layout);
    this.p = this.src.profile;
    this.sheet = layout.declaration.sheet;
    this.smelters = d.smelters;
  }

  private push(key: string, inTotal: boolean, h: number | XErr, message: string, where: { item?: string; sheet?: string; cell?: string | null; row?: number | null } = {}): void {
    const isDecl = key.startsWith(`${this.sheet}!`);
    const cell = where.cell !== undefined ? where.cell : isDecl ? key.slice(this.sheet.length + 1).split(':')[0]! : null;
    this.rows.push({
      key,
      item: where.item ?? key,
      inTotal,
      h: hValue(h),
      sheet: where.sheet ?? (isDecl ? this.sheet : key.split(/[:!]/)[0]!),
      cell,
      row: where.row !== undefined ? where.row : cell ? parseA1(cell).row : null,
      message: isErr(h) ? `The template's own Checker shows ${h.error} for this item: ${message}` : message,
    });
  }

  /** `=Declaration!X` as a Checker B cell holds it (an empty cell gives 0). */
  private ref(address: string): XV {
    return refValue(this.src.decl(address));
  }

  run(): CheckerRow[] {
    const units = this.units();
    this.company();
    const gate = this.questions(units);
    this.companyQuestions(units, gate);
    this.productList();
    this.smelterRows(units);
    this.notListed();
    return this.rows;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Company fields, scope description, minerals in scope (rows 4-12; EMRT 2.x/AMRT rows 7-8)

  private company(): void {
    const c = this.layout.declaration.company;
    const field = (key: CompanyFieldKey) => {
      const v = this.ref(c[key]);
      const email = key === 'contactEmail' || key === 'authorizerEmail';
      const g = email ? (containsAt(v) ? 0 : 1) : flag(isZero(v));
      this.push(`${this.sheet}!${c[key]}`, true, g, email ? `Provide a valid ${COMPANY_LABELS[key]} (the Checker needs an "@").` : `Provide the ${COMPANY_LABELS[key]}.`);
    };
    field('companyName');
    field('declarationScope');
    const scope = this.ref(c.declarationScope);
    const fDesc = flag(not(or(eq(scope, COMPANY_SCOPE), eq(scope, PRODUCT_SCOPE), eq(scope, 0))));
    this.push(`${this.sheet}!${c.scopeDescription}`, true, times(fDesc, flag(isZero(this.ref(c.scopeDescription)))), 'Describe the user-defined scope (the scope is neither "A. Company" nor "B. Product (or List of Products)").');
    if (this.p.slots) {
      const first = this.slotValues()[0]!;
      const label = this.label(first);
      // G7 = IF(Declaration!B30<>"",0,1)
      this.push(`${this.sheet}!D12:I13`, true, flag(eq(label, '')), 'Select at least one mineral this declaration covers (Declaration D12:I13).', { cell: 'D12', row: 12 });
    }
    const o = this.p.otherMinerals;
    if (o) {
      const selected = countif(o.selection.map((a) => this.src.decl(a)), o.text) as number;
      const named = countif(o.names.map((a) => this.src.decl(a)), '*') as number;
      this.push(`${this.sheet}!D15:I16`, true, selected > 0 && selected !== named ? 1 : 0, `Name each mineral selected as "${o.text}" in the cell below its selection (D15:I16), one name per such selection.`, { cell: 'D15', row: 15 });
    }
    for (const key of ['contactName', 'contactEmail', 'contactPhone', 'authorizerName', 'authorizerEmail', 'effectiveDate'] as const) field(key);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Minerals: fixed metals, or the template's sorted, de-duplicated selection (Declaration P12:AA21)

  private slotCache: XV[] | null = null;

  /** Declaration AA12:AA21 as the template computes them from the selection (exact Excel/LibreOffice semantics). */
  private slotValues(): XV[] {
    if (this.slotCache) return this.slotCache;
    const s = this.p.slots!;
    if (!this.src.exact) {
      const names: XV[] = this.d.mineralsInScope.slice(0, s.sources.length);
      while (names.length < s.sources.length) names.push('');
      return (this.slotCache = names);
    }
    // P: each selection cell, blank -> "", a special choice -> its "other" cell (or #REF! in AMRT 1.2).
    const p: XV[] = s.sources.map((src) => {
      const sel = this.src.decl(src.cell);
      if (isBlank(sel)) return '';
      if (!src.special) return sel;
      const hit = eq(sel, src.special.text);
      if (isErr(hit)) return hit;
      if (!hit) return sel;
      if ('ref' in src.special) return REF;
      const other = this.src.decl(src.special.other);
      return isBlank(other) ? '' : other;
    });
    // Q..Z: ten phases of an odd-even transposition sort, empties last (`IF(P13="",P12,IF(P12="",P13,IF(P12>P13,P13,P12)))`).
    const top = (a: XV, b: XV): XV => {
      const e1 = eq(b, '');
      if (isErr(e1)) return e1;
      if (e1) return a;
      const e2 = eq(a, '');
      if (isErr(e2)) return e2;
      if (e2) return b;
      const g = gt(a, b);
      return isErr(g) ? g : g ? b : a;
    };
    const bottom = (a: XV, b: XV): XV => {
      const e1 = eq(b, '');
      if (isErr(e1)) return e1;
      if (e1) return b;
      const e2 = eq(a, '');
      if (isErr(e2)) return e2;
      if (e2) return a;
      const g = gt(a, b);
      return isErr(g) ? g : g ? a : b;
    };
    let z = p;
    for (let phase = 0; phase < 10; phase++) {
      const next = z.slice();
      for (let i = phase % 2; i + 1 < z.length; i += 2) {
        next[i] = top(z[i]!, z[i + 1]!);
        next[i + 1] = bottom(z[i]!, z[i + 1]!);
      }
      z = next;
    }
    // AA: `IFNA(INDEX(Z, MATCH(0, COUNTIF(AA$12:AAn-1, Z), 0)), "")` - the first Z value not yet taken.
    const aa: XV[] = [z[0]!];
    for (let n = 1; n < z.length; n++) {
      const k = z.findIndex((v) => countif(aa, v) === 0);
      aa.push(k < 0 ? '' : z[k]!);
    }
    return (this.slotCache = this.excelOrder(aa));
  }

  /**
   * Texts compare the same way in Excel and LibreOffice for Latin names, not for CJK ones (Excel orders Chinese by
   * pinyin). When the workbook's cached AA12:AA21 (last computed by Excel) name exactly the computed minerals, keep
   * their order; the set is always the computed one.
   */
  private excelOrder(aa: XV[]): XV[] {
    const names = aa.filter((v) => !isErr(v) && v !== '' && v !== EMPTY);
    if (names.length !== aa.filter((v) => v !== '').length || names.length < 2) return aa;
    const key = (v: XV) => String(text(v)).toLowerCase();
    const cached = this.p.slots!.cached.map((a) => this.src.decl(a)).filter((v) => !isErr(v) && v !== '' && v !== EMPTY);
    if (cached.length !== names.length) return aa;
    const byKey = new Map<string, XV>(names.map((v): [string, XV] => [key(v), v]));
    if (byKey.size !== names.length || !cached.every((v) => byKey.has(key(v)))) return aa;
    const ordered: XV[] = cached.map((v) => byKey.get(key(v))!);
    return [...ordered, ...aa.slice(ordered.length)];
  }

  /** The Q1 label of a slot: `IF(COUNTBLANK(AA12),"",AA12&"(*)")`. */
  private label(aa: XV): XV {
    if (aa === '' || aa === EMPTY) return '';
    return concat(aa, '(*)') as XV;
  }

  private units(): Unit[] {
    const qs = this.layout.declaration.questions;
    if (!this.p.slots) {
      return this.layout.declaration.minerals.map((metal) => {
        const cells = new Map<number, string>();
        for (const q of qs) for (const s of q.slots) if (s.metal === metal) cells.set(q.number, s.answerCell);
        return { name: metal, label: null, aa: metal, plain: metal, cells, slot: null, f: new Map() };
      });
    }
    const aa = this.slotValues();
    const out: Unit[] = [];
    for (let i = 0; i < this.p.slots.checked; i++) {
      const v = aa[i] ?? '';
      const cells = new Map<number, string>();
      for (const q of qs) {
        const s = q.slots.find((x) => x.slot === i);
        if (s) cells.set(q.number, s.answerCell);
      }
      const plain = isErr(v) ? '' : (text(v) as string);
      out.push({ name: plain || `slot${i + 1}`, label: this.label(v), aa: v, plain, cells, slot: i, f: new Map() });
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Questions 1..n per metal or slot (rows 14-52), with the leftover rows; returns the company-question gate

  private questions(units: Unit[]): number | XErr {
    const p = this.p;
    const numbers = this.layout.declaration.questions.map((q) => q.number).sort((a, b) => a - b);
    for (const u of units) {
      const q1 = u.cells.has(1) ? this.ref(u.cells.get(1)!) : 0;
      const q2 = u.cells.has(2) ? this.ref(u.cells.get(2)!) : 0;
      const empty: XB = u.label === null ? false : eq(u.label, '');
      u.f.set(1, flag(not(empty)));
      u.f.set(2, flag(not(or(empty, eqAny(q1, p.q2Unless)))));
      if (p.q3Unless) {
        // CMRT compares the gated Q2 (B19 = IF($B$14="Yes",D32,0)).
        let q2b: XV = q2;
        if (p.gatedAnswers) {
          const y = eq(q1, 'Yes');
          q2b = isErr(y) ? y : y ? q2 : 0;
        }
        u.f.set(3, flag(not(or(empty, eqAny(q1, p.q3Unless.q1), eqAny(q2b, p.q3Unless.q2)))));
      } else {
        u.f.set(3, u.f.get(2)!);
      }
    }
    const stubs = p.stubs.metals.map((s) => {
      const q1 = this.ref(s.cells[1]!);
      return { s, gated: flag(not(eq(q1, 'No'))) };
    });
    const fOf = (u: Unit, n: number) => u.f.get(Math.min(n, 3))!;
    for (const n of numbers) {
      const uncounted = p.uncountedQuestions.includes(n);
      for (const u of units) {
        const cell = u.cells.get(n);
        if (!cell) continue;
        let b: XV = this.ref(cell);
        if (p.gatedAnswers && n >= 2) {
          // Q2: IF($B$14="Yes",D32,0); Q3+: IF(AND($B$14="Yes",$B$19="Yes"),D38,0) with B19 the gated Q2.
          const q1y = eq(this.ref(u.cells.get(1)!), 'Yes');
          const q2b: XV = isErr(q1y) ? q1y : q1y ? this.ref(u.cells.get(2)!) : 0;
          const ok = n === 2 ? q1y : and(q1y, eq(q2b, 'Yes'));
          b = isErr(ok) ? ok : ok ? b : 0;
        }
        const g = flag(isZero(b));
        const forMetal = u.slot === null || u.plain ? ` for ${u.plain || u.name}` : ` for mineral slot ${u.slot + 1}`;
        if (uncounted) {
          // AMRT question 2: F = 0, H = IF(A="",0,G) with A = IF(ISERROR(AA),"",AA&"").
          const h = u.plain === '' ? 0 : g;
          this.push(`${this.sheet}!${cell}`, false, h, `Answer question ${n}${forMetal} (the template's Checker shows it but leaves it out of its count).`);
        } else {
          this.push(`${this.sheet}!${cell}`, true, times(fOf(u, n), g), `Answer question ${n}${forMetal}.`);
        }
      }
      for (const { s, gated } of stubs) {
        const cell = s.cells[n];
        if (!cell) continue;
        const f = n === 1 ? 1 : n >= p.stubs.firstGated ? gated : 0;
        this.push(`${this.sheet}!${cell}`, true, times(f, flag(isZero(this.ref(cell)))), `Answer question ${n} for ${s.metal} in the template's hidden leftover row (the template ships with "${s.q1Default}" in ${s.cells[1]}).`);
      }
    }
    // Company questions: `IF(SUM(F$24:F$27)=0,0,1)` over the gate question's rows.
    const fs: (number | XErr)[] = units.map((u) => fOf(u, p.companyGate));
    if (p.stubs.inCompanyGate) for (const { gated } of stubs) fs.push(gated);
    const err = firstError(fs);
    if (err) return err;
    return (fs as number[]).some((f) => f !== 0) ? 1 : 0;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Company questions (rows 54-63), the policy-URL comment and the "other format" description

  private companyQuestions(units: Unit[], gate: number | XErr): void {
    const p = this.p;
    for (const q of this.layout.declaration.companyQuestions) {
      let f: number | XErr = gate;
      let forMetal = '';
      if (q.slot !== undefined) {
        const u = q.metal ? units.find((x) => x.name === q.metal) : units[q.slot];
        if (!u) continue; // EMRT 2.x: slots 7-10 have no Checker rows
        f = u.slot === null ? times(u.f.get(3)!, gate) : u.f.get(3)!;
        forMetal = u.plain ? ` for ${u.plain}` : ` for mineral slot ${(u.slot ?? 0) + 1}`;
      }
      const answer = this.ref(q.answerCell);
      let b: XV = answer;
      let message = `Answer company question ${q.id}${forMetal}.`;
      const o = p.otherFormat;
      if (o && o.id === q.id) {
        const keep = or(...o.keep.map((k) => eq(this.src.decl(q.answerCell), k)));
        const describe = eq(this.src.decl(q.answerCell), o.describe);
        b = isErr(keep) ? keep : keep ? answer : isErr(describe) ? describe : describe ? this.ref(q.commentCell) : 0;
        message = `Answer company question ${q.id}; with "${o.describe}" describe the format in its comment (${q.commentCell}).`;
      }
      this.push(`${this.sheet}!${q.answerCell}`, true, times(f, flag(isZero(b))), message);
      if (p.urlComments.includes(q.id)) {
        // IF(AND(F55=1,B55="Yes"),1,0)
        const fUrl = flag(and(isErr(f) ? f : f === 1, eq(answer, 'Yes')));
        const l = len(this.ref(q.commentCell));
        const g = isErr(l) ? l : l > 1 ? 0 : 1;
        this.push(`${this.sheet}!${q.commentCell}`, true, times(fUrl, g), `Give the URL of the published policy in the comment of company question ${q.id} (${q.commentCell}).`);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Product List (row 64): required for a product scope, complete when 'Product List'!B6 is not empty

  private productList(): void {
    const f = flag(eq(this.ref(this.layout.declaration.company.declarationScope), PRODUCT_SCOPE));
    const g = flag(eq(this.src.cell(PRODUCT_LIST_B6), ''));
    const sheet = PRODUCT_LIST_B6.split('!')[0]!;
    this.push('Product List', true, times(f, g), 'List the products this declaration covers on the Product List, starting in its first row (B6).', { sheet, cell: 'B6', row: 6 });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Smelter List per metal or slot (rows 65-68)

  private smelterRows(units: Unit[]): void {
    const p = this.p;
    const s = p.smelter;
    const list = this.layout.smelterList.sheet;
    const metalRows = sliceRows(this.smelters, s.metalRows);
    const keyRows = sliceRows(this.smelters, s.keyRows);
    const metals = metalRows.map((r) => this.src.smelter(r, 'metal'));
    for (const u of units) {
      const key = u.slot === null ? `Smelter List:${u.name}` : `Smelter List:slot${u.slot + 1}`;
      const item = `Smelter List:${u.name}`;
      const where = { item, sheet: list, cell: null, row: null };
      const what = u.plain || `mineral slot ${(u.slot ?? 0) + 1}`;
      if (s.mode === 'prefix') {
        const hasMetal = (countif(metals, u.name) as number) > 0;
        const keys = keyRows.map((r) => concat(this.src.smelter(r, 'metal'), this.src.smelter(r, 'lookup')) as XV);
        const hasKey = (countif(keys, `${u.name}?*`) as number) > 0;
        this.push(key, true, times(u.f.get(3)!, hasMetal && hasKey ? 0 : 1), `List the smelters for ${what} on the Smelter List (metal and smelter look-up).`, where);
      } else if (s.mode === 'slot') {
        const a = u.aa;
        const n1 = countif(metals, a);
        const keys = keyRows.map((r): XV => {
          const c = eq(this.src.smelter(r, 'lookup'), '');
          return isErr(c) ? c : c ? '' : refValue(this.src.smelter(r, 'metal'));
        });
        const n2 = countif(keys, a);
        const g = isErr(n1) ? n1 : isErr(n2) ? n2 : n1 > 0 && n2 > 0 ? 0 : 1;
        this.push(key, true, times(u.f.get(3)!, g), `List the smelters for ${what} on the Smelter List (metal and smelter look-up).`, where);
      } else if (s.mode === 'crt') {
        // H57 = IF(AND(OR(D26="Yes",D32="Yes"),COUNTIF(metal,"Cobalt")<1),1*K57,0*K57), K57 = IF(H15>0,1,0).
        const q1 = this.src.decl(u.cells.get(1)!);
        const q2 = this.src.decl(u.cells.get(2)!);
        const k = flag(isZero(refValue(q1)));
        const cond = and(or(eq(q1, 'Yes'), eq(q2, 'Yes')), (countif(metals, u.name) as number) < 1);
        const h = isErr(cond) ? cond : times(cond ? 1 : 0, k);
        this.push(key, true, h, `List the smelters for ${what} on the Smelter List, or answer question 1 for ${what} (the template's Checker asks only while question 1 is empty).`, where);
      } else {
        // AMRT: K = COUNTIF(helper, A&"+"), helper = IF(OR(ISBLANK(x),ISBLANK(y)),"",metal&"+").
        const [c1, c2] = s.check!;
        const helper = metalRows.map((r): XV => (isBlank(this.src.smelter(r, c1!)) || isBlank(this.src.smelter(r, c2!)) ? '' : concat(this.src.smelter(r, 'metal'), '+')));
        const q1 = u.cells.has(1) ? this.ref(u.cells.get(1)!) : 0;
        const f = flag(not(or(eq(u.plain, ''), eqAny(q1, p.q2Unless))));
        const k = countif(helper, `${u.plain}+`);
        const g = isErr(k) ? k : k < 1 ? 1 : 0;
        const cols = s.check!.includes('lookup') ? 'metal, smelter look-up and country' : 'metal, smelter name and country';
        this.push(key, true, times(f, g), `List the smelters for ${what} on the Smelter List (${cols}).`, where);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // "Smelter not listed" (row 69): a name (D) and a country (E) on every such row

  private notListed(): void {
    const n = this.p.notListed;
    if (!n) return;
    const list = this.layout.smelterList.sheet;
    const nameCol = this.layout.smelterList.columns.name ?? 'D';
    const fRows = sliceRows(this.smelters, n.fRows);
    const f = (countif(fRows.map((r) => this.src.smelter(r, 'lookup')), NOT_LISTED) as number) > 0 ? 1 : 0;
    const gRows = sliceRows(this.smelters, n.gRows);
    const bad: number[] = [];
    let g: number | XErr;
    if (n.counted) {
      // OR(SUMPRODUCT((C="Smelter not listed")*(D=""))>0, SUMPRODUCT((C="Smelter not listed")*(E=""))>0)
      let err: XErr | null = null;
      for (const r of gRows) {
        const c = eq(this.src.smelter(r, 'lookup'), NOT_LISTED);
        const dEmpty = eq(this.src.smelter(r, 'name'), '');
        const eEmpty = eq(this.src.smelter(r, 'country'), '');
        err ??= [c, dEmpty, eEmpty].find(isErr) ?? null;
        if (c === true && (dEmpty === true || eEmpty === true)) bad.push(r.row);
      }
      g = err ?? (bad.length ? 1 : 0);
    } else {
      // G = SUM(X5:X2497), X = IF(AND(C="Smelter not listed",OR(LEN(D)=0,LEN(E)=0)),1,0): outside the total.
      let err: XErr | null = null;
      for (const r of gRows) {
        const ln = len(this.src.smelter(r, 'name'));
        const lc = len(this.src.smelter(r, 'country'));
        const x = and(eq(this.src.smelter(r, 'lookup'), NOT_LISTED), or(isErr(ln) ? ln : ln === 0, isErr(lc) ? lc : lc === 0));
        if (isErr(x)) err ??= x;
        else if (x) bad.push(r.row);
      }
      g = err ?? bad.length;
    }
    const first = bad[0] ?? null;
    const message = `Give the name and country of every "Smelter not listed" row (${bad.length} row(s)${first ? `, first at row ${first}` : ''}).`;
    this.push('Smelter List:not-listed', n.counted, times(f, g), n.counted ? message : `${message} The template's Checker shows this without counting it.`, { sheet: list, cell: first ? `${nameCol}${first}` : null, row: first });
  }
}
