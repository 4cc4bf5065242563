// @ts-check
/**
 * webpack for the task pane.
 *
 *   npm run build        production: tree-shaken ES modules in dist/, vendor chunk, dist/manifest.xml rewritten to the
 *                        production URL (ADDIN_PUBLIC_URL, else package.json config.prod_url)
 *   npm run build:dev    development build in dist/ (manifest unchanged, pointing at https://localhost:3000)
 *   npm run dev-server   https://localhost:3000 with office-addin-dev-certs
 *
 * Pages: every page is one entry + one HTML template. A page marked `devOnly` (for example a later `preview` page that
 * renders the task pane outside Excel) is added to development builds and the dev server only, never to production.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { resolvePublicUrl, toProductionManifest } = require('./build/manifest');

const pkg = require('./package.json');
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || pkg.config?.dev_server_port || 3000);

/**
 * @typedef {{ name: string, entry: string, template: string, devOnly?: boolean }} Page
 * @type {Page[]}
 */
const PAGES = [
  { name: 'taskpane', entry: './src/taskpane/index.tsx', template: './src/taskpane/taskpane.html' },
  // The task pane over the simulated workbook (src/excel/fake), served by `npm run preview` (scripts/preview.ts).
  { name: 'preview', entry: './src/preview/main.tsx', template: './src/preview/preview.html', devOnly: true },
];

/** Pages that belong in a build of the given mode. */
function pagesFor(production) {
  return PAGES.filter((p) => !(production && p.devOnly));
}

/**
 * HTTPS options for the dev server. office-addin-dev-certs generates a CA + localhost certificate in
 * ~/.office-addin-dev-certs and installs the CA into the OS trust store. On Linux that install step runs `sudo`;
 * where it cannot (no sudo, CI, containers) the certificate files it already generated are used untrusted, and failing
 * that webpack-dev-server's own self-signed certificate.
 */
async function httpsServer() {
  const devCerts = require('office-addin-dev-certs');
  try {
    return { type: 'https', options: await devCerts.getHttpsServerOptions() };
  } catch (err) {
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const cert = path.join(dir, 'localhost.crt');
    const key = path.join(dir, 'localhost.key');
    const ca = path.join(dir, 'ca.crt');
    const reason = String((err && err.message) || err).split('\n')[0];
    if (fs.existsSync(cert) && fs.existsSync(key)) {
      console.warn(
        `[dev-server] Could not install the development CA (${reason}).\n` +
          `[dev-server] Serving with ${cert}; trust ${ca} yourself (see README, "Development certificates").`,
      );
      return {
        type: 'https',
        options: {
          cert: fs.readFileSync(cert),
          key: fs.readFileSync(key),
          ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}),
        },
      };
    }
    console.warn(`[dev-server] office-addin-dev-certs failed (${reason}); using a self-signed certificate.`);
    return 'https';
  }
}

/**
 * @param {Record<string, unknown>} env
 * @param {{ mode?: 'production' | 'development' | 'none' }} argv
 * @returns {Promise<import('webpack').Configuration>}
 */
module.exports = async (env = {}, argv = {}) => {
  const production = (argv.mode ?? 'production') === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  // `--env pages=preview` (or a comma-separated list) builds only those pages; scripts/preview.ts uses it.
  const only = typeof env.pages === 'string' ? env.pages.split(',') : null;
  const pages = pagesFor(production).filter((p) => !only || only.includes(p.name));
  const publicUrl = production ? resolvePublicUrl() : undefined;

  /** @type {import('webpack').Configuration} */
  const config = {
    mode: production ? 'production' : 'development',
    // ES2020 output for the Office web views (WebView2, WKWebView, browsers for Excel on the web); no browserslist,
    // no polyfills.
    target: ['web', 'es2020'],
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: Object.fromEntries(pages.map((p) => [p.name, p.entry])),
    experiments: { outputModule: true },
    output: {
      path: path.resolve(__dirname, 'dist'),
      module: true,
      chunkFormat: 'module',
      chunkLoading: 'import',
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.mjs', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            // Griffel's ahead-of-time transform: our makeStyles() calls become precomputed class maps and CSS, as in
            // Fluent's own packages, so the runtime style compiler (stylis, rtl-css-js) stays out of the bundle.
            // Loaders run last to first: this one gets ts-loader's JavaScript.
            { loader: '@griffel/webpack-loader' },
            {
              loader: 'ts-loader',
              options: {
                transpileOnly: true,
                compilerOptions: { target: 'ES2020', module: 'ESNext', noEmit: false, sourceMap: true },
              },
            },
          ],
        },
      ],
    },
    optimization: {
      usedExports: true,
      sideEffects: true,
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          vendors: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendors',
            // Only what the first paint needs: packages used only by lazily loaded panes (e.g. fflate for XLSX
            // imports) stay in those panes' chunks instead of joining the initial download.
            chunks: 'initial',
            priority: -10,
            reuseExistingChunk: true,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      ...pages.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: `${p.name}.html`,
            // The template is plain HTML. Passing it as a string avoids html-webpack-plugin's lodash-template child
            // compilation, whose `with` statement webpack rejects in ES-module output.
            templateContent: fs.readFileSync(path.resolve(__dirname, p.template), 'utf8'),
            chunks: [p.name],
            scriptLoading: 'module',
            inject: 'body',
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/support.html', to: 'support.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) =>
              production && publicUrl ? toProductionManifest(content.toString('utf8'), publicUrl) : content,
          },
        ],
      }),
    ],
  };

  if (serving) {
    config.devServer = {
      port: DEV_PORT,
      hot: false,
      server: await httpsServer(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      client: { overlay: { warnings: false, errors: true } },
    };
  }
  return config;
};

module.exports.PAGES = PAGES;
module.exports.pagesFor = pagesFor;
