/**
 * The declaration and template rules on filled copies of real RMI templates (CMRT 6.5, CMRT 6.01, EMRT 2.1, CRT 2.2):
 * the same mistakes written at each template's own cells (taken from its layout, never hard-coded), read back with
 * the xlsx reader and the template reader; every finding must point at the exact cell and row.
 */
import { readXlsx } from '../../../src/xlsx/read';
import { NEEDED_SHEETS, readTemplate } from '../../../src/core/read';
import { parseA1 } from '../../../src/core/grid';
import type { QuestionTopic, TemplateLayout } from '../../../src/core/layouts/types';
import type { CompanyFieldKey, Family, Finding } from '../../../src/core/model';
import { runRules } from '../../../src/core/rules/rule';
import { DECLARATION_RULES } from '../../../src/core/rules/declaration';
import { fillTemplate, readTemplateBytes, type CellWrite } from '../../support/fill';
import { answerCell, companyQuestion, contextFor, layoutOf } from '../../support/declaration-grid';

interface Scenario {
  file: string;
  family: Family;
  version: string;
  /** EMRT/AMRT: the minerals selected at the top of the Declaration. */
  select?: string[];
  /** Metal answered "No" to Q1 and "Yes" to "remains" (families with a remains question). */
  contradict?: string;
  /** Metal whose answers claim an origin before the data is in. */
  early: string;
}

const SCENARIOS: Scenario[] = [
  { file: 'RMI_CMRT_6.5.xlsx', family: 'CMRT', version: '6.5', contradict: 'Tin', early: 'Gold' },
  { file: 'RMI_CMRT_6.01.xlsx', family: 'CMRT', version: '6.01', contradict: 'Tungsten', early: 'Tantalum' },
  { file: 'RMI_EMRT_2.1.xlsx', family: 'EMRT', version: '2.1', select: ['Mica', 'Cobalt'], contradict: 'Mica', early: 'Cobalt' },
  { file: 'RMI_CRT_2.2.xlsx', family: 'CRT', version: '2.2', early: 'Cobalt' },
];

const COMPANY: Partial<Record<CompanyFieldKey, string>> = {
  companyName: 'Acme Metals Co., Ltd.',
  declarationScope: 'A. Company',
  contactName: ' Jane  Doe',
  contactEmail: 'name,surname@acme-metals.com',
  contactPhone: '+1 555 0100',
  authorizerName: 'Same as above',
  authorizerTitle: 'Compliance Director',
  authorizerEmail: 'jane@acme-metals.com; john@acme-metals.com',
  authorizerPhone: '+1 555 0101',
  effectiveDate: '31/02/2024',
};

const EARLY: Partial<Record<QuestionTopic, string>> = {
  intentional: 'Yes', remains: 'Yes', 'covered-countries': 'No', cahra: 'No', recycled: 'Maybe',
  'response-rate': 'Greater than 50%', 'all-identified': 'Yes', 'all-reported': 'No',
};

function hasTopic(layout: TemplateLayout, topic: QuestionTopic): boolean {
  return layout.declaration.questions.some((q) => q.topic === topic);
}

function writesFor(s: Scenario, layout: TemplateLayout): CellWrite[] {
  const d = layout.declaration;
  const w: CellWrite[] = [];
  const put = (cell: string, value: string | number | null) => w.push({ sheet: d.sheet, cell, value });
  for (const [key, value] of Object.entries(COMPANY)) put(d.company[key as CompanyFieldKey], value);
  // The blank EMRT 2.1 comes with all six minerals selected: select exactly ours.
  d.mineralSelectionCells.forEach((cell, i) => put(cell, s.select?.[i] ?? null));
  if (s.contradict) {
    put(answerCell(layout, s.contradict, 'intentional', s.select), 'No');
    put(answerCell(layout, s.contradict, 'remains', s.select), 'Yes');
  }
  for (const [topic, value] of Object.entries(EARLY)) {
    if (hasTopic(layout, topic as QuestionTopic)) put(answerCell(layout, s.early, topic as QuestionTopic, s.select), value!);
  }
  put(companyQuestion(layout, 'policy').answerCell, 'No');
  put(companyQuestion(layout, 'survey').answerCell, 'Yes, using other format (describe)');
  return w;
}

function expectedFor(s: Scenario, layout: TemplateLayout): string[] {
  const d = layout.declaration;
  const at = (rule: string, cell: string) => `${rule}@${cell}`;
  const early = (topic: QuestionTopic) => answerCell(layout, s.early, topic, s.select);
  const out = [
    at('declaration/email-format', d.company.contactEmail),
    at('declaration/email-format', d.company.authorizerEmail),
    at('declaration/authorizer-placeholder', d.company.authorizerName),
    at('declaration/whitespace', d.company.contactName),
    at('declaration/effective-date', d.company.effectiveDate),
    at('declaration/answer-not-in-list', early('recycled')),
    at('declaration/all-identified-low-response', early('all-identified')),
    at('declaration/origin-before-data', early('cahra')),
    at('declaration/not-all-reported', early('all-reported')),
    at('declaration/other-format-no-description', companyQuestion(layout, 'survey').commentCell),
    at('declaration/policy-no', companyQuestion(layout, 'policy').answerCell),
  ];
  if (hasTopic(layout, 'covered-countries')) out.push(at('declaration/origin-before-data', early('covered-countries')));
  if (s.contradict) out.push(at('declaration/remains-without-intentional', answerCell(layout, s.contradict, 'remains', s.select)));
  if (s.version !== '6.5' && s.family === 'CMRT') out.push(at('template/outdated', d.versionCell));
  return out.sort();
}

