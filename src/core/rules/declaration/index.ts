/**
 * The declaration rules (findings beyond the template's own Checker), in report order: the template rules first
 * (version, read notes), then malformed values, then answers that contradict each other, then policy answers.
 */
import type { Rule } from '../rule';
import { TEMPLATE_RULES } from '../template';
import emailFormat from './email-format';
import authorizerPlaceholder from './authorizer-placeholder';
import effectiveDate from './effective-date';
import answerNotInList from './answer-not-in-list';
import whitespace from './whitespace';
import remainsWithoutIntentional from './remains-without-intentional';
import allIdentifiedLowResponse from './all-identified-low-response';
import originBeforeData from './origin-before-data';
import notAllReported from './not-all-reported';
import otherFormatNoDescription from './other-format-no-description';
import policyNo from './policy-no';

/** Rules on the Declaration sheet's values, without the template rules. */
export const DECLARATION_VALUE_RULES: readonly Rule[] = [
  emailFormat, authorizerPlaceholder, effectiveDate, answerNotInList, whitespace,
  remainsWithoutIntentional, allIdentifiedLowResponse, originBeforeData, notAllReported, otherFormatNoDescription,
  policyNo,
];

/** Every rule of this area, the template rules (template/outdated, template/unknown-version, template/read-notes) included. */
export const DECLARATION_RULES: readonly Rule[] = [...TEMPLATE_RULES, ...DECLARATION_VALUE_RULES];

export {
  emailFormat, authorizerPlaceholder, effectiveDate, answerNotInList, whitespace, remainsWithoutIntentional,
  allIdentifiedLowResponse, originBeforeData, notAllReported, otherFormatNoDescription, policyNo,
};
