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

  const run = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await main(args, { stdout: (x) => stdout.push(x), stderr: (x) => stderr.push(x), now: NOW });
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  };

  it('--parts, --contact-name, --contact-email and --due-days shape the request', async () => {
    const out = join(dir, 'followup-options');
    const r = await run(['check', '--out', out, '--parts', 'P-100; P-200', '--parts=P-300,P-100', '--contact-name', 'Jane Buyer',
      '--contact-email', 'jane.buyer@example.com', '--due-days', '14', join(dir, 'Acme CMRT.xlsx')]);
    expect(r.code).not.toBe(2);
    const txt = readFileSync(join(out, 'Acme CMRT.followup.txt'), 'utf8');
    expect(txt).toContain('We would be grateful for your reply by 2026-07-15.');
    expect(txt).toMatch(/Our part numbers concerned:\n- P-100\n- P-200\n- P-300\n/);
    expect(txt).toContain('so it does not show which smelters are in the supply chain of the parts you sell us (our part numbers: P-100, P-200, P-300).');
    expect(txt).toContain('a) Is this smelter in the supply chain of the parts you sell us (our part numbers: P-100, P-200, P-300)?');
    expect(txt).toContain('If anything is unclear, please contact Jane Buyer (jane.buyer@example.com).');
    expect(txt.trimEnd().endsWith('Kind regards,\nJane Buyer')).toBe(true);
  });

  it('--wording replaces the default texts it names', async () => {
    const out = join(dir, 'followup-wording');
    const wording = join(dir, 'wording.json');
    writeFileSync(wording, JSON.stringify({ format: 'cmrt-review/followup-template', version: 1, template: { subject: 'Supply-chain query: {company} ({family} {version})', colour: 'blue' } }));
    const r = await run(['check', '--out', out, '--wording', wording, join(dir, 'Acme CMRT.xlsx')]);
    expect(r.code).not.toBe(2);
    expect(readFileSync(join(out, 'Acme CMRT.followup.txt'), 'utf8').split('\n')[0]).toBe('Subject: Supply-chain query: Acme Metals Ltd. (CMRT 6.5)');
    expect(r.stderr).toContain('Unknown wording entry "colour" ignored.');
  });

  it.each([
    [['--parts', 'P-1'], /--parts shapes the follow-up files; add --out DIR/],
    [['--out', 'X', '--contact-email', 'jane.example.com'], /--contact-email "jane.example.com" is not an email address: it has no "@"/],
    [['--out', 'X', '--due-days', '0'], /--due-days must be a whole number of days from 1 to 365, not "0"/],
    [['--out', 'X', '--due-days', '2 weeks'], /--due-days must be a whole number/],
    [['--out', 'X', '--wording', '/nonexistent/wording.json'], /Cannot read the wording file \/nonexistent\/wording.json \(ENOENT\)/],
  ])('usage error for %j', async (args, message) => {
    const r = await run(['check', ...args, join(dir, 'Acme CMRT.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('a wording file that is not a follow-up template is a usage error, and nothing is written', async () => {
    const out = join(dir, 'followup-bad-wording');
    const wording = join(dir, 'bad-wording.json');
    writeFileSync(wording, '{"subject": "Hi"');
    const r = await run(['check', '--out', out, '--wording', wording, join(dir, 'Acme CMRT.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Wording file .*bad-wording.json: The saved wording is not valid JSON/);
    expect(existsSync(out)).toBe(false);
  });
});
