/**
 * Option parsing shared by `check` and `rollup`: `--name value` and `--name=value`, `--` ending the options, and
 * the options both commands take (role and the user's reference files).
 */
import type { Role } from '../core/rules/rule';

export type MakeError = (message: string) => Error;

export interface CommonOptions {
  role: Role;
  status?: string;
  watchlist?: string;
  policy?: string;
  out?: string;
}

/**
 * Parses `args`. `extra` sees each option first and returns true when it took it (calling `value()` for its
 * argument); what neither it nor the common options know is a usage error naming `command` when given.
 */
export function parseArgs(
  args: readonly string[],
  usage: MakeError,
  extra: (name: string, value: () => string) => boolean = () => false,
  command?: string,
): CommonOptions & { positional: string[] } {
  const out: CommonOptions & { positional: string[] } = { role: 'buyer', positional: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const eq = a.indexOf('=');
      if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined) throw usage(`${a} needs a value.`);
      return v;
    };
    const name = a.startsWith('--') ? a.split('=')[0]! : a;
    if (extra(name, value)) continue;
    switch (name) {
      case '--role': {
        const v = value();
        if (v !== 'buyer' && v !== 'supplier') throw usage(`--role must be buyer or supplier, not "${v}".`);
        out.role = v;
        break;
      }
      case '--status': out.status = value(); break;
      case '--watchlist': out.watchlist = value(); break;
      case '--policy': out.policy = value(); break;
      case '--out': out.out = value(); break;
      case '--': out.positional.push(...args.slice(i + 1)); i = args.length; break;
      default:
        if (a.startsWith('-') && a !== '-') throw usage(`Unknown option ${a}${command ? ` for ${command}` : ''}.`);
        out.positional.push(a);
    }
  }
  return out;
}
