/** The add-in's version (package.json), recorded in the review log. Webpack keeps only this field of the JSON. */
import pkg from '../../package.json';

export const ADDIN_VERSION: string = pkg.version;
