/**
 * The answer vocabularies of each family, as the templates' hidden dropdown lists spell them (Declaration
 * rows below the form). Answers are stored in English whatever the display language. Supplier values are
 * matched against these case-, space- and punctuation-insensitively (see `canonicalAnswer`).
 */
import type { Family, ScopeKind } from './model';
import { answerKey, cleanText } from './normalize';
import type { CellValue } from './grid';

const PERCENT = ['100%', 'Greater than 90%', 'Greater than 75%', 'Greater than 50%', '50% or less', 'None'];

export const ANSWER_VOCABULARY: Record<Family, readonly string[]> = {
  CMRT: [
    'Yes', 'No', 'Unknown', ...PERCENT,
    'Yes, in conformance with IPC-1755 [e.g., CMRT]', 'Yes, using other format (describe)',
    'Yes, with the SEC', 'Yes, with the EU', 'Yes, with the SEC and the EU',
  ],
  EMRT: [
    'Yes', 'No', 'Unknown', 'Not declaring', 'Not applicable for this declaration', 'DRC only',
    'India and/or Madagascar only', ...PERCENT, 'Did not survey',
    'Yes, in conformance with IPC1755 (e.g. EMRT)', 'Yes, Extended Mineral Reporting Template',
    'Yes, using other format (describe)', 'Yes, cobalt only', 'Yes, natural mica only',
    'Yes, both cobalt and natural mica', 'Yes, when more processors are validated',
  ],
  CRT: [
    'Yes', 'No', 'Unknown', 'DRC or adjoining countries only', ...PERCENT,
    'Yes, in conformance with IPC1755 (e.g., CMRT)', 'Yes, CRT', 'Yes, Cobalt Reporting Template',
    'Yes, using other format (describe)',
  ],
  AMRT: ['Yes', 'No', 'Unknown', 'Not declaring', ...PERCENT, 'Did not survey'],
};

/** Answers meaning "yes, in another format": question E then needs a description in its comment. */
export function isOtherFormatAnswer(answer: string | null): boolean {
  return answer !== null && /other\s*format/i.test(answer);
}

/** The scope dropdown: "A. Company", "B. Product (or List of Products)", "C. User defined [...]". */
export function scopeKind(v: CellValue): ScopeKind | null {
  const t = cleanText(v);
  if (t === null) return null;
  const key = answerKey(t);
  if (/^a?company/.test(key) || key === 'a') return 'company';
  if (/^b?product/.test(key) || key === 'b') return 'product';
  if (/^c?userdefined/.test(key) || key === 'c') return 'user-defined';
  return null;
}
