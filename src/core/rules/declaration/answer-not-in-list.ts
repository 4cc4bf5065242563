import { createRule, type Report } from '../rule';
import { isErrorValue } from '../../grid';
import { ANSWER_VOCABULARY } from '../../answers';
import { canonicalAnswer, cleanText } from '../../normalize';
import type { Field } from '../../model';
import { companyQuestionLabel, q, questionLabel, reportAt } from './common';

/** The scope dropdown's three values, the same in every family and version. */
export const SCOPE_VALUES = ['A. Company', 'B. Product (or List of Products)', "C. User defined [Specify in 'Description of scope']"] as const;

/**
 * Answers of the response-rate questions (a share of suppliers), as opposed to Yes/No-style answers. "Unknown" is
 * neither: the AMRT offers it in both kinds of question.
 */
const RATE_ANSWERS = new Set(['100%', 'Greater than 90%', 'Greater than 75%', 'Greater than 50%', '50% or less', 'None', 'Did not survey']);

/** Short answers the template's own formulas compare against ("=" in Excel ignores case, not spaces or punctuation). */
function isShortAnswer(canonical: string): boolean {
  return /^[\p{L}\p{N}% ]+$/u.test(canonical);
}

/**
 * Why a typed answer does not work although it is recognised: Excel's "=" ignores case but not stray spaces or
 * punctuation, so the template's formulas (the Checker, the questions that open up after Q1/Q2) miss it.
 */
function variantProblem(raw: string, canonical: string): string | null {
  if (raw !== raw.trim()) return 'it has spaces around it';
  if (isShortAnswer(canonical) && raw.toLowerCase() !== canonical.toLowerCase()) return 'it is not spelled exactly as the dropdown spells it';
  return null;
}

function checkAnswer(report: Report, f: Field, what: string, vocab: readonly string[], expectRate: boolean | null): void {
  const raw = f.raw;
  if (raw === null || isErrorValue(raw) || cleanText(raw) === null) return;
  const canonical = canonicalAnswer(raw, vocab);
  const shown = typeof raw === 'number' && raw > 0 && raw < 1 ? `${q(raw)} (${Math.round(raw * 1000) / 10}%)` : q(raw);
  if (canonical === null) {
    reportAt(report, f, {
      message: `The answer to ${what} is ${shown}, which is not one of the dropdown's answers.`,
      fix: expectRate
        ? `Choose the response rate from the dropdown (${[...RATE_ANSWERS].slice(0, 6).join(', ')}).`
        : 'Choose the answer from the cell\'s dropdown list instead of typing it; put any explanation in the comment.',
      data: { value: raw },
    });
    return;
  }
  const wrongKind = expectRate === true ? !RATE_ANSWERS.has(canonical) && canonical !== 'Unknown' : expectRate === false && RATE_ANSWERS.has(canonical);
  if (wrongKind) {
    reportAt(report, f, {
      message: `The answer to ${what} is ${q(canonical)}, which is not an answer to this question.`,
      fix: expectRate ? 'Choose the share of suppliers that responded from the dropdown (100%, Greater than 90%, ...).' : 'Choose the answer from the cell\'s dropdown list.',
      data: { value: raw, canonical },
    });
    return;
  }
  if (typeof raw !== 'string') return;
  const problem = variantProblem(raw, canonical);
  if (problem) {
    reportAt(report, f, {
      severity: 'warning',
      message: `The answer to ${what} ${q(raw)} reads as ${q(canonical)}, but ${problem}, so the template's own formulas do not recognise it.`,
      fix: `Choose ${q(canonical)} from the dropdown.`,
      data: { value: raw, canonical },
    });
  }
}

export default createRule({
  meta: {
    id: 'declaration/answer-not-in-list',
    severity: 'error',
    doc:
      'Dropdown cells on the Declaration sheet (the declaration scope, the per-metal questions and the company-level ' +
      'questions) only take the dropdown\'s answers, but a pasted or typed value bypasses the list. This rule reports ' +
      'answers that are not one of the family\'s dropdown answers ("Y", "N/A", "partially", "95%") and answers of the ' +
      'wrong kind (a percentage outside the response-rate question, Yes/No in it) as errors. An answer that is ' +
      'recognised but not spelled as the dropdown spells it ("No " with a trailing space, "Product" for "B. Product (or ' +
      'List of Products)") is a warning: this tool reads it, but the template\'s own formulas and the Checker compare ' +
      'the exact text and miss it.',
  },
  check(ctx, report) {
    const d = ctx.declaration;
    const vocab = ANSWER_VOCABULARY[d.template.family];
    const scope = d.company.declarationScope;
    const raw = scope.raw;
    if (raw !== null && !isErrorValue(raw) && cleanText(raw) !== null) {
      const text = String(raw);
      const exact = SCOPE_VALUES.find((v) => v.toLowerCase() === text.toLowerCase());
      if (!exact) {
        const meant = d.company.scope === 'company' ? SCOPE_VALUES[0] : d.company.scope === 'product' ? SCOPE_VALUES[1] : d.company.scope === 'user-defined' ? SCOPE_VALUES[2] : null;
        reportAt(report, scope, meant
          ? {
            severity: 'warning',
            message: `The declaration scope ${q(text)} reads as ${q(meant)}, but it is not the dropdown's text, so the template's own formulas do not recognise it.`,
            fix: `Choose ${q(meant)} from the dropdown.`,
            data: { value: raw, canonical: meant },
          }
          : {
            message: `The declaration scope ${q(text)} is not one of the dropdown's values.`,
            fix: `Choose the scope from the dropdown: ${SCOPE_VALUES.join(', ')}.`,
            data: { value: raw },
          });
      }
    }
    for (const m of d.answers) {
      const numbers = Object.keys(m.answers).map(Number).sort((a, b) => a - b);
      for (const n of numbers) {
        const topic = m.topics[n] ?? '';
        checkAnswer(report, m.answers[n]!, `${questionLabel(n, topic)} for ${m.metal}`, vocab, topic === 'response-rate');
      }
    }
    for (const cq of d.companyQuestions) checkAnswer(report, cq.answer, companyQuestionLabel(cq), vocab, false);
  },
});
