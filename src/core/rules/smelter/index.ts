/**
 * The smelter rules, in report order. Each rule's `check` shares one analysis of the Smelter List per run.
 */
import type { Rule } from '../rule';
import type { ReviewReference } from '../../reference';
import malformedId from './malformed-id';
import unknownId from './unknown-id';
import metalMismatch from './metal-mismatch';
import typedIdMismatch from './typed-id-mismatch';
import lookupNotInList from './lookup-not-in-list';
import nameMismatch from './name-mismatch';
import countryMismatch from './country-mismatch';
import duplicate from './duplicate';
import notListed from './not-listed';
import notYetIdentified from './not-yet-identified';
import removedId from './removed-id';
import metalNotInScope from './metal-not-in-scope';
import coveredCountryAnswer from './covered-country-answer';
import cahraAnswer from './cahra-answer';

export const SMELTER_RULES: readonly Rule<ReviewReference>[] = [
  malformedId, unknownId, metalMismatch, typedIdMismatch, lookupNotInList, nameMismatch, countryMismatch, duplicate,
  notListed, notYetIdentified, removedId, metalNotInScope, coveredCountryAnswer, cahraAnswer,
];

export {
  malformedId, unknownId, metalMismatch, typedIdMismatch, lookupNotInList, nameMismatch, countryMismatch, duplicate,
  notListed, notYetIdentified, removedId, metalNotInScope, coveredCountryAnswer, cahraAnswer,
};
