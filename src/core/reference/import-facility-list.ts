/**
 * Importer for the user's RMI facility list export (CSV text, or rows read from the XLSX export). RMI's terms do
 * not allow redistributing the list, so it is never shipped: each user imports their own copy.
 *
 * Columns are matched by name, ignoring case, spaces and punctuation, in a header row that may sit below title
 * rows. Facility ID and Assessment Status are required; Metal, Standard Facility Name and Country Location are
 * expected. Statuses are normalised to Conformant / Active / Non-Conformant / Communication Suspended; any other
 * status is kept verbatim and reported. Duplicate IDs keep their first row. The export date comes from a title row
 * when one holds a date, else from `fileDate`; a list older than `maxAgeDays` (default 90) draws a warning.
 */
import { ID_PATTERN } from './smelter-index';
import {
  cellText, daysBetween, findDate, findHeader, listRows, listValues, message, toIsoDate, toRows,
  type ColumnSpec, type TableInput,
} from './import-common';
import type { FacilityStatus, ImportedFacilityList, ImportMessage, KnownFacilityStatus } from './types';

export interface FacilityListImportOptions {
  /** "Today", to judge the list's age. */
  now: Date;
  /** The file's own date (e.g. its modification date), used when no title row states the export date. */
  fileDate?: string | Date | null;
  /** The source's name as shown with each reason, e.g. "RMI facility list (export.csv)"; default "RMI facility list". */
  name?: string;
  /** Warn when the list is older than this many days (default 90; see Policy.facilityListMaxAgeDays). */
  maxAgeDays?: number;
}

export interface FacilityListImport {
  /** Null when the file cannot be used (no header, required columns missing, no rows). */
  list: ImportedFacilityList | null;
  messages: ImportMessage[];
  stats: { dataRows: number; imported: number; duplicates: number; invalidIds: number; unknownStatuses: string[] };
}

type Key =
  | 'id' | 'metal' | 'standardName' | 'country' | 'state' | 'status' | 'operationalStatus' | 'supplyChainLevel'
  | 'crossRecognition' | 'ddAssessmentScheme' | 'ddAssessmentDate' | 'ddAssessmentCycle' | 'reassessmentInProgress';

const COLUMNS: readonly ColumnSpec<Key>[] = [
  { key: 'id', label: 'Facility ID', names: ['Facility ID', 'Smelter ID', 'RMI ID', 'Smelter Identification', 'Smelter Identification Number', 'Facility Identification Number', 'CID'], required: true },
  { key: 'metal', label: 'Metal', names: ['Metal', 'Mineral', 'Metal/Mineral', 'Mineral/Metal'], required: false },
  { key: 'standardName', label: 'Standard Facility Name', names: ['Standard Facility Name', 'Standard Smelter Name', 'Facility Name', 'Smelter Name'], required: false },
  { key: 'country', label: 'Country Location', names: ['Country Location', 'Country', 'Facility Country', 'Smelter Country', 'Country/Location'], required: false },
  { key: 'state', label: 'State/Province/Region', names: ['State/Province/Region', 'State/Province', 'State', 'Province', 'Region'], required: false },
  { key: 'status', label: 'Assessment Status', names: ['Assessment Status', 'RMAP Status', 'Audit Status', 'Conformance Status', 'Status', 'RMI Status'], required: true },
  { key: 'operationalStatus', label: 'Operational Status', names: ['Operational Status'], required: false },
  { key: 'supplyChainLevel', label: 'Supply Chain Level', names: ['Supply Chain Level'], required: false },
  { key: 'crossRecognition', label: 'RMI Cross Recognition', names: ['RMI Cross Recognition', 'Cross Recognition'], required: false },
  { key: 'ddAssessmentScheme', label: 'DD Assessment Scheme', names: ['DD Assessment Scheme'], required: false },
  { key: 'ddAssessmentDate', label: 'DD Assessment Date', names: ['DD Assessment Date'], required: false },
  { key: 'ddAssessmentCycle', label: 'DD Assessment Cycle', names: ['DD Assessment Cycle'], required: false },
  { key: 'reassessmentInProgress', label: 'Re-Assessment In Progress', names: ['Re-Assessment In Progress', 'Reassessment In Progress'], required: false },
];