describe.each(SCENARIOS)('$file', (s) => {
  const layout = layoutOf(s.family, s.version);
  let findings: Finding[];

  beforeAll(() => {
    const bytes = fillTemplate(readTemplateBytes(s.file), writesFor(s, layout));
    const { declaration, lookup } = readTemplate(readXlsx(bytes, { sheets: [...NEEDED_SHEETS], formulas: true }));
    expect(declaration.template).toMatchObject({ family: s.family, version: s.version, layoutVersion: s.version });
    findings = runRules(DECLARATION_RULES, contextFor(declaration, lookup));
  });

  it('reports each planted mistake at its cell, and nothing else', () => {
    expect(findings.map((f) => `${f.rule}@${f.cell}`).sort()).toEqual(expectedFor(s, layout));
  });

  it('gives every finding its sheet, row and fix', () => {
    for (const f of findings) {
      expect(f.sheet).toBe('Declaration');
      expect(f.row).toBe(parseA1(f.cell!).row);
      expect(f.fix).toEqual(expect.any(String));
    }
  });

  it('keeps the severities', () => {
    const sev = (rule: string, cell: string) => findings.find((f) => f.rule === rule && f.cell === cell)?.severity;
    const d = layout.declaration;
    expect(sev('declaration/email-format', d.company.contactEmail)).toBe('error');
    expect(sev('declaration/email-format', d.company.authorizerEmail)).toBe('warning');
    expect(sev('declaration/authorizer-placeholder', d.company.authorizerName)).toBe('error');
    expect(sev('declaration/whitespace', d.company.contactName)).toBe('info');
    expect(sev('declaration/effective-date', d.company.effectiveDate)).toBe('error');
    expect(sev('declaration/policy-no', companyQuestion(layout, 'policy').answerCell)).toBe('info');
  });
});

describe('RMI_CMRT_6.5.xlsx, filled correctly', () => {
  const layout = layoutOf('CMRT', '6.5');
  const d = layout.declaration;
  const read = (writes: CellWrite[]) => {
    const { declaration, lookup } = readTemplate(readXlsx(fillTemplate(readTemplateBytes('RMI_CMRT_6.5.xlsx'), writes), { sheets: [...NEEDED_SHEETS], formulas: true }));
    return runRules(DECLARATION_RULES, contextFor(declaration, lookup));
  };
  const good: CellWrite[] = [
    ...Object.entries({ ...COMPANY, contactName: 'Jane Doe', contactEmail: 'jane@acme-metals.com', authorizerName: 'John Roe', authorizerEmail: 'john@acme-metals.com' })
      .filter(([k]) => k !== 'effectiveDate')
      .map(([k, v]) => ({ sheet: 'Declaration', cell: d.company[k as CompanyFieldKey], value: v! })),
    { sheet: 'Declaration', cell: d.company.effectiveDate, value: 45413 }, // 01-May-2024 as an Excel date
    ...d.minerals.flatMap((m) => [
      { sheet: 'Declaration', cell: answerCell(layout, m, 'intentional'), value: 'Yes' },
      { sheet: 'Declaration', cell: answerCell(layout, m, 'remains'), value: 'Yes' },
      { sheet: 'Declaration', cell: answerCell(layout, m, 'covered-countries'), value: 'No' },
      { sheet: 'Declaration', cell: answerCell(layout, m, 'cahra'), value: 'No' },
      { sheet: 'Declaration', cell: answerCell(layout, m, 'recycled'), value: 'No' },
      { sheet: 'Declaration', cell: answerCell(layout, m, 'response-rate'), value: 1 }, // 100%, as the dropdown's number
      { sheet: 'Declaration', cell: answerCell(layout, m, 'all-identified'), value: 'Yes' },
      { sheet: 'Declaration', cell: answerCell(layout, m, 'all-reported'), value: 'Yes' },
    ]),
    ...d.companyQuestions.map((q) => ({
      sheet: 'Declaration', cell: q.answerCell,
      value: q.topic === 'survey' ? 'Yes, in conformance with IPC1755 (e.g., CMRT)' : q.topic === 'annual-filing' ? 'Yes, with the SEC' : 'Yes',
    })),
  ];

  it('gives no finding', () => {
    expect(read(good)).toEqual([]);
  });

  it('turns an error value in an input cell into template/read-notes at that cell', () => {
    const found = read([...good, { sheet: 'Declaration', cell: d.company.contactEmail, value: null, error: '#N/A' }]);
    expect(found.map((f) => ({ rule: f.rule, cell: f.cell, row: f.row, severity: f.severity }))).toEqual([
      { rule: 'template/read-notes', cell: d.company.contactEmail, row: parseA1(d.company.contactEmail).row, severity: 'warning' },
    ]);
  });
});
