/**
 * Follow-up after a review (issue #8): the request to the supplier (or, in supplier mode, the list of what to fix
 * before sending), its outputs (text, mailto:, worksheet rows, CSV), its editable wording, and the review log.
 */
export * from './template';
export {
  buildFollowUp, addDays, CATEGORY_LABELS, DEFAULT_DUE_DAYS, MAX_DUE_DAYS, SMELTER_ID_RULES,
  type FollowUpContact, type FollowUpItem, type FollowUpOptions, type FollowUpReason, type FollowUpRequest,
  type FollowUpSheetGroup, type FollowUpSmelter, type ReviewedDeclaration,
} from './request';
export * from './render';
export * from './review-log';
