/**
 * ESLint-style rule tests: `testRule(rule, { valid, invalid })`. A valid case must produce no finding; an invalid
 * case must produce exactly the listed findings (in order), each checked on what it states (row, cell, severity,
 * message pattern, data subset).
 */
import type { Finding, Severity } from '../../src/core/model';
import { runRules, type Rule } from '../../src/core/rules/rule';
import type { ReviewReference } from '../../src/core/reference';
import { makeContext, type ContextInput } from './model-factory';

export interface ValidCase extends ContextInput {
  name: string;
}

export interface ExpectedFinding {
  row?: number | null;
  cell?: string | null;
  severity?: Severity;
  message?: RegExp | string;
  data?: Record<string, unknown>;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

export function findingsOf(rule: Rule<ReviewReference>, input: ContextInput): Finding[] {
  return runRules([rule], makeContext(input));
}

export function testRule(rule: Rule<ReviewReference>, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it('has a stable id and a doc paragraph', () => {
      expect(rule.meta.id).toMatch(/^smelter\/[a-z0-9-]+$/);
      expect(rule.meta.doc.length).toBeGreaterThan(80);
    });
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          expect(findingsOf(rule, c)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          const found = findingsOf(rule, c);
          expect(found).toHaveLength(c.errors.length);
          c.errors.forEach((e, i) => {
            const f = found[i]!;
            expect(f.rule).toBe(rule.meta.id);
            expect(f.sheet).toBe('Smelter List');
            if (e.row !== undefined) expect(f.row).toBe(e.row);
            if (e.cell !== undefined) expect(f.cell).toBe(e.cell);
            if (e.severity !== undefined) expect(f.severity).toBe(e.severity);
            if (e.message !== undefined) expect(f.message).toMatch(e.message);
            if (e.data !== undefined) expect(f.data).toMatchObject(e.data);
          });
        });
      }
    });
  });
}
