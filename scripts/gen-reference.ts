/**
 * Generates the shipped reference data in src/core/reference/data/*.ts from the shared inputs:
 *
 *   /work/shared/reference/cahra.json                         EU indicative CAHRA list (June 2026 report)
 *   /work/shared/reference/smelters_of_interest_seed.csv      candidate sanction / delisting / program-action rows
 *   /work/shared/reference/rmi_lookup_cid_history_from_fixtures.csv   cross-check only
 *   /work/shared/templates/RMI_*.xlsx                         Smelter Look-up, 'C' (countries) and SorP tabs
 *
 * Run: npx tsx scripts/gen-reference.ts [--shared /work/shared] [--check]
 *   --check   regenerate in memory and fail when a committed file differs (for CI).
 *
 * Every seed row is verified against the templates' own look-up tabs (ID, metal, standard name, country, family);
 * rows whose facts do not hold are dropped and listed in data/seed-verification.ts. Geography rows of the seed are
 * not copied: covered-country and CAHRA matches are computed at review time from the smelter's country and
 * state/province. Russia-wide actions (RMI's suspension of RMAP assessments in Russia, origin-based import bans)
 * are recomputed from the look-up countries so that every Russia-based ID is covered, and the seed rows are
 * checked against that derivation.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { parseCsv } from '../src/core/csv';
import { normaliseRegion, normaliseSmelterName } from '../src/core/reference/names';

const args = process.argv.slice(2);
const sharedDir = resolve(args.includes('--shared') ? args[args.indexOf('--shared') + 1]! : '/work/shared');
const checkOnly = args.includes('--check');
const refDir = join(sharedDir, 'reference');
const templatesDir = join(sharedDir, 'templates');
const outDir = resolve(__dirname, '../src/core/reference/data');

// ---------------------------------------------------------------------------------------------------------------
// Minimal XLSX reading (values only; enough for the look-up, country and subdivision tabs)
// ---------------------------------------------------------------------------------------------------------------

function decodeXml(s: string): string {
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&#x([0-9A-Fa-f]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function textOf(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += m[1];
  return decodeXml(out);
}

function colIdx(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

type Grid = (string | null)[][];

function readWorkbook(path: string, wanted: readonly string[]): Map<string, Grid> {
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  const read = (p: string): string => strFromU8(files[p] ?? new Uint8Array());
  const shared: string[] = [];
  for (const m of read('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(textOf(m[1]!));
  const rels = new Map<string, string>();
  for (const m of read('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\s[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) rels.set(id, target.replace(/^\//, '').replace(/^(?!xl\/)/, 'xl/'));
  }
  const out = new Map<string, Grid>();
  for (const m of read('xl/workbook.xml').matchAll(/<sheet\s[^>]*>/g)) {
    const name = decodeXml(/name="([^"]+)"/.exec(m[0])?.[1] ?? '');
    const rid = /r:id="([^"]+)"/.exec(m[0])?.[1] ?? '';
    if (!wanted.includes(name)) continue;
    const xml = read(rels.get(rid) ?? '');
    const grid: Grid = [];
    for (const c of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const [, col, row, attrs, body] = c;
      if (!body) continue;
      const type = /t="([^"]+)"/.exec(attrs!)?.[1];
      let value: string | null = null;
      if (type === 'inlineStr') value = textOf(body);
      else {
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        if (v === undefined) continue;
        value = type === 's' ? shared[Number(v)] ?? '' : decodeXml(v);
      }
      const r = Number(row) - 1;
      (grid[r] ??= [])[colIdx(col!)] = value;
    }
    out.set(name, grid);
  }
  return out;
}

const cell = (grid: Grid | undefined, row1: number, col: string): string =>
  (grid?.[row1 - 1]?.[colIdx(col)] ?? '').toString().trim();

// ---------------------------------------------------------------------------------------------------------------
// CSV (the inputs are plain RFC 4180 files)
// ---------------------------------------------------------------------------------------------------------------

function parseCsvSimple(text: string): Record<string, string>[] {
  const [header, ...body] = parseCsv(text, { delimiter: ',' }).rows.filter((r) => r.some((v) => v.trim()));
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

// ---------------------------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------------------------

type Family = 'CMRT' | 'EMRT' | 'CRT' | 'AMRT';
interface TemplateFile {
  file: string;
  family: Family;
  version: string;
  releaseDate: string | null;
  lookup: LookupRow[];
  countries: [string, string][];
  subdivisions: [string, string][];
}
interface LookupRow {
  metal: string;
  lookupName: string;
  standardName: string;
  country: string;
  id: string;
  city: string;
  state: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The version and release date the workbook itself states ("Revision 6.5\nApril 25, 2025"). */
