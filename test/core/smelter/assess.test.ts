import { assessSmelters, summariseSmelters } from '../../../src/core/smelters';
import { importFacilityList } from '../../../src/core/reference/import-facility-list';
import { importWatchlist } from '../../../src/core/reference/import-watchlist';
import { parsePolicy } from '../../../src/core/policy';
import { createReviewReference } from '../../../src/core/reference';
import { listed, makeContext, notListed, notYetIdentified } from '../../support/model-factory';

const now = new Date('2026-07-01T00:00:00Z');
const FACILITIES = [
  'Facility ID,Metal,Standard Facility Name,Country Location,State/Province/Region,Assessment Status',
  'CID002763,Gold,8853 S.p.A.,ITALY,Lombardia,Conformant',
  'CID002920,Gold,ABC Refinery Pty Ltd.,AUSTRALIA,New South Wales,Active',
  'CID001105,Tin,Malaysia Smelting Corporation (MSC),MALAYSIA,Pulau Pinang,Non-Conformant',
].join('\n');
const facilityList = importFacilityList(FACILITIES, { now, fileDate: '2026-06-15', name: 'RMI facility list (facilities.csv)' }).list!;

describe('assessSmelters', () => {
  it('skips pseudo-rows and empty rows', () => {
    const out = assessSmelters(makeContext({ smelters: [notYetIdentified('Tin'), {}, listed('CID002763')] }));
    expect(out.map((a) => a.row)).toEqual([7]);
  });

  it('without a facility list: no audit-status interest, and the summary says status is unknown', () => {
    const ctx = makeContext({ smelters: [listed('CID002763'), listed('CID001105')] });
    const out = assessSmelters(ctx);
    expect(out.every((a) => !a.interest)).toBe(true);
    expect(out.flatMap((a) => a.reasons)).toEqual([]);
    const summary = summariseSmelters(out, ctx.extra);
    expect(summary.auditStatusKnown).toBe(false);
    expect(summary.messages[0]).toMatch(/^Audit status unknown: no RMI facility list was imported/);
    expect(summary).toMatchObject({ total: 2, ofInterest: 0 });
  });

  it('audit status from the imported list; Active is not acceptable by default', () => {
    const ctx = makeContext({ smelters: [listed('CID002763'), listed('CID002920'), listed('CID001105'), listed('CID000019')], reference: { facilityList } });
    const out = assessSmelters(ctx);
    expect(out.map((a) => a.interest)).toEqual([false, true, true, true]);
    expect(out[1]!.reasons).toEqual([expect.objectContaining({ category: 'audit-status', message: expect.stringMatching(/RMI status of CID002920: Active \(assessment under way, not yet conformant; the policy does not accept Active\)/), source: { name: 'RMI facility list (facilities.csv)', date: '2026-06-15' } })]);
    expect(out[2]!.reasons[0]!.message).toBe('RMI status of CID001105: Non-Conformant.');
    expect(out[3]!.reasons[0]!.message).toBe('CID000019 is not on the imported RMI facility list: its audit status is unknown.');
    const summary = summariseSmelters(out, ctx.extra);
    expect(summary).toMatchObject({ auditStatusKnown: true, ofInterest: 3, byStatus: { Conformant: 1, Active: 1, 'Non-Conformant': 1, 'Not on list': 1 } });
  });

  it('Active is acceptable when the policy says so', () => {
    const { policy } = parsePolicy('{"activeAcceptable": true}');
    const out = assessSmelters(makeContext({ smelters: [listed('CID002920')], reference: { facilityList, policy } }));
    expect(out[0]!.interest).toBe(false);
  });

  it('sanctions: OFAC designation and covered country, each with its source and date', () => {
    const out = assessSmelters(makeContext({ smelters: [listed('CID003185')] }));
    const a = out[0]!;
    expect(a).toMatchObject({ row: 5, metal: 'Gold', cid: 'CID003185', name: 'African Gold Refinery', country: 'UGANDA', interest: true });
    const sanction = a.reasons.find((r) => r.category === 'sanctions')!;
    expect(sanction.kind).toBe('sanction');
    expect(sanction.source).toMatchObject({ date: '2022-03-17', name: expect.stringContaining('US Treasury OFAC') });
    expect(sanction.source.url).toMatch(/^https:\/\//);
    const geo = a.reasons.find((r) => r.category === 'high-risk-geography')!;
    expect(geo).toMatchObject({ kind: 'covered-country', message: 'Located in UGANDA, a Dodd-Frank covered country.', source: { date: '2010-07-21' } });
  });

  it('Russian gold refiner: LBMA delisting, RMI program action and the import ban', () => {
    const a = assessSmelters(makeContext({ smelters: [listed('CID000493')] }))[0]!;
    const kinds = a.reasons.filter((r) => r.category === 'sanctions').map((r) => r.kind).sort();
    expect(kinds).toEqual(['import-ban-origin', 'industry-delisting', 'rmi-program-action']);
    for (const r of a.reasons) expect(r.source.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a not-listed smelter in Russia still meets the country-wide actions', () => {
    const a = assessSmelters(makeContext({ smelters: [notListed('Gold', 'Some Russian Refinery', 'RUSSIAN FEDERATION')] }))[0]!;
    expect(a.reasons.map((r) => `${r.category}/${r.kind}`).sort()).toEqual(['sanctions/import-ban-origin', 'sanctions/rmi-program-action', 'unrecognized/not-listed']);
    // Russia has CAHRA regions; the smelter's region is unknown: a note, not a reason, by default.
    expect(a.notes).toEqual([expect.objectContaining({ category: 'high-risk-geography', kind: 'cahra-country-has-regions' })]);
  });

  it('CAHRA: whole country, listed region, country-level signal counted only when the policy says so', () => {
    const smelters = [listed('CID002515'), listed('CID003641'), listed('CID000180')];
    const out = assessSmelters(makeContext({ smelters }));
    expect(out[0]!.reasons).toEqual([expect.objectContaining({ kind: 'cahra-country', source: expect.objectContaining({ date: '2026-06-27' }) })]);
    expect(out[1]!.reasons).toEqual([expect.objectContaining({ kind: 'cahra-region', message: expect.stringContaining('CO-ANT') })]);
    expect(out[2]!.interest).toBe(false);
    expect(out[2]!.notes).toEqual([expect.objectContaining({ kind: 'cahra-country-has-regions', message: expect.stringMatching(/weaker, country-level signal/) })]);
    const { policy } = parsePolicy('{"cahraCountryLevel": true}');
    expect(assessSmelters(makeContext({ smelters, reference: { policy } }))[2]!.interest).toBe(true);
  });

  it('unrecognized: not-listed rows, unknown IDs and removed IDs', () => {
    const out = assessSmelters(makeContext({ smelters: [notListed('Tin', 'Acme Tin', 'CHINA'), { metal: 'Gold', typedId: 'CID999999' }, listed('CID000092'), { metal: 'Gold', lookup: 'No Such Name' }] }));
    expect(out.map((a) => a.reasons.map((r) => r.kind))).toEqual([['not-listed'], ['unknown-id'], ['removed-id'], ['no-id']]);
    expect(out[2]!.reasons[0]!.message).toBe("CID000092 is no longer on RMI's list (last listed in CMRT 6.1).");
  });

  it('watch list', () => {
    const watchlist = importWatchlist('CID002763,Open grievance 2026-04', { fileDate: '2026-05-01', name: 'Watch list (watch.csv)' }).list!;
    const a = assessSmelters(makeContext({ smelters: [listed('CID002763')], reference: { watchlist } }))[0]!;
    expect(a.reasons).toEqual([{ category: 'watchlist', kind: 'watchlist', message: 'On the watch list: Open grievance 2026-04', source: { name: 'Watch list (watch.csv)', date: '2026-05-01' } }]);
  });

  it('categories turned off by the policy become notes', () => {
    const { policy } = parsePolicy('{"categories": ["watchlist"]}');
    const a = assessSmelters(makeContext({ smelters: [listed('CID003185')], reference: { policy } }))[0]!;
    expect(a.interest).toBe(false);
    expect(a.reasons).toEqual([]);
    expect(a.notes.map((n) => n.category).sort()).toEqual(['high-risk-geography', 'sanctions']);
    const summary = summariseSmelters([a], createReviewReference({ policy }));
    expect(summary.messages).toContain('Not counted under the policy: audit-status, sanctions, high-risk-geography, unrecognized.');
  });

  it('counts per category', () => {
    const ctx = makeContext({ smelters: [listed('CID003185'), listed('CID000493'), listed('CID002763'), notListed('Tin', 'Acme', 'CHINA')] });
    const summary = summariseSmelters(assessSmelters(ctx), ctx.extra);
    expect(summary).toMatchObject({ total: 4, ofInterest: 3, byCategory: { sanctions: 2, 'high-risk-geography': 1, unrecognized: 1, 'audit-status': 0, watchlist: 0 } });
  });

  it('a typed-over country is checked as well as the reference country', () => {
    const a = assessSmelters(makeContext({ smelters: [listed('CID004065', { country: 'BELGIUM' })] }))[0]!;
    expect(a.reasons.some((r) => r.kind === 'covered-country' && r.message.includes('CONGO, DEMOCRATIC REPUBLIC OF THE'))).toBe(true);
  });
});
