import { importFacilityList, normaliseStatus } from '../../../src/core/reference/import-facility-list';

const now = new Date('2026-07-01T00:00:00Z');
const HEADER = 'Facility ID,Metal,Standard Facility Name,Country Location,State/Province/Region,Assessment Status,Operational Status,Supply Chain Level,RMI Cross Recognition,DD Assessment Scheme,DD Assessment Date,DD Assessment Cycle,Re-Assessment In Progress';

describe('importFacilityList', () => {
  it('imports an RMI export with a title row above the header and takes the date from it', () => {
    const text = [
      'RMI Facility List - exported 2026-06-20',
      '',
      HEADER,
      'CID002763,Gold,8853 S.p.A.,ITALY,Lombardia,Conformant,Operational,Smelter/Refiner,,RMAP,2025-11-02,Annual,No',
      'CID001105,tin,Malaysia Smelting Corporation (MSC),MALAYSIA,Pulau Pinang,Active,Operational,Smelter/Refiner,,RMAP,,,',
    ].join('\r\n');
    const r = importFacilityList(text, { now, fileDate: '2026-06-25', name: 'RMI facility list (rmi.csv)' });
    expect(r.list!.source).toEqual({ name: 'RMI facility list (rmi.csv)', date: '2026-06-20' });
    expect(r.list!.entries.get('CID002763')).toMatchObject({ metal: 'Gold', status: 'Conformant', statusKnown: true, state: 'Lombardia', ddAssessmentScheme: 'RMAP', row: 4 });
    expect(r.list!.entries.get('CID001105')).toMatchObject({ metal: 'Tin', status: 'Active' });
    expect(r.messages.map((m) => m.code)).toEqual(['date-source', 'imported']);
    expect(r.stats).toMatchObject({ dataRows: 2, imported: 2 });
  });

  it('accepts rows from a spreadsheet and headers in any case and spacing', () => {
    const rows = [
      ['facility id', 'METAL', 'Standard  Facility Name', 'country location', 'assessment_status'],
      ['CID002763', 'Gold', '8853 S.p.A.', 'ITALY', 'Conformant'],
      [null, null, null, null, null],
    ];
    const r = importFacilityList(rows, { now, fileDate: new Date('2026-06-01T10:00:00Z') });
    expect(r.list!.entries.size).toBe(1);
    expect(r.list!.source.date).toBe('2026-06-01');
  });

  it('names the missing required columns', () => {
    const r = importFacilityList('Smelter ID,Metal,Facility Name,Country\nCID002763,Gold,x,ITALY\n', { now });
    expect(r.list).toBeNull();
    expect(r.messages).toEqual([expect.objectContaining({ severity: 'error', code: 'missing-columns', message: expect.stringMatching(/lacks required column\(s\): Assessment Status \(header found in row 1\)/) })]);
  });

  it('warns about missing expected columns but imports statuses', () => {
    const r = importFacilityList('Facility ID,Assessment Status\nCID002763,Conformant\n', { now, fileDate: '2026-06-01' });
    expect(r.list!.entries.size).toBe(1);
    expect(r.messages[0]).toMatchObject({ severity: 'warning', code: 'missing-columns', message: expect.stringContaining('Metal, Standard Facility Name, Country Location') });
  });

  it('explains when no header is found', () => {
    const r = importFacilityList('hello,world\n1,2\n', { now });
    expect(r.list).toBeNull();
    expect(r.messages[0]).toMatchObject({ code: 'no-header', message: expect.stringContaining('Facility ID, Metal, Standard Facility Name, Country Location, Assessment Status') });
  });

  it('normalises status variants and lists unknown statuses', () => {
    const text = [
      HEADER.split(',').slice(0, 6).join(','),
      'CID000001,Gold,A,ITALY,,RMAP Conformant',
      'CID000002,Gold,B,ITALY,,non-conformant',
      'CID000003,Gold,C,ITALY,,Communication Suspended – Not Interested',
      'CID000004,Gold,D,ITALY,,ACTIVE',
      'CID000005,Gold,E,ITALY,,In Communication',
      'CID000006,Gold,F,ITALY,,In Communication',
      'CID000007,Gold,G,ITALY,,Outreach Required',
      'CID000008,Gold,H,ITALY,,',
    ].join('\n');
    const r = importFacilityList(text, { now, fileDate: '2026-06-01' });
    const e = r.list!.entries;
    expect(['CID000001', 'CID000002', 'CID000003', 'CID000004'].map((id) => e.get(id)!.status)).toEqual(['Conformant', 'Non-Conformant', 'Communication Suspended', 'Active']);
    expect(e.get('CID000005')).toMatchObject({ status: 'In Communication', statusKnown: false });
    const unknown = r.messages.find((m) => m.code === 'unknown-status')!;
    expect(unknown.severity).toBe('warning');
    expect(unknown.message).toBe('Unrecognised Assessment Status value(s), kept as given and treated as not conformant: "In Communication" (2 rows, e.g. row 6), "Outreach Required" (1 row, e.g. row 8). Known statuses: Conformant, Active, Non-Conformant, Communication Suspended.');
    expect(unknown.rows).toEqual([6, 7, 8]);
    expect(r.messages.find((m) => m.code === 'missing-status')).toMatchObject({ rows: [9] });
    expect(r.stats.unknownStatuses).toEqual(['In Communication', 'Outreach Required']);
  });

  it('keeps the first of duplicate IDs and names them', () => {
    const text = 'Facility ID,Metal,Standard Facility Name,Country Location,Assessment Status\nCID000001,Gold,A,ITALY,Conformant\nCID000001,Gold,A2,ITALY,Non-Conformant\ncid000002,Gold,B,ITALY,Active\nCID000002,Gold,B,ITALY,Active\n';
    const r = importFacilityList(text, { now, fileDate: '2026-06-01' });
    expect(r.list!.entries.get('CID000001')!.status).toBe('Conformant');
    expect(r.messages.find((m) => m.code === 'duplicate-id')).toMatchObject({
      message: '2 duplicate Facility ID(s); the first row of each is kept: CID000001 (rows 2 and 3), CID000002 (rows 4 and 5).', rows: [3, 5],
    });
  });

  it('skips rows whose ID is not an RMI ID', () => {
    const r = importFacilityList('Facility ID,Metal,Standard Facility Name,Country Location,Assessment Status\nN/A,Gold,A,ITALY,Conformant\n,Gold,B,ITALY,Conformant\nCID000003,Gold,C,ITALY,Conformant\n', { now, fileDate: '2026-06-01' });
    expect(r.list!.entries.size).toBe(1);
    expect(r.messages.find((m) => m.code === 'invalid-id')!.message).toBe('2 row(s) skipped: the Facility ID is not an RMI ID (CID + 6 digits): N/A (row 2), (empty) (row 3).');
  });

  it('warns when the list is older than 90 days, or when its date is unknown', () => {
    const text = 'Facility ID,Metal,Standard Facility Name,Country Location,Assessment Status\nCID000003,Gold,C,ITALY,Conformant\n';
    const stale = importFacilityList(text, { now, fileDate: '2026-03-01' });
    expect(stale.messages.find((m) => m.code === 'stale')).toMatchObject({ severity: 'warning', message: 'The facility list is 122 days old (exported 2026-03-01); statuses change often — import a fresh export (older than 90 days).' });
    expect(importFacilityList(text, { now, fileDate: '2026-04-02' }).messages.some((m) => m.code === 'stale')).toBe(false);
    expect(importFacilityList(text, { now, fileDate: '2026-04-01', maxAgeDays: 30 }).messages.some((m) => m.code === 'stale')).toBe(true);
    const undated = importFacilityList(text, { now });
    expect(undated.list!.source.date).toBe('unknown');
    expect(undated.messages.find((m) => m.code === 'unknown-date')).toBeDefined();
  });

  it('reads dates written out in title rows', () => {
    const text = 'Facility list as of May 3, 2026\nFacility ID,Metal,Standard Facility Name,Country Location,Assessment Status\nCID000003,Gold,C,ITALY,Conformant\n';
    expect(importFacilityList(text, { now }).list!.source.date).toBe('2026-05-03');
  });

  it('rejects a list without rows', () => {
    const r = importFacilityList('Facility ID,Metal,Standard Facility Name,Country Location,Assessment Status\n', { now });
    expect(r.list).toBeNull();
    expect(r.messages.at(-1)).toMatchObject({ code: 'no-rows', severity: 'error' });
  });
});

describe('normaliseStatus', () => {
  it.each([
    ['Conformant', 'Conformant'], ['conformant ', 'Conformant'], ['Compliant', 'Conformant'],
    ['Non Conformant', 'Non-Conformant'], ['NonConformant', 'Non-Conformant'], ['Not Conformant', 'Non-Conformant'],
    ['Active', 'Active'], ['COMMUNICATION SUSPENDED', 'Communication Suspended'],
  ])('%s -> %s', (raw, status) => {
    expect(normaliseStatus(raw)).toEqual({ status, known: true });
  });
});
