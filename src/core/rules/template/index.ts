/**
 * Rules about the template itself rather than its answers: its version, and what the reader noticed while reading it.
 */
import type { Rule } from '../rule';
import outdated from './outdated';
import unknownVersion from './unknown-version';
import readNotes from './read-notes';

export const TEMPLATE_RULES: readonly Rule[] = [unknownVersion, outdated, readNotes];

export { outdated, unknownVersion, readNotes };
