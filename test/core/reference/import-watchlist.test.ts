import { importWatchlist } from '../../../src/core/reference/import-watchlist';

describe('importWatchlist', () => {
  it('reads id,reason without a header', () => {
    const r = importWatchlist('CID002763,Open grievance\nCID001105,"Audit lapsed, follow up"\n', { name: 'Watch list (watch.csv)', fileDate: '2026-06-01' });
    expect([...r.list!.entries.values()]).toEqual([
      { id: 'CID002763', reason: 'Open grievance', row: 1 },
      { id: 'CID001105', reason: 'Audit lapsed, follow up', row: 2 },
    ]);
    expect(r.list!.source).toEqual({ name: 'Watch list (watch.csv)', date: '2026-06-01' });
  });

  it('reads a header in another order, with extra columns', () => {
    const r = importWatchlist('Reason;Owner;Smelter ID\nSanctions screening hit;Ann;CID002763\n');
    expect(r.list!.entries.get('CID002763')!.reason).toBe('Sanctions screening hit');
  });

  it('joins an unquoted reason split by commas (no header)', () => {
    expect(importWatchlist('CID002763,late, again\n').list!.entries.get('CID002763')!.reason).toBe('late, again');
  });

  it('reports duplicates (keeps the first), bad IDs and missing reasons', () => {
    const r = importWatchlist('id,reason\nCID002763,first\ncid002763,second\n12345,x\nCID001105,\n');
    expect(r.list!.entries.get('CID002763')!.reason).toBe('first');
    expect(r.list!.entries.get('CID001105')!.reason).toBe('On the watch list (no reason given)');
    expect(r.messages.map((m) => [m.code, m.severity])).toEqual([['invalid-id', 'warning'], ['duplicate-id', 'warning'], ['missing-reason', 'info'], ['imported', 'info']]);
    expect(r.messages[0]!.message).toBe('1 row(s) skipped: not an RMI ID (CID + 6 digits): 12345 (row 4).');
    expect(r.messages[1]!.message).toBe('1 duplicate ID(s); the first row of each is kept: CID002763 (rows 2 and 3).');
    expect(r.list!.source.date).toBe('unknown');
  });

  it('a header without an ID column is an error', () => {
    const r = importWatchlist('name,reason\nAcme,bad\n');
    expect(r.list).toBeNull();
    expect(r.messages[0]).toMatchObject({ severity: 'error', code: 'missing-columns' });
  });

  it('an empty file is an error', () => {
    expect(importWatchlist('\n\n').messages).toEqual([expect.objectContaining({ code: 'no-rows', severity: 'error' })]);
  });
});
