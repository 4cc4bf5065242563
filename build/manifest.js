// @ts-check
/**
 * Turns the development manifest (manifest.xml, which points at https://localhost:3000) into the production
 * manifest. webpack.config.js calls this for `npm run build`; test/manifest.test.ts calls the same function.
 *
 * The production URL comes from the ADDIN_PUBLIC_URL environment variable, else from package.json
 * `config.prod_url`. It may carry a path (https://example.com/cmrt-review) when the files are hosted below the root.
 */
'use strict';

const fs = require('fs');
const path = require('path');

/** The origin every URL in manifest.xml uses during development. */
const DEV_ORIGIN = 'https://localhost:3000';

/**
 * Checks and normalises a public URL: https only, no query or fragment, no trailing slash.
 * @param {string} url
 * @returns {string}
 */
function normalizePublicUrl(url) {
  const text = String(url ?? '').trim();
  let parsed;
  try {
    parsed = new URL(text);
  } catch {
    throw new Error(`The add-in's public URL is not a URL: "${text}"`);
  }
  if (parsed.protocol !== 'https:') {
    throw new Error(`The add-in's public URL must use https (Office loads add-ins only over https): "${text}"`);
  }
  if (parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new Error(`The add-in's public URL must not carry credentials, a query or a fragment: "${text}"`);
  }
  if (/^(localhost|127\.|\[::1\])/i.test(parsed.host)) {
    throw new Error(`The add-in's public URL must not be a local address: "${text}"`);
  }
  return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
}

/**
 * The production URL: ADDIN_PUBLIC_URL if set, else package.json `config.prod_url`.
 * @param {Record<string, string | undefined>} [env]
 * @param {string} [packageJsonPath]
 * @returns {string}
 */
function resolvePublicUrl(env = process.env, packageJsonPath = path.join(__dirname, '..', 'package.json')) {
  const fromEnv = env.ADDIN_PUBLIC_URL;
  if (fromEnv && fromEnv.trim()) return normalizePublicUrl(fromEnv);
  const pkg = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));
  const fromPkg = pkg && pkg.config && pkg.config.prod_url;
  if (!fromPkg) throw new Error('Set ADDIN_PUBLIC_URL or package.json config.prod_url to the production URL.');
  return normalizePublicUrl(fromPkg);
}

/**
 * Replaces the development origin everywhere in the manifest text with the production URL.
 * Throws if any local address is left afterwards.
 * @param {string} xml manifest.xml as text
 * @param {string} publicUrl production URL, e.g. https://cmrt-review.example.com
 * @returns {string}
 */
function toProductionManifest(xml, publicUrl) {
  const base = normalizePublicUrl(publicUrl);
  const out = String(xml).split(DEV_ORIGIN).join(base);
  const leftover = /(https?:\/\/)?(localhost|127\.0\.0\.1|\[::1\])(:\d+)?/i.exec(out);
  if (leftover) {
    throw new Error(`The production manifest still refers to a local address: ${leftover[0]}`);
  }
  return out;
}

module.exports = { DEV_ORIGIN, normalizePublicUrl, resolvePublicUrl, toProductionManifest };
