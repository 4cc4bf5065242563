import { DEFAULT_POLICY, parsePolicy, statusAcceptable } from '../../../src/core/policy';

describe('policy', () => {
  it('defaults: every category counts, only Conformant is acceptable', () => {
    expect(DEFAULT_POLICY).toEqual({
      categories: { 'audit-status': true, sanctions: true, 'high-risk-geography': true, unrecognized: true, watchlist: true },
      activeAcceptable: false, cahraCountryLevel: false, facilityListMaxAgeDays: 90,
    });
    expect(statusAcceptable('Conformant', DEFAULT_POLICY)).toBe(true);
    expect(statusAcceptable('Active', DEFAULT_POLICY)).toBe(false);
    expect(statusAcceptable('Non-Conformant', { ...DEFAULT_POLICY, activeAcceptable: true })).toBe(false);
    expect(statusAcceptable('Active', { ...DEFAULT_POLICY, activeAcceptable: true })).toBe(true);
  });

  it('reads a full policy', () => {
    const { policy, messages } = parsePolicy('{"categories":{"watchlist":false,"high_risk_geography":false},"activeAcceptable":true,"cahraCountryLevel":true,"facilityListMaxAgeDays":30}');
    expect(policy).toEqual({
      categories: { 'audit-status': true, sanctions: true, 'high-risk-geography': false, unrecognized: true, watchlist: false },
      activeAcceptable: true, cahraCountryLevel: true, facilityListMaxAgeDays: 30,
    });
    expect(messages).toEqual([expect.objectContaining({ severity: 'info', code: 'active-acceptable' })]);
  });

  it('accepts categories as a list', () => {
    const { policy } = parsePolicy('{"categories":["sanctions","Unrecognised"]}');
    expect(policy.categories).toEqual({ 'audit-status': false, sanctions: true, 'high-risk-geography': false, unrecognized: true, watchlist: false });
  });

  it('reports invalid JSON and falls back to the defaults', () => {
    const { policy, messages } = parsePolicy('{activeAcceptable: true');
    expect(policy).toEqual(DEFAULT_POLICY);
    expect(messages[0]).toMatchObject({ severity: 'error', code: 'invalid-json' });
  });

  it('reports unknown keys, unknown categories and wrong types, keeping defaults for those', () => {
    const { policy, messages } = parsePolicy('{"activeAccepted": true, "categories": {"sanction": true, "watchlist": "no"}, "activeAcceptable": "yes", "facilityListMaxAgeDays": -3}');
    expect(policy).toEqual(DEFAULT_POLICY);
    expect(messages.map((m) => m.code)).toEqual(['unknown-keys', 'unknown-category', 'invalid-value', 'invalid-value', 'invalid-value']);
    expect(messages[0]!.message).toBe('Unknown policy setting(s) ignored: activeAccepted. Known settings: categories, activeAcceptable, cahraCountryLevel, facilityListMaxAgeDays.');
    expect(messages[1]!.message).toMatch(/Unknown category "sanction"; known: audit-status, sanctions, high-risk-geography, unrecognized, watchlist\./);
  });

  it('warns when every category is off', () => {
    expect(parsePolicy('{"categories": []}').messages).toEqual([expect.objectContaining({ code: 'no-categories', severity: 'warning' })]);
  });

  it('rejects a non-object', () => {
    expect(parsePolicy('[1,2]').messages[0]).toMatchObject({ code: 'invalid-policy' });
  });
});
