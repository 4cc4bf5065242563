/**
 * `cmrt-review check --out DIR` end to end on real template files: copies of RMI_CMRT_6.5.xlsx filled in code
 * (test/support/fill.ts), read by the xlsx reader, reviewed, and followed up. In-process, through `main(argv, io)`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { historyIndex } from '../../src/core/reference/history';
import { chooseLayout } from '../../src/core/layouts';
import { fillTemplate, readTemplateBytes, templatesDir, type CellWrite } from '../support/fill';

const NOW = new Date('2026-07-01T09:30:00Z');
const layout = chooseLayout('CMRT', '6.5')!.layout;

function declarationWrites(scope: string, company = 'Acme Metals Ltd.'): CellWrite[] {
  const d = layout.declaration;
  const w = (cell: string, value: string | number | null): CellWrite => ({ sheet: d.sheet, cell, value });
  const c = d.company;
  const out: CellWrite[] = [
    w(c.companyName, company), w(c.declarationScope, scope), w(c.contactName, 'Jane Smith'), w(c.contactEmail, 'jane.smith@acme.example'),
    w(c.contactPhone, '+44 114 000 0000'), w(c.authorizerName, 'John Doe'), w(c.authorizerTitle, 'Compliance Manager'),
    w(c.authorizerEmail, 'john.doe@acme.example'), w(c.effectiveDate, 46173),
  ];
  for (const q of d.questions) {
    for (const s of q.slots) {
      const yes = s.metal === 'Tin' || s.metal === 'Gold';
      if (q.number === 1) out.push(w(s.answerCell, yes ? 'Yes' : 'No'));
      else if (yes) out.push(w(s.answerCell, q.topic === 'response-rate' ? '100%' : ['recycled', 'covered-countries', 'cahra'].includes(q.topic) ? 'No' : 'Yes'));
    }
  }
  for (const q of d.companyQuestions) {
    out.push(w(q.answerCell, 'Yes'));
    if (q.topic === 'policy-public') out.push(w(q.commentCell, 'https://acme.example/policy'));
  }
  return out;
}

function smelterWrites(ids: string[]): CellWrite[] {
  const t = layout.smelterList;
  const col = t.columns;
  const out: CellWrite[] = [];
  ids.forEach((id, i) => {
    const h = historyIndex().byId.get(id)![0]!;
    const r = t.firstRow + i;
    out.push(
      { sheet: t.sheet, cell: `${col.metal}${r}`, value: h.metal },
      { sheet: t.sheet, cell: `${col.lookup}${r}`, value: h.standardName },
      { sheet: t.sheet, cell: `${col.country}${r}`, value: h.country, keepFormula: true },
      { sheet: t.sheet, cell: `${col.id}${r}`, value: id, keepFormula: true },
      { sheet: t.sheet, cell: `${col.source}${r}`, value: 'RMI', keepFormula: true },
    );
  });
  return out;
}

const have = existsSync(join(templatesDir(), 'RMI_CMRT_6.5.xlsx'));
(have ? describe : describe.skip)('cmrt-review check --out DIR on filled CMRT 6.5 files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cmrt-followup-real-'));
    const blank = readTemplateBytes('RMI_CMRT_6.5.xlsx');
    writeFileSync(join(dir, 'Acme CMRT.xlsx'), fillTemplate(blank, [...declarationWrites('A. Company'), ...smelterWrites(['CID002763', 'CID001105', 'CID003185'])]));
    writeFileSync(join(dir, 'Clean.xlsx'), fillTemplate(blank, [...declarationWrites('A. Company', 'Clean Co.'), ...smelterWrites(['CID002763', 'CID001105'])]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the follow-up files for the file that needs them only', async () => {
    const out = join(dir, 'followup');
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await main(['check', '--out', out, join(dir, 'Acme CMRT.xlsx'), join(dir, 'Clean.xlsx')], { stdout: (s) => stdout.push(s), stderr: (s) => stderr.push(s), now: NOW });
    expect(stdout.join('')).toContain('Acme CMRT.xlsx: CMRT 6.5');
    expect(code).not.toBe(2);
    expect(readdirSync(out).sort()).toEqual(['Acme CMRT.followup.csv', 'Acme CMRT.followup.txt']);
    const txt = readFileSync(join(out, 'Acme CMRT.followup.txt'), 'utf8');
    expect(txt.split('\n')[0]).toBe('Subject: Your CMRT 6.5 (Acme Metals Ltd.): product-level information on 1 smelter(s)');
    expect(txt).toContain('Thank you for the CMRT you sent us for Acme Metals Ltd. (template version 6.5, scope: A. Company, effective date 2026-05-31).');
    expect(txt).toContain('African Gold Refinery (CID003185) · Gold · UGANDA');
    expect(txt).toContain('We would be grateful for your reply by 2026-07-31.');
    const csv = readFileSync(join(out, 'Acme CMRT.followup.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFSmelter List row,')).toBe(true);
    expect(csv).toContain(',African Gold Refinery,CID003185,UGANDA,');
  });
});
