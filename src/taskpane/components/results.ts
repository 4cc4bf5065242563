/** The result panes, one lazily loaded chunk ("results"): fetched when a check starts. */
export { CompletenessPane } from './CompletenessPane';
export { SmeltersPane } from './SmeltersPane';