function revisionOf(sheets: Map<string, Grid>): { version: string; releaseDate: string | null } | null {
  for (const grid of sheets.values()) {
    for (const row of grid) {
      for (const v of row ?? []) {
        const m = v && /Revision\s*([\d.]+)\s*[\r\n]+\s*([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})/.exec(v);
        if (m) {
          const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
          return { version: m[1]!, releaseDate: month > 0 ? `${m[4]}-${String(month).padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null };
        }
      }
    }
  }
  return null;
}

function loadTemplates(): TemplateFile[] {
  const out: TemplateFile[] = [];
  for (const file of readdirSync(templatesDir).sort()) {
    const m = /^RMI_(CMRT|EMRT|CRT|AMRT)_([\d.]+)(_[a-z]+)?\.xlsx$/.exec(file);
    if (!m) continue;
    if (m[3]) continue; // language copies (e.g. CMRT 6.4_en) duplicate their version
    const sheets = readWorkbook(join(templatesDir, file), ['Smelter Look-up', 'C', 'SorP', 'Declaration', 'Smelter List']);
    const lu = sheets.get('Smelter Look-up');
    const lookup: LookupRow[] = [];
    for (let r = 5; lu && r <= lu.length; r++) {
      const id = cell(lu, r, 'E');
      const metal = cell(lu, r, 'A');
      if (!metal || metal === '0') continue;
      lookup.push({
        metal, lookupName: cell(lu, r, 'B'), standardName: cell(lu, r, 'C'), country: cell(lu, r, 'D'), id,
        city: cell(lu, r, 'H'), state: cell(lu, r, 'I'),
      });
    }
    const c = sheets.get('C');
    const countries: [string, string][] = [];
    for (let r = 2; c && r <= c.length; r++) {
      const name = cell(c, r, 'B');
      const iso = cell(c, r, 'A');
      if (name && iso) countries.push([name, iso]);
    }
    const s = sheets.get('SorP');
    const subdivisions: [string, string][] = [];
    for (let r = 2; s && r <= s.length; r++) {
      const code = cell(s, r, 'A');
      const name = cell(s, r, 'B');
      if (code && name) subdivisions.push([code, name]);
    }
    // The workbook's own version wins over the file name (RMI_CRT_2.21.xlsx says "Revision 2.2").
    const revision = revisionOf(sheets);
    const version = revision?.version ?? m[2]!;
    const same = out.find((t) => t.family === m[1] && t.version === version);
    if (same) {
      if (JSON.stringify(same.lookup) !== JSON.stringify(lookup)) throw new Error(`${file} and ${same.file} both say ${m[1]} ${version} but their look-ups differ`);
      console.log(`${file}: same version (${m[1]} ${version}) and look-up as ${same.file}; skipped`);
      continue;
    }
    out.push({ file, family: m[1] as Family, version, releaseDate: revision?.releaseDate ?? null, lookup, countries, subdivisions });
  }
  return out;
}

const templates = loadTemplates();
const byFamily = new Map<Family, TemplateFile[]>();
for (const t of templates) {
  const list = byFamily.get(t.family) ?? [];
  list.push(t);
  byFamily.set(t.family, list);
}
for (const list of byFamily.values()) list.sort((a, b) => Number(a.version) - Number(b.version));
const latestOf = (f: Family): TemplateFile => byFamily.get(f)!.at(-1)!;
const FAMILY_ORDER: Family[] = ['CMRT', 'EMRT', 'CRT', 'AMRT'];

// ---------------------------------------------------------------------------------------------------------------
// Countries
// ---------------------------------------------------------------------------------------------------------------

const newestCmrt = latestOf('CMRT');
const countryMap = new Map<string, string>();
for (const t of templates) for (const [name, iso] of t.countries) if (!countryMap.has(name)) countryMap.set(name, iso);
for (const t of templates) {
  for (const [name, iso] of t.countries) {
    if (countryMap.get(name) !== iso) throw new Error(`Country ${name} has two codes: ${countryMap.get(name)} / ${iso} (${t.file})`);
  }
}

/**
 * Hand-kept aliases: spellings seen in older look-up tabs and common English short names a supplier may type.
 * Each maps to an ISO 3166-1 alpha-2 code that the templates' 'C' list already contains.
 */
const COUNTRY_ALIASES: Record<string, string> = {
  'NORTH MACEDONIA, REPUBLIC OF': 'MK', // CMRT 6.1 look-up
  'DEMOCRATIC REPUBLIC OF THE CONGO': 'CD', 'DR CONGO': 'CD', 'D.R. CONGO': 'CD', 'DRC': 'CD', 'CONGO (KINSHASA)': 'CD',
  'CONGO, THE DEMOCRATIC REPUBLIC OF THE': 'CD', 'CONGO-KINSHASA': 'CD',
  'REPUBLIC OF THE CONGO': 'CG', 'CONGO (BRAZZAVILLE)': 'CG', 'CONGO-BRAZZAVILLE': 'CG', 'REPUBLIC OF CONGO': 'CG',
  'TANZANIA': 'TZ', 'UNITED REPUBLIC OF TANZANIA': 'TZ', 'CAR': 'CF',
  'RUSSIA': 'RU', 'SOUTH KOREA': 'KR', 'KOREA': 'KR', 'REPUBLIC OF KOREA': 'KR', 'NORTH KOREA': 'KP',
  'USA': 'US', 'U.S.A.': 'US', 'US': 'US', 'UNITED STATES': 'US', 'UK': 'GB', 'UNITED KINGDOM': 'GB', 'GREAT BRITAIN': 'GB',
  'VIETNAM': 'VN', 'BOLIVIA': 'BO', 'TAIWAN': 'TW', 'IRAN': 'IR', 'LAOS': 'LA', 'SYRIA': 'SY', 'VENEZUELA': 'VE',
  'MOLDOVA': 'MD', 'BRUNEI': 'BN', 'CZECH REPUBLIC': 'CZ', 'CZECHIA': 'CZ', 'TURKEY': 'TR', 'TURKIYE': 'TR', 'TÜRKIYE': 'TR',
  'IVORY COAST': 'CI', "COTE D'IVOIRE": 'CI', 'SWAZILAND': 'SZ', 'ESWATINI': 'SZ', 'MACEDONIA': 'MK', 'NORTH MACEDONIA': 'MK',
  'HOLLAND': 'NL', 'THE NETHERLANDS': 'NL', 'UAE': 'AE', 'BURMA': 'MM', 'CAPE VERDE': 'CV', 'EAST TIMOR': 'TL',
  'PALESTINE': 'PS', 'VATICAN': 'VA', 'MICRONESIA': 'FM', 'HONG KONG SAR': 'HK', 'MACAU': 'MO', 'MACAO SAR': 'MO',
  'CHINA, PEOPLE\'S REPUBLIC OF': 'CN', "PEOPLE'S REPUBLIC OF CHINA": 'CN', 'PRC': 'CN',
};
const isoSet = new Set(countryMap.values());
for (const [alias, iso] of Object.entries(COUNTRY_ALIASES)) {
  if (!isoSet.has(iso)) throw new Error(`Alias ${alias} -> ${iso}: code not in the templates' country list`);
}

// ---------------------------------------------------------------------------------------------------------------
// Dodd-Frank covered countries
// ---------------------------------------------------------------------------------------------------------------

const COVERED_ISO = ['CD', 'AO', 'BI', 'CF', 'CG', 'RW', 'SS', 'TZ', 'UG', 'ZM'];
const isoToName = new Map<string, string>();
for (const [name, iso] of newestCmrt.countries) if (!isoToName.has(iso)) isoToName.set(iso, name);
for (const iso of COVERED_ISO) if (!isoToName.has(iso)) throw new Error(`Covered country ${iso} missing from 'C'`);

// ---------------------------------------------------------------------------------------------------------------
// CAHRA
// ---------------------------------------------------------------------------------------------------------------

interface CahraJson {
  meta: { source: string; website: string; retrieved: string; version: string; dataUpdated: string; reportsUpdated: string; license: string };
  entries: { countryName: string; iso2: string; iso3: string; wholeCountry: boolean; regions: { name: string; code: string; conflictAffected: boolean; highRisk: boolean }[] | null }[];
}
const cahra = JSON.parse(readFileSync(join(refDir, 'cahra.json'), 'utf8')) as CahraJson;
const cahraDate = cahra.meta.reportsUpdated.slice(0, 10);
for (const e of cahra.entries) if (!isoSet.has(e.iso2)) throw new Error(`CAHRA country ${e.iso2} not in the templates' country list`);

// Subdivision names (ISO 3166-2, from the templates' SorP tab) for CAHRA countries listed by region, so that a
// smelter's state/province can be mapped to a region code. CAHRA region names are added as further spellings.
const sorp = newestCmrt.subdivisions;
const regionCountries = new Set(cahra.entries.filter((e) => !e.wholeCountry).map((e) => e.iso2));
const subdivisionNames = new Map<string, Map<string, string>>(); // iso2 -> name -> code
function addSubdivision(code: string, name: string): void {
  const iso = code.slice(0, 2);
  if (!regionCountries.has(iso)) return;
  const m = subdivisionNames.get(iso) ?? new Map<string, string>();
  if (!m.has(name)) m.set(name, code);
  subdivisionNames.set(iso, m);
}
for (const [code, name] of sorp) addSubdivision(code, name);
for (const e of cahra.entries) for (const r of e.regions ?? []) addSubdivision(r.code, r.name);
// Spellings that collide after normalisation but point at different codes are dropped (ambiguous).
let ambiguousRegions = 0;
for (const names of subdivisionNames.values()) {
  const byNorm = new Map<string, Set<string>>();
  for (const [name, code] of names) {
    const k = normaliseRegion(name);
    const set = byNorm.get(k) ?? new Set<string>();
    set.add(code);
    byNorm.set(k, set);
  }
  for (const [name] of [...names]) {
    if ((byNorm.get(normaliseRegion(name))?.size ?? 0) > 1) {
      names.delete(name);
      ambiguousRegions++;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Look-up history per family
// ---------------------------------------------------------------------------------------------------------------

interface HistoryRow {
  id: string;
  family: Family;
  metal: string;
  standardName: string;
  country: string;
  state: string;
  city: string;
  aliases: string[];
  firstSeen: string;
  lastSeen: string;
  inLatest: boolean;
}
const history: HistoryRow[] = [];
const historyConflicts: string[] = [];
for (const family of FAMILY_ORDER) {
  const versions = (byFamily.get(family) ?? []).filter((t) => t.lookup.length > 0);
  const latest = versions.at(-1);
  const rows = new Map<string, HistoryRow>();
  for (const t of versions) {
    const seen = new Map<string, LookupRow[]>();
    for (const e of t.lookup) {
      if (!/^CID\d{6}$/.test(e.id)) continue;
      const list = seen.get(e.id) ?? [];
      list.push(e);
      seen.set(e.id, list);
    }
    for (const [id, entries] of seen) {
      const std = entries.find((e) => e.lookupName === e.standardName) ?? entries[0]!;
      const metals = new Set(entries.map((e) => e.metal));
      if (metals.size > 1) historyConflicts.push(`${t.family} ${t.version}: ${id} listed for ${[...metals].join(', ')}`);
      const prev = rows.get(id);
      if (prev && prev.metal !== std.metal) historyConflicts.push(`${family}: ${id} changed metal ${prev.metal} -> ${std.metal} in ${t.version}`);
      rows.set(id, {
        id, family, metal: std.metal, standardName: std.standardName, country: std.country, state: std.state, city: std.city,
        aliases: [...new Set(entries.map((e) => e.lookupName).filter((n) => n && n !== std.standardName))].sort(),
        firstSeen: prev?.firstSeen ?? t.version, lastSeen: t.version, inLatest: t === latest,
      });
    }
  }
  history.push(...[...rows.values()].sort((a, b) => a.id.localeCompare(b.id)));
}

// Cross-check against the shared history CSV (CMRT and EMRT).
const csvHistory = parseCsvSimple(readFileSync(join(refDir, 'rmi_lookup_cid_history_from_fixtures.csv'), 'utf8'));
const historyDiffs: string[] = [];
for (const r of csvHistory) {
  const mine = history.find((h) => h.id === r.cid && h.family === r.template_family);
  if (!mine) { historyDiffs.push(`${r.template_family} ${r.cid}: in CSV, not derived`); continue; }
  const expect = {
    metal: r.metal, standardName: r.standard_smelter_name, country: r.country,
    firstSeen: r.first_seen_template!.replace(/^[A-Z]+_/, ''), lastSeen: r.last_seen_template!.replace(/^[A-Z]+_/, ''),
    inLatest: r.in_latest_fixture_template === 'yes',
  };
  for (const [k, v] of Object.entries(expect)) {
    if ((mine as unknown as Record<string, unknown>)[k] !== v) historyDiffs.push(`${r.template_family} ${r.cid} ${k}: CSV ${String(v)} / derived ${String((mine as unknown as Record<string, unknown>)[k])}`);
  }
}
const csvKeys = new Set(csvHistory.map((r) => `${r.template_family} ${r.cid}`));
for (const h of history) if ((h.family === 'CMRT' || h.family === 'EMRT') && !csvKeys.has(`${h.family} ${h.id}`)) historyDiffs.push(`${h.family} ${h.id}: derived, not in CSV`);

// ---------------------------------------------------------------------------------------------------------------
// Seed verification
// ---------------------------------------------------------------------------------------------------------------

interface SeedRow {
  cid: string; metal: string; standard_smelter_name: string; country: string; template_family: string;
  in_latest_fixture_template: string; flag_type: string; flag_detail: string; authority: string; action_date: string;
  source_urls: string; match_basis: string;
}
const seed = parseCsvSimple(readFileSync(join(refDir, 'smelters_of_interest_seed.csv'), 'utf8')) as unknown as SeedRow[];

type ActionKind = 'sanction' | 'industry-delisting' | 'rmi-program-action' | 'import-ban-origin';
interface ActionDef {
  key: string;
  kind: ActionKind;
  title: string;
  authority: string;
  date: string;
  url: string;
  /** Further public sources (secondary reporting) cited by the seed. */
  otherUrls: string[];
}
interface FacilityAction { id: string; metal: string; name: string; country: string; action: string; detail: string; basis: string }
interface CountryAction { action: string; country: string; metals: string[] | null; detail: string }

/**
 * The actions behind the seed's entity rows, checked against public reporting (primary URL first where one was
 * found; the seed's own secondary URLs are kept as further sources). Dates are the action dates.
 */
const ACTIONS: Record<string, ActionDef> = {
  'ofac-2022-03-17-goetz': {
    key: 'ofac-2022-03-17-goetz', kind: 'sanction', title: 'US OFAC SDN designation (E.O. 13413 as amended, DRC-related): Alain Goetz network incl. African Gold Refinery',
    authority: 'US Treasury OFAC', date: '2022-03-17',
    url: 'https://fraser.stlouisfed.org/title/press-releases-united-states-department-treasury-6111/treasury-sanctions-alain-goetz-a-network-companies-involved-illicit-gold-trade-611731/fulltext',
    otherUrls: [],
  },
  'ofac-2023-07-20-ummc': {
    key: 'ofac-2023-07-20-ummc', kind: 'sanction', title: 'US OFAC SDN designation (E.O. 14024) of Ural Mining and Metallurgical Company (UMMC); entities it owns 50% or more are blocked (GL 70 wind-down to 2023-10-18)',
    authority: 'US Treasury OFAC', date: '2023-07-20',
    url: 'https://lockelord.com/newsandevents/publications/2023/08/quickstudy-ofac-russia-sanctions-aug-4',
    otherUrls: [],
  },
  'uk-2023-11-08-krastsvetmet': {
    key: 'uk-2023-11-08-krastsvetmet', kind: 'sanction', title: 'UK sanctions designation (Russia regime) of Krastsvetmet JSC',
    authority: 'UK FCDO', date: '2023-11-08',
    url: 'https://republicofmining.com/2023/11/09/uk-sanctions-gold-trader-and-miners-in-new-russian-clampdown-by-jonathan-browning-bloomberg-news-novmeber-8-2023/',
    otherUrls: [],
  },
  'lbma-2022-03-07-russia': {
    key: 'lbma-2022-03-07-russia', kind: 'industry-delisting', title: 'LBMA suspended six Russian refiners from the London Good Delivery List',
    authority: 'LBMA', date: '2022-03-07',
    url: 'https://www.lbma.org.uk/articles/good-delivery-list-update-gold-silver-russian-refiners-suspended',
    otherUrls: [],
  },
  'rmi-2022-09-19-russia': {
    key: 'rmi-2022-09-19-russia', kind: 'rmi-program-action', title: 'RMI suspended new RMAP assessments in Russia; Russia-based auditees removed from the Active/Conformant lists by 2022-09-30 or 2023-01-31',
    authority: 'RMI', date: '2022-09-19',
    url: 'https://www.responsiblemineralsinitiative.org/news/notice-regarding-rmap-russia-based-auditees/',
    otherUrls: [],
  },
  'russia-gold-import-ban-2022': {
    key: 'russia-gold-import-ban-2022', kind: 'import-ban-origin', title: 'Import ban on gold of Russian origin: US determination under E.O. 14068 (2022-06-28); EU ban in the 7th package (2022-07-21). Applies to the material\'s origin, not to the facility as such',
    authority: 'US Treasury OFAC / EU Council', date: '2022-06-28',
    url: 'https://ofac.treasury.gov/faqs/1029',
    otherUrls: [],
  },
  'russia-metals-import-ban-2024': {
    key: 'russia-metals-import-ban-2024', kind: 'import-ban-origin', title: 'US import ban on aluminum, copper and nickel of Russian origin produced on or after 2024-04-13 (E.O. 14068 determination, with UK exchange restrictions). Applies to the material\'s origin, not to the facility as such',
    authority: 'US Treasury OFAC', date: '2024-04-12',
    url: 'https://complianceconcourse.willkie.com/articles/u-s-and-uk-authorities-take-joint-action-to-target-russian-origin-aluminum-copper-and-nickel/',
    otherUrls: [],
  },
};

/** Which action a seed row describes; null when the row is not an entity/program action (geography rows). */
function actionOf(s: SeedRow): string | null {
  switch (s.flag_type) {
    case 'sanctions':
      if (s.authority === 'US Treasury OFAC' && s.action_date === '2022-03-17') return 'ofac-2022-03-17-goetz';
      if (s.authority === 'US Treasury OFAC' && s.action_date === '2023-07-20') return 'ofac-2023-07-20-ummc';
      if (s.authority === 'UK FCDO' && s.action_date === '2023-11-08') return 'uk-2023-11-08-krastsvetmet';
      return null;
    case 'industry_delisting':
      return s.authority === 'LBMA' && s.action_date === '2022-03-07' ? 'lbma-2022-03-07-russia' : null;
    case 'rmi_program_action':
      return s.authority === 'RMI' && s.action_date === '2022-09-19' ? 'rmi-2022-09-19-russia' : null;
    case 'import_ban_origin':
      if (s.action_date === '2022-06-28') return 'russia-gold-import-ban-2022';
      if (s.action_date === '2024-04-12') return 'russia-metals-import-ban-2024';
      return null;
    default:
      return null;
  }
}

/**
 * Entity rows: the name under which each action names the facility, checked against the look-up's standard name
 * and aliases (normalised). The seed matched these by name only; this table records why each match holds.
 */
const ENTITY_NAMES: Record<string, { names: string[]; basis: string }> = {
  'ofac-2022-03-17-goetz|CID003185': { names: ['African Gold Refinery'], basis: 'Designated by name; Uganda, as in the look-up' },
  'ofac-2023-07-20-ummc|CID000929': { names: ['Uralelectromed', 'Uralelektromed'], basis: 'UMMC subsidiary (50% rule); the designation names the parent UMMC' },
  'uk-2023-11-08-krastsvetmet|CID001326': { names: ['Krastsvetmet'], basis: 'Designated by name (Krastsvetmet JSC); look-up name contains "OJSC Krastsvetmet"' },
  'lbma-2022-03-07-russia|CID001326': { names: ['Krastsvetmet'], basis: 'Named in the LBMA notice (JSC Krastsvetmet)' },
  'lbma-2022-03-07-russia|CID000493': { names: ['Novosibirsk Refinery'], basis: 'Named in the LBMA notice (JSC Novosibirsk Refinery)' },
  'lbma-2022-03-07-russia|CID000929': { names: ['Uralelectromed'], basis: 'Named in the LBMA notice (JSC Uralelectromed)' },
  'lbma-2022-03-07-russia|CID001204': { names: ['Moscow Special Alloys Processing Plant'], basis: 'Named in the LBMA notice' },
  'lbma-2022-03-07-russia|CID001386': { names: ['Prioksky Plant of Non-Ferrous Metals'], basis: 'Named in the LBMA notice' },
  'lbma-2022-03-07-russia|CID001756': { names: ['Shyolkovsky Factory of Secondary Precious Metals'], basis: 'Named in the LBMA notice (SOE)' },
};

/** Russia-wide actions, by metal (null = all metals). */
const COUNTRY_ACTIONS: CountryAction[] = [
  { action: 'rmi-2022-09-19-russia', country: 'RU', metals: null, detail: 'Located in Russia: RMI suspended RMAP assessments there (2022-09-19)' },
  { action: 'russia-gold-import-ban-2022', country: 'RU', metals: ['Gold'], detail: 'Located in Russia: gold of Russian origin is banned from import to the US (2022-06-28) and the EU (2022-07-21)' },
  { action: 'russia-metals-import-ban-2024', country: 'RU', metals: ['Aluminum', 'Copper', 'Nickel'], detail: 'Located in Russia: US import ban on Russian-origin aluminum, copper and nickel produced on or after 2024-04-13' },
];

interface Verdict { row: number; cid: string; flag: string; kept: boolean; reason: string; action?: string }
const verdicts: Verdict[] = [];
const latestEntries = new Map<string, { family: Family; rows: LookupRow[] }[]>();
for (const family of FAMILY_ORDER) {
  const t = latestOf(family);
  const m = new Map<string, LookupRow[]>();
  for (const e of t.lookup) if (/^CID\d{6}$/.test(e.id)) m.set(e.id, [...(m.get(e.id) ?? []), e]);
  for (const [id, rows] of m) latestEntries.set(id, [...(latestEntries.get(id) ?? []), { family, rows }]);
}

const facilityActions: FacilityAction[] = [];
const seedKeys = new Set<string>();
seed.forEach((s, i) => {
  const row = i + 2;
  const v = (kept: boolean, reason: string, action?: string): void => { verdicts.push({ row, cid: s.cid, flag: s.flag_type, kept, reason, ...(action ? { action } : {}) }); };
  const inFamily = latestEntries.get(s.cid)?.find((x) => x.family === s.template_family);
  if (!inFamily) return v(false, `${s.cid} is not in the ${s.template_family} ${latestOf(s.template_family as Family).version} look-up`);
  const std = inFamily.rows.find((e) => e.lookupName === e.standardName) ?? inFamily.rows[0]!;
  if (std.metal !== s.metal) return v(false, `metal ${s.metal} != look-up ${std.metal}`);
  if (std.standardName !== s.standard_smelter_name) return v(false, `name "${s.standard_smelter_name}" != look-up "${std.standardName}"`);
  if (std.country !== s.country) return v(false, `country ${s.country} != look-up ${std.country}`);
  if (s.flag_type === 'geography_covered_country' || s.flag_type === 'geography_eu_cahra') {
    return v(false, 'geography row: not copied; derived at review time from the smelter\'s country and state/province (see verification of the derivation below)');
  }
  const action = actionOf(s);
  if (!action) return v(false, `unrecognised action (${s.flag_type}, ${s.authority}, ${s.action_date})`);
  const def = ACTIONS[action]!;
  for (const u of s.source_urls.split(/\s*;\s*/)) {
    const url = u.replace(/\s*\(.*\)\s*$/, '').trim();
    if (url && url !== def.url && !def.otherUrls.includes(url)) def.otherUrls.push(url);
  }
  if (def.kind === 'rmi-program-action' || def.kind === 'import-ban-origin') {
    const ca = COUNTRY_ACTIONS.find((c) => c.action === action)!;
    const iso = countryMap.get(std.country);
    if (iso !== ca.country) return v(false, `country-wide action for ${ca.country}, but the look-up country is ${std.country}`, action);
    if (ca.metals && !ca.metals.includes(std.metal)) return v(false, `action covers ${ca.metals.join('/')} only, not ${std.metal}`, action);
    seedKeys.add(`${action}|${s.cid}`);
    return v(true, `look-up country ${std.country} (${iso}) and metal ${std.metal} are within the action's scope`, action);
  }
  const entity = ENTITY_NAMES[`${action}|${s.cid}`];
  if (!entity) return v(false, 'no public source found that names this facility', action);
  const names = [std.standardName, ...inFamily.rows.map((e) => e.lookupName)].map(normaliseSmelterName);
  const hit = entity.names.some((n) => { const k = normaliseSmelterName(n); return names.some((x) => x.includes(k)); });
  if (!hit) return v(false, `look-up names do not contain ${entity.names.join(' / ')}`, action);
  seedKeys.add(`${action}|${s.cid}`);
  facilityActions.push({ id: s.cid, metal: std.metal, name: std.standardName, country: std.country, action, detail: s.flag_detail, basis: entity.basis });
  v(true, entity.basis, action);
});

// Russia-wide actions, derived for every Russia-based ID in the newest look-ups (the seed covers CMRT/EMRT only).
const derivedAdded: string[] = [];
for (const [id, fams] of [...latestEntries].sort(([a], [b]) => a.localeCompare(b))) {
  const std = fams[0]!.rows.find((e) => e.lookupName === e.standardName) ?? fams[0]!.rows[0]!;
  const iso = countryMap.get(std.country);
  for (const ca of COUNTRY_ACTIONS) {
    if (iso !== ca.country || (ca.metals && !ca.metals.includes(std.metal))) continue;
    facilityActions.push({ id, metal: std.metal, name: std.standardName, country: std.country, action: ca.action, detail: ca.detail, basis: `look-up country ${std.country}` });
    if (!seedKeys.has(`${ca.action}|${id}`)) derivedAdded.push(`${ca.action} ${id} ${std.metal} ${std.standardName} (${fams.map((f) => f.family).join('/')})`);
  }
}
facilityActions.sort((a, b) => a.id.localeCompare(b.id) || a.action.localeCompare(b.action));

// Geography derivation check: recompute the seed's geography rows from country + state/province.
const coveredSet = new Set(COVERED_ISO);
const cahraByIso = new Map(cahra.entries.map((e) => [e.iso2, e]));
function cahraMatch(country: string, state: string): string | null {
  const iso = countryMap.get(country);
  const e = iso ? cahraByIso.get(iso) : undefined;
  if (!e) return null;
  if (e.wholeCountry) return `whole country ${e.iso2}`;
  const norm = normaliseRegion(state);
  for (const [name, code] of subdivisionNames.get(e.iso2) ?? []) {
    if (normaliseRegion(name) === norm && e.regions?.some((r) => r.code === code)) return `region ${code}`;
  }
  return null;
}
const geoMismatches: string[] = [];
const geoSeed = new Map<string, SeedRow>();
for (const s of seed) if (s.flag_type.startsWith('geography_')) geoSeed.set(`${s.flag_type}|${s.cid}`, s);
const geoDerived = new Set<string>();
for (const family of ['CMRT', 'EMRT'] as Family[]) {
  for (const e of latestOf(family).lookup) {
    if (!/^CID\d{6}$/.test(e.id) || e.lookupName !== e.standardName) continue;
    const iso = countryMap.get(e.country);
    if (iso && coveredSet.has(iso)) geoDerived.add(`geography_covered_country|${e.id}`);
    const m = cahraMatch(e.country, e.state);
    if (m) {
      geoDerived.add(`geography_eu_cahra|${e.id}`);
      const s = geoSeed.get(`geography_eu_cahra|${e.id}`);
      if (s && !s.flag_detail.includes(m.replace('region ', 'region ').split(' ').pop()!)) geoMismatches.push(`${e.id}: seed "${s.flag_detail}" / derived ${m}`);
    }
  }
}
for (const k of geoSeed.keys()) if (!geoDerived.has(k)) geoMismatches.push(`${k}: in seed, not derived`);
for (const k of geoDerived) if (!geoSeed.has(k)) geoMismatches.push(`${k}: derived, not in seed`);

// ---------------------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------------------

const json = (v: unknown): string => JSON.stringify(v);
const templateList = FAMILY_ORDER.map((f) => `${f} ${byFamily.get(f)!.map((t) => t.version).join(', ')}`).join('; ');
const header = (what: string, sources: string[]): string =>
  [
    '// GENERATED by scripts/gen-reference.ts — do not edit by hand; change the script or its inputs and rerun',
    '// (`npx tsx scripts/gen-reference.ts`).',
    `// ${what}`,
    ...sources.map((s) => `// Source: ${s}`),
    '',
  ].join('\n');

const files = new Map<string, string>();

files.set('countries.ts', `${header('Country names as the templates spell them (the \'C\' tab, named range CL), with ISO 3166-1 alpha-2 codes.', [
  `'C' tab of RMI_CMRT_${newestCmrt.version}.xlsx (release ${newestCmrt.releaseDate}); identical in every template (AMRT adds UNKNOWN = ZZ)`,
  'Aliases: kept by hand in scripts/gen-reference.ts (older look-up spellings and common short names)',
])}
/** [template spelling, ISO2], in the template's order. */
export const TEMPLATE_COUNTRIES: readonly (readonly [string, string])[] = ${json([...countryMap])};

/** Other spellings a supplier may type, upper case -> ISO2. */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = ${json(COUNTRY_ALIASES)};
`);

files.set('covered-countries.ts', `${header('Dodd-Frank Section 1502 "Covered Countries": the DRC and the nine countries sharing a border with it.', [
  'Definitions tab of the CMRT ("Covered Country(ies) as defined by the United States Dodd-Frank Wall Street Reform and Consumer Protection Act of 2010 ...")',
  'Dodd-Frank Act s.1502 (2010-07-21); SEC Rule 13p-1',
])}
import type { SourceInfo } from '../types';

export const COVERED_COUNTRIES_SOURCE: SourceInfo = ${json({ name: 'Dodd-Frank s.1502 covered countries (CMRT Definitions tab)', date: '2010-07-21', url: 'https://www.sec.gov/rules/final/2012/34-67716.pdf' })};

/** ISO2 -> template spelling. */
export const COVERED_COUNTRIES: Readonly<Record<string, string>> = ${json(Object.fromEntries(COVERED_ISO.map((iso) => [iso, isoToName.get(iso)!])))};
`);

const cahraOut = cahra.entries.map((e) => ({
  iso2: e.iso2, name: e.countryName, wholeCountry: e.wholeCountry,
  regions: (e.regions ?? []).map((r) => [r.code, r.name, r.conflictAffected ? 1 : 0, r.highRisk ? 1 : 0]),
}));
const subdivOut = Object.fromEntries([...subdivisionNames].sort(([a], [b]) => a.localeCompare(b)).map(([iso, m]) => [iso, [...m].sort(([a], [b]) => a.localeCompare(b))]));
const cahraText = cahraOut.map((c) => {
  const lines = [`#${c.iso2}\t${c.name}\t${c.wholeCountry ? 1 : 0}`];
  const suffix = (code: string): string => {
    if (!code.startsWith(`${c.iso2}-`)) throw new Error(`CAHRA: ${code} is not a subdivision of ${c.iso2}`);
    return code.slice(c.iso2.length + 1);
  };
  const regions = c.regions as [string, string, number, number][];
  const listed = (code: string, name: string): number => {
    const r = regions.find((x) => x[0] === code && x[1] === name);
    return r ? (r[3] ? 1 : 0) + (r[2] ? 2 : 0) : 0;
  };
  for (const r of regions) if (!r[2] && !r[3]) throw new Error(`CAHRA: ${r[0]} is neither conflict-affected nor high-risk`);
  const spellings = (subdivOut[c.iso2] ?? []) as [string, string][];
  for (const [name, code] of spellings) lines.push(`${suffix(code)}\t${name}\t${listed(code, name) + 4}`);
  for (const r of regions) {
    if (!spellings.some(([name, code]) => code === r[0] && name === r[1])) lines.push(`${suffix(r[0])}\t${r[1]}\t${listed(r[0], r[1])}`);
  }
  for (const l of lines) if (l.split('\t').length !== 3 || l.includes('\n')) throw new Error(`CAHRA: a name holds a tab or newline: ${l}`);
  return lines.join('\n');
}).join('\n');
for (const iso of Object.keys(subdivOut)) if (!cahraOut.some((c) => c.iso2 === iso)) throw new Error(`CAHRA: subdivision names for ${iso}, which the list does not name`);
files.set('cahra.ts', `${header(`EU indicative list of conflict-affected and high-risk areas (CAHRAs), ${cahra.meta.version}: ${cahra.entries.length} countries, ${cahra.entries.reduce((n, e) => n + (e.regions?.length ?? 0), 0)} regions; whole countries: ${cahra.entries.filter((e) => e.wholeCountry).map((e) => e.iso2).join(', ')}.`, [
  `${cahra.meta.source} (retrieved ${cahra.meta.retrieved}, reports updated ${cahraDate}) via github Pangea-Intelligence/dpp-lint data/cahra.json`,
  `Subdivision spellings: SorP tab of RMI_CMRT_${newestCmrt.version}.xlsx (ISO 3166-2), for the countries listed by region; ${ambiguousRegions} ambiguous spellings dropped`,
  'Licence note: indicative, non-exhaustive list maintained by RAND Europe for the European Commission; no explicit licence published.',
])}
import type { SourceInfo } from '../types';

export const CAHRA_SOURCE: SourceInfo = ${json({ name: `EU indicative CAHRA list (cahraslist.net, ${cahra.meta.version.replace(/ - For publication$/, '')})`, date: cahraDate, url: cahra.meta.website })};

/**
 * The list as text: per country a line "#ISO2<tab>name<tab>1 when listed as a whole country, else 0", then one line
 * per subdivision "code suffix (after ISO2-)<tab>name<tab>flags", flags being the sum of
 *   1  high-risk area on the list
 *   2  conflict-affected area on the list
 *   4  this spelling is the template's own (SorP tab)
 * A listed region whose CAHRA spelling differs from the template's has a line of each kind. A compact text rather
 * than JSON because this data ships in the task pane's bundle; src/core/reference/geography.ts decodes it.
 */
export const CAHRA_TEXT = ${json(cahraText)};
`);

const historyMetals = Object.fromEntries(FAMILY_ORDER.map((f) => [f, [...new Set(history.filter((h) => h.family === f).map((h) => h.metal))]])) as Record<Family, string[]>;
const historyText = Object.fromEntries(FAMILY_ORDER.map((f) => {
  const versions = byFamily.get(f)!.map((t) => t.version);
  if (versions.length > 36) throw new Error(`${f}: more versions than one base-36 digit can index`);
  const v36 = (v: string): string => {
    const i = versions.indexOf(v);
    if (i < 0) throw new Error(`${f}: version ${v} not in TEMPLATE_VERSIONS`);
    return i.toString(36);
  };
  let previous = 0;
  const lines = history.filter((h) => h.family === f).map((h) => {
    const n = Number(h.id.slice(3));
    if (n < previous) throw new Error(`${f}: history not in ascending ID order at ${h.id}`);
    const fields = [(n - previous).toString(36), String(historyMetals[f].indexOf(h.metal)), h.standardName, h.country, h.state, h.aliases.join('|'), `${v36(h.firstSeen)}${v36(h.lastSeen)}${h.inLatest ? 1 : 0}`];
    previous = n;
    for (const x of [h.standardName, h.country, h.state, ...h.aliases]) if (/[\t\n|]/.test(x)) throw new Error(`${h.id}: ${JSON.stringify(x)} holds a tab, newline or "|"`);
    return fields.join('\t');
  });
  return [f, lines.join('\n')];
})) as Record<Family, string>;
const versionsOut = Object.fromEntries(FAMILY_ORDER.map((f) => [f, byFamily.get(f)!.map((t) => ({ version: t.version, releaseDate: t.releaseDate, lookupEntries: t.lookup.length }))]));
files.set('history.ts', `${header(`RMI smelter IDs listed in the templates' Smelter Look-up tabs, per family, with the first and last version listing them (${history.length} rows; ${history.filter((h) => !h.inLatest).length} no longer in their family's newest template).`, [
  `Smelter Look-up tabs of ${templateList}`,
  `Cross-checked with rmi_lookup_cid_history_from_fixtures.csv: ${historyDiffs.length} differences`,
])}
import type { Family } from '../../model';

export interface TemplateVersionInfo {
  version: string;
  releaseDate: string | null;
  lookupEntries: number;
}

/** Template versions the history was built from, oldest first. */
export const TEMPLATE_VERSIONS: Readonly<Record<Family, readonly TemplateVersionInfo[]>> = ${json(versionsOut)};

/** Metals of each family's history, in the order ID_HISTORY_TEXT indexes them. */
export const HISTORY_METALS: Readonly<Record<Family, readonly string[]>> = ${json(historyMetals)};

/**
 * Per family, one line per ID in ascending order, fields separated by tabs:
 *   ID step   the ID's number minus the previous line's (base 36; the first line counts from 0)
 *   metal     index into HISTORY_METALS[family]
 *   standard name, country, state/province, aliases (separated by "|")
 *   seen      three characters: first and last version listing the ID (base-36 indexes into
 *             TEMPLATE_VERSIONS[family]) and 1/0 for "in the family's newest template"
 * A compact text rather than an array of tuples because this data ships in the task pane's bundle (about 4 KB less
 * after gzip); src/core/reference/history.ts decodes it on first use. (No city: nothing uses it.)
 */
export const ID_HISTORY_TEXT: Readonly<Record<Family, string>> = {
${FAMILY_ORDER.map((f) => `  ${f}: ${json(historyText[f])},`).join('\n')}
};
`);

const actionsUsed = [...new Set(facilityActions.map((a) => a.action).concat(COUNTRY_ACTIONS.map((c) => c.action)))];
files.set('actions.ts', `${header('Sanctions, industry delistings, RMI program actions and origin-based import bans that concern smelters, mapped to RMI IDs.', [
  'smelters_of_interest_seed.csv (verified row by row against the templates\' look-up tabs and public reporting; see seed-verification.ts)',
  `Russia-wide actions applied to every Russia-based ID of the newest look-ups (${FAMILY_ORDER.map((f) => `${f} ${latestOf(f).version}`).join(', ')})`,
])}
export type ActionKind = 'sanction' | 'industry-delisting' | 'rmi-program-action' | 'import-ban-origin';

export interface ActionDefinition {
  key: string;
  kind: ActionKind;
  title: string;
  authority: string;
  /** ISO date of the action. */
  date: string;
  url: string;
  otherUrls: readonly string[];
}

export const ACTIONS: Readonly<Record<string, ActionDefinition>> = ${json(Object.fromEntries(actionsUsed.sort().map((k) => [k, ACTIONS[k]!])))};

/** [id, metal, standard name, country, action key, detail, basis of the match] */
export type FacilityActionTuple = readonly [string, string, string, string, string, string, string];

export const FACILITY_ACTIONS: readonly FacilityActionTuple[] = [
${facilityActions.map((a) => `  ${json([a.id, a.metal, a.name, a.country, a.action, a.detail, a.basis])},`).join('\n')}
];

/** Country-wide actions, applied to any smelter located there (listed or not): metals null = every metal. */
export const COUNTRY_ACTIONS: readonly { action: string; country: string; metals: readonly string[] | null; detail: string }[] = ${json(COUNTRY_ACTIONS)};
`);

const keptCount = verdicts.filter((v) => v.kept).length;
files.set('seed-verification.ts', `${header(`Verification of smelters_of_interest_seed.csv: ${seed.length} rows, ${keptCount} kept, ${seed.length - keptCount} not shipped as rows.`, [
  'smelters_of_interest_seed.csv, checked against the newest Smelter Look-up tab of each family',
])}
/** Per seed row (CSV line number): kept or not, and why. */
export const SEED_VERIFICATION: readonly { row: number; cid: string; flag: string; kept: boolean; reason: string; action?: string }[] = [
${verdicts.map((v) => `  ${json(v)},`).join('\n')}
];

/** Russia-wide action rows derived from the look-ups that the seed did not list. */
export const DERIVED_NOT_IN_SEED: readonly string[] = ${json(derivedAdded)};

/** Differences between the seed's geography rows and the same derivation done at review time (CMRT/EMRT). */
export const GEOGRAPHY_DERIVATION_DIFFERENCES: readonly string[] = ${json(geoMismatches)};

/** Differences between rmi_lookup_cid_history_from_fixtures.csv and the history derived here. */
export const HISTORY_CSV_DIFFERENCES: readonly string[] = ${json(historyDiffs)};

/** Look-up anomalies met while building the history (an ID listed for two metals, ...). */
export const HISTORY_CONFLICTS: readonly string[] = ${json(historyConflicts)};
`);

if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true });
let stale = 0;
for (const [name, content] of files) {
  const path = join(outDir, name);
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (old === content) continue;
  stale++;
  if (!checkOnly) writeFileSync(path, content);
  console.log(`${checkOnly ? 'stale' : 'wrote'} ${path} (${content.length} bytes)`);
}
console.log(`seed: ${seed.length} rows, kept ${keptCount}, not shipped ${seed.length - keptCount}`);
const reasons = new Map<string, number>();
for (const v of verdicts) if (!v.kept) reasons.set(v.reason.replace(/CID\d+/g, 'CID…'), (reasons.get(v.reason.replace(/CID\d+/g, 'CID…')) ?? 0) + 1);
for (const [r, n] of reasons) console.log(`  dropped ${n}: ${r}`);
console.log(`derived Russia-wide rows not in seed: ${derivedAdded.length}`);
for (const d of derivedAdded) console.log(`  + ${d}`);
console.log(`geography derivation differences: ${geoMismatches.length}`);
for (const d of geoMismatches) console.log(`  ~ ${d}`);
console.log(`history: ${history.length} rows; CSV differences: ${historyDiffs.length}; conflicts: ${historyConflicts.length}`);
for (const d of historyDiffs.slice(0, 20)) console.log(`  ~ ${d}`);
for (const d of historyConflicts.slice(0, 20)) console.log(`  ! ${d}`);
if (checkOnly && stale > 0) process.exitCode = 1;
