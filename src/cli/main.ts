/**
 * `cmrt-review`: read → review → format → print, with explicit exit codes (after commitlint's CLI):
 *   0  no error-severity findings
 *   1  error-severity findings
 *   2  a usage error, or a file that could not be read as a template
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reviewFile, type Loaded } from './load';
import { fileReport, formatJson, formatText, type FileReport } from './report';
import { createReviewReference, type ReviewReference } from '../core/reference';
import { parsePolicy } from '../core/policy';
import { loadReferenceFiles } from './reference-files';
import { parseArgs } from './args';
import { FollowUpWriteError, writeFollowUps } from './followup-out';
import type { Role } from '../core/rules/rule';
import { parseRollupArgs, rollup } from './rollup';
import { MAX_DUE_DAYS } from '../core/followup/request';
import { parseTemplate, type FollowUpTemplate } from '../core/followup/template';
import { addressProblem } from '../core/rules/declaration/email-format';

/** `check` options that shape the follow-up files (--out). */
interface FollowUpArgs {
  partNumbers?: string[];
  contactName?: string;
  contactEmail?: string;
  dueDays?: number;
  wordingFile?: string;
}

export const EXIT = { OK: 0, FINDINGS: 1, USAGE: 2 } as const;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  now?: Date;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

const USAGE = `Usage: cmrt-review check [options] FILE...
       cmrt-review rollup --out DIR [options] PATH...

Reviews RMI reporting templates (CMRT, EMRT, CRT, AMRT): Checker completeness, findings, smelter IDs and
smelters of interest.

Options for check:
  --format text|json   output format (default: text)
  --role buyer|supplier  whose view to take (default: buyer)
  --status FILE        your RMI facility list export (CSV or XLSX) for audit status
  --watchlist FILE     your watch list (CSV: id,reason)
  --policy FILE        policy JSON (which categories make a smelter of interest)
  --out DIR            write DIR/<name>.followup.txt (and .followup.csv of the smelters of interest)
                       for each file that needs follow-up; as supplier, the list of what to fix
  With --out, for the buyer's request:
  --parts LIST         your part numbers the request is about (separated by "," or ";"; may repeat)
  --contact-name NAME  who the supplier should reply to
  --contact-email ADDR and at which address
  --due-days N         days until the reply is due (1-365, default 30)
  --wording FILE       your own texts for the request, as JSON:
                       {"format": "cmrt-review/followup-template", "version": 1, "template": {"subject": "..."}}
  -h, --help           show this help
  -v, --version        show the version

rollup: review every template in the PATHs (files, or folders searched for .xlsx/.xlsm) on all cores and write
DIR/suppliers.csv (one row per file), DIR/smelters.csv (one row per unique smelter: which suppliers list it, and
why it is of interest) and DIR/findings.csv (every finding with its file, sheet and cell), and the same three
tables as the sheets of DIR/rollup.xlsx. Unreadable files are listed and skipped. Takes --role, --status,
--watchlist and --policy as check does, and:
  --jobs N             worker threads (default: the number of cores; 0 = none)

Exit codes: 0 no errors, 1 error-severity findings, 2 usage error or unreadable file.
`;

interface CheckArgs {
  format: 'text' | 'json';
  followUp: FollowUpArgs;
  role: Role;
  status?: string;
  watchlist?: string;
  policy?: string;
  out?: string;
  files: string[];
}

class UsageError extends Error {}