const EXPECTED: readonly Key[] = ['metal', 'standardName', 'country'];

export const KNOWN_STATUSES: readonly KnownFacilityStatus[] = ['Conformant', 'Active', 'Non-Conformant', 'Communication Suspended'];

/** Normalises an assessment status; unknown statuses come back verbatim with `known: false`. */
export function normaliseStatus(raw: string): { status: string; known: boolean } {
  const k = raw.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
  if (/^(rmap )?(non|not) ?conformant\b/.test(k) || /^nonconformant\b/.test(k)) return { status: 'Non-Conformant', known: true };
  if (/^(rmap )?(conformant|compliant)\b/.test(k)) return { status: 'Conformant', known: true };
  if (/^(rmap )?active\b/.test(k)) return { status: 'Active', known: true };
  if (/^communication suspended\b/.test(k)) return { status: 'Communication Suspended', known: true };
  return { status: raw.trim(), known: false };
}

function metalName(raw: string): string {
  const t = raw.trim();
  return t ? t[0]!.toUpperCase() + t.slice(1).toLowerCase() : t;
}

export function importFacilityList(input: TableInput, options: FacilityListImportOptions): FacilityListImport {
  const messages: ImportMessage[] = [];
  const stats = { dataRows: 0, imported: 0, duplicates: 0, invalidIds: 0, unknownStatuses: [] as string[] };
  const rows = toRows(input);
  const header = findHeader(rows, COLUMNS);
  const expectedNames = COLUMNS.filter((c) => c.required || EXPECTED.includes(c.key)).map((c) => c.label).join(', ');
  if (!header) {
    messages.push(message('error', 'no-header', `No header row found in the first rows of the facility list. Expected columns such as ${expectedNames}.`));
    return { list: null, messages, stats };
  }
  if (header.missing.length) {
    messages.push(message('error', 'missing-columns', `The facility list lacks required column(s): ${header.missing.map((c) => c.label).join(', ')} (header found in row ${header.headerRow + 1}).`));
    return { list: null, messages, stats };
  }
  const missingExpected = COLUMNS.filter((c) => EXPECTED.includes(c.key) && header.columns[c.key] === undefined);
  if (missingExpected.length) {
    messages.push(message('warning', 'missing-columns', `The facility list lacks column(s) ${missingExpected.map((c) => c.label).join(', ')}; statuses are imported, but names, metals or countries cannot be compared.`));
  }

  // Export date: a title row above the header, else the file date.
  let titleDate: string | null = null;
  for (let r = 0; r < header.headerRow && !titleDate; r++) titleDate = findDate(rows[r]!.join(' '));
  const fileDate = toIsoDate(options.fileDate ?? null);
  const date = titleDate ?? fileDate;
  if (titleDate && fileDate && titleDate !== fileDate) {
    messages.push(message('info', 'date-source', `Export date ${titleDate} taken from the file's title row (the file itself is dated ${fileDate}).`));
  }

  const col = header.columns;
  const get = (row: string[], k: Key): string => (col[k] === undefined ? '' : cellText(row[col[k]!]));
  const opt = (row: string[], k: Key): string | null => get(row, k) || null;
  const entries = new Map<string, FacilityStatus>();
  const firstRow = new Map<string, number>();
  const dupes: string[] = [];
  const dupeRows: number[] = [];
  const badIds: string[] = [];
  const badIdRows: number[] = [];
  const noStatusRows: number[] = [];
  const unknown = new Map<string, number[]>();
  for (let r = header.headerRow + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((c) => !cellText(c))) continue;
    stats.dataRows++;
    const fileRow = r + 1;
    const rawId = get(row, 'id');
    const id = rawId.toUpperCase().replace(/\s+/g, '');
    if (!ID_PATTERN.test(id)) {
      badIds.push(rawId || '(empty)');
      badIdRows.push(fileRow);
      continue;
    }
    if (entries.has(id)) {
      dupes.push(`${id} (rows ${firstRow.get(id)} and ${fileRow})`);
      dupeRows.push(fileRow);
      continue;
    }
    const rawStatus = get(row, 'status');
    let status = 'Unknown';
    let known = false;
    if (!rawStatus) noStatusRows.push(fileRow);
    else {
      const n = normaliseStatus(rawStatus);
      status = n.status;
      known = n.known;
      if (!known) unknown.set(n.status, [...(unknown.get(n.status) ?? []), fileRow]);
    }
    entries.set(id, {
      id, metal: metalName(get(row, 'metal')), standardName: get(row, 'standardName'), country: get(row, 'country'),
      state: opt(row, 'state'), status, statusKnown: known, rawStatus,
      operationalStatus: opt(row, 'operationalStatus'), supplyChainLevel: opt(row, 'supplyChainLevel'),
      crossRecognition: opt(row, 'crossRecognition'), ddAssessmentScheme: opt(row, 'ddAssessmentScheme'),
      ddAssessmentDate: opt(row, 'ddAssessmentDate'), ddAssessmentCycle: opt(row, 'ddAssessmentCycle'),
      reassessmentInProgress: opt(row, 'reassessmentInProgress'), row: fileRow,
    });
    firstRow.set(id, fileRow);
  }
  stats.imported = entries.size;
  stats.duplicates = dupes.length;
  stats.invalidIds = badIds.length;
  stats.unknownStatuses = [...unknown.keys()];

  if (badIds.length) {
    messages.push(message('warning', 'invalid-id', `${badIds.length} row(s) skipped: the Facility ID is not an RMI ID (CID + 6 digits): ${listValues(badIds.map((v, i) => `${v} (row ${badIdRows[i]})`))}.`, badIdRows));
  }
  if (dupes.length) {
    messages.push(message('warning', 'duplicate-id', `${dupes.length} duplicate Facility ID(s); the first row of each is kept: ${listValues(dupes)}.`, dupeRows));
  }
  if (unknown.size) {
    const list = [...unknown].map(([s, rs]) => `"${s}" (${rs.length} row${rs.length > 1 ? 's' : ''}, e.g. row ${rs[0]})`);
    messages.push(message('warning', 'unknown-status', `Unrecognised Assessment Status value(s), kept as given and treated as not conformant: ${listValues(list)}. Known statuses: ${KNOWN_STATUSES.join(', ')}.`, [...unknown.values()].flat()));
  }
  if (noStatusRows.length) {
    messages.push(message('warning', 'missing-status', `${noStatusRows.length} row(s) have no Assessment Status (rows ${listRows(noStatusRows)}); they are treated as not conformant.`, noStatusRows));
  }
  if (entries.size === 0) {
    messages.push(message('error', 'no-rows', 'The facility list has no usable rows.'));
    return { list: null, messages, stats };
  }

  const maxAge = options.maxAgeDays ?? 90;
  if (!date) {
    messages.push(message('warning', 'unknown-date', 'The export date of the facility list is unknown (no date in a title row and no file date), so its age cannot be checked.'));
  } else {
    const age = daysBetween(date, options.now);
    if (age > maxAge) {
      messages.push(message('warning', 'stale', `The facility list is ${age} days old (exported ${date}); statuses change often — import a fresh export (older than ${maxAge} days).`));
    } else if (age < -1) {
      messages.push(message('warning', 'future-date', `The facility list's date ${date} lies in the future; check the file date.`));
    }
  }
  messages.push(message('info', 'imported', `Imported ${entries.size} facilities from the RMI facility list${date ? ` of ${date}` : ''}.`));
  return {
    list: { source: { name: options.name || 'RMI facility list', date: date ?? 'unknown' }, entries },
    messages,
    stats,
  };
}