function parseCheckArgs(args: string[]): CheckArgs {
  let format: CheckArgs['format'] = 'text';
  const followUp: FollowUpArgs = {};
  const given: string[] = [];
  const { positional, ...common } = parseArgs(args, (m) => new UsageError(m), (name, value) => {
    switch (name) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not "${v}".`);
        format = v;
        return true;
      }
      case '--parts':
        followUp.partNumbers = [...(followUp.partNumbers ?? []), ...value().split(/[,;\n]/)];
        break;
      case '--contact-name':
        followUp.contactName = value();
        break;
      case '--contact-email': {
        const v = value().trim();
        const problem = addressProblem(v);
        if (problem) throw new UsageError(`--contact-email "${v}" is not an email address: ${problem}.`);
        followUp.contactEmail = v;
        break;
      }
      case '--due-days': {
        const v = value();
        const n = /^\d+$/.test(v.trim()) ? Number(v) : NaN;
        if (!Number.isInteger(n) || n < 1 || n > MAX_DUE_DAYS) throw new UsageError(`--due-days must be a whole number of days from 1 to ${MAX_DUE_DAYS}, not "${v}".`);
        followUp.dueDays = n;
        break;
      }
      case '--wording':
        followUp.wordingFile = value();
        break;
      default:
        return false;
    }
    given.push(name);
    return true;
  });
  const out: CheckArgs = { ...common, format, followUp, files: positional };
  if (!out.files.length) throw new UsageError('Give at least one template file to check.');
  const shaping = [...new Set(given)];
  if (shaping.length && !out.out) throw new UsageError(`${shaping.join(', ')} shape${shaping.length === 1 ? 's' : ''} the follow-up files; add --out DIR to write them.`);
  return out;
}

/** The follow-up wording file: errors are usage errors, warnings go to stderr. */
function readWording(file: string, warn: (s: string) => void): FollowUpTemplate {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read the wording file ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
  const r = parseTemplate(text);
  const errors = r.messages.filter((m) => m.severity === 'error');
  if (errors.length) throw new UsageError(`Wording file ${file}: ${errors.map((m) => m.message).join(' ')}`);
  for (const m of r.messages) warn(`${file}: ${m.message}\n`);
  return r.template;
}

export function buildReference(args: { status?: string; watchlist?: string; policy?: string }, now: Date, warn: (s: string) => void): ReviewReference {
  const parts: Partial<ReviewReference> = {};
  if (args.policy) {
    let text: string;
    try {
      text = readFileSync(args.policy, 'utf8');
    } catch {
      throw new UsageError(`Cannot read the policy file ${args.policy}.`);
    }
    const r = parsePolicy(text);
    const errors = r.messages.filter((m) => m.severity === 'error');
    if (errors.length) throw new UsageError(`Policy file ${args.policy}: ${errors.map((m) => m.message).join(' ')}`);
    parts.policy = r.policy;
    for (const m of r.messages) warn(`${args.policy}: ${m.message}\n`);
  }
  Object.assign(parts, loadReferenceFiles({ status: args.status, watchlist: args.watchlist }, now, warn, (m) => new UsageError(m)));
  return createReviewReference(parts);
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    (command ? io.stdout : io.stderr)(USAGE);
    return command ? EXIT.OK : EXIT.USAGE;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(`${version()}\n`);
    return EXIT.OK;
  }
  try {
    if (command === 'check') return check(parseCheckArgs(rest), io);
    if (command === 'rollup') return await rollup(parseRollupArgs(rest, (m) => new UsageError(m)), io, buildReference);
    throw new UsageError(`Unknown command "${command}". Use "check" or "rollup".`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`cmrt-review: ${e.message}\n${USAGE}`);
      return EXIT.USAGE;
    }
    throw e;
  }
}

function check(args: CheckArgs, io: Io): number {
  const now = io.now ?? new Date();
  const reference = buildReference(args, now, io.stderr);
  const wording = args.followUp.wordingFile ? readWording(args.followUp.wordingFile, io.stderr) : undefined;
  const results: { file: string; loaded: Loaded; report: FileReport }[] = [];
  for (const file of args.files) {
    const loaded = reviewFile(file, { role: args.role, now, reference });
    results.push({ file, loaded, report: fileReport(file, loaded.review, loaded.error) });
  }
  if (args.format === 'json') {
    io.stdout(`${formatJson({ name: 'cmrt-review', version: version() }, results.map((r) => r.report))}\n`);
  } else {
    io.stdout(`${results.map((r) => formatText(r.report, r.loaded.review)).join('\n\n')}\n`);
  }
  if (args.out) {
    try {
      const w = writeFollowUps(args.out, results.map((r) => ({ file: r.file, review: r.loaded.review })), {
        role: args.role, now,
        ...(args.followUp.partNumbers ? { partNumbers: args.followUp.partNumbers } : {}),
        ...(args.followUp.contactName || args.followUp.contactEmail
          ? { contact: { name: args.followUp.contactName ?? '', ...(args.followUp.contactEmail ? { email: args.followUp.contactEmail } : {}) } }
          : {}),
        ...(args.followUp.dueDays ? { dueDays: args.followUp.dueDays } : {}),
        ...(wording ? { templateText: wording } : {}),
      });
      if (w.written.length) io.stderr(`cmrt-review: wrote ${w.written.join(', ')}\n`);
    } catch (e) {
      if (!(e instanceof FollowUpWriteError)) throw e;
      io.stderr(`cmrt-review: ${e.message}\n`);
      return EXIT.USAGE;
    }
  }
  if (results.some((r) => r.loaded.error)) return EXIT.USAGE;
  return results.some((r) => (r.loaded.review?.summary.errors ?? 0) > 0) ? EXIT.FINDINGS : EXIT.OK;
}
