/**
 * Offline checks of manifest.xml and of the production manifest (office-addin-manifest's `validate` needs the
 * network, so it is not used here).
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { DEV_ORIGIN, normalizePublicUrl, resolvePublicUrl, toProductionManifest } from '../build/manifest';
import { ICON_SIZES, decodePng, readPngHeader, renderIcon } from '../scripts/icon-raster';

const ROOT = join(__dirname, '..');
const MANIFEST_PATH = join(ROOT, 'manifest.xml');
const MANIFEST = readFileSync(MANIFEST_PATH, 'utf8');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  config: { prod_url: string };
  scripts: Record<string, string>;
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// --- A small namespace-aware view of the manifest, from xml2js (the parser office-addin-manifest itself uses). ---

interface XmlNode {
  name: string; // qualified name as written, e.g. "bt:Image"
  local: string; // local name, e.g. "Image"
  uri: string; // namespace URI
  attrs: Record<string, { value: string; local: string; uri: string }>;
  text: string;
  children: XmlNode[];
}

// xml2js is a dependency of office-addin-manifest; resolve it from there rather than relying on hoisting.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xml2js = require(require.resolve('xml2js', { paths: [require.resolve('office-addin-manifest')] })) as {
  parseStringPromise(xml: string, options: Record<string, unknown>): Promise<unknown>;
};

type Raw = {
  '#name': string;
  $?: Record<string, { value: string; local: string; uri: string }>;
  $ns?: { local: string; uri: string };
  _?: string;
  $$?: Raw[];
};

function toNode(raw: Raw): XmlNode {
  return {
    name: raw['#name'],
    local: raw.$ns?.local ?? raw['#name'],
    uri: raw.$ns?.uri ?? '',
    attrs: raw.$ ?? {},
    text: raw._ ?? '',
    children: (raw.$$ ?? []).map(toNode),
  };
}

async function parseXml(xml: string): Promise<XmlNode> {
  const doc = (await xml2js.parseStringPromise(xml, {
    xmlns: true,
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitRoot: true,
    explicitArray: true,
  })) as Record<string, Raw>;
  const rootKey = Object.keys(doc)[0]!;
  const raw = doc[rootKey]!;
  return toNode({ ...raw, '#name': raw['#name'] ?? rootKey });
}

function* walk(node: XmlNode): Generator<XmlNode> {
  yield node;
  for (const c of node.children) yield* walk(c);
}

const attr = (n: XmlNode, local: string): string | undefined =>
  Object.values(n.attrs).find((a) => a.local === local && (a.uri === '' || a.uri === undefined))?.value;
const xsiType = (n: XmlNode): string | undefined =>
  Object.values(n.attrs).find((a) => a.local === 'type' && a.uri === 'http://www.w3.org/2001/XMLSchema-instance')?.value;
const child = (n: XmlNode, local: string): XmlNode | undefined => n.children.find((c) => c.local === local);

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
};

/** Every URL in the manifest, except namespace declarations. */
function urlsIn(root: XmlNode): string[] {
  const urls: string[] = [];
  for (const n of walk(root)) {
    for (const [qname, a] of Object.entries(n.attrs)) {
      if (qname === 'xmlns' || qname.startsWith('xmlns:')) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(a.value.trim())) urls.push(a.value.trim());
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(n.text.trim())) urls.push(n.text.trim());
  }
  return urls;
}

/** Resources by id: bt:Images, bt:Urls, bt:ShortStrings, bt:LongStrings. */
function resources(root: XmlNode): Map<string, { kind: string; value: string }> {
  const map = new Map<string, { kind: string; value: string }>();
  const res = [...walk(root)].find((n) => n.local === 'Resources' && n.uri === NS.ov);
  if (!res) return map;
  for (const group of res.children) {
    for (const item of group.children) {
      const id = attr(item, 'id');
      const value = attr(item, 'DefaultValue');
      if (id !== undefined && value !== undefined) map.set(id, { kind: group.local, value });
    }
  }
  return map;
}

/** Maps a manifest URL to the file under assets/ or dist/ it names. */
function assetPathForUrl(url: string, origin: string): string {
  expect(url.startsWith(`${origin}/`)).toBe(true);
  return url.slice(origin.length + 1);
}

describe('manifest.xml', () => {
  let root: XmlNode;
  beforeAll(async () => {
    root = await parseXml(MANIFEST);
  });

  test('office-addin-manifest reads it: GUID id, Workbook host, ReadWriteDocument, names and URLs', async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST_PATH);
    expect(info.id).toMatch(GUID);
    expect(info.id).not.toBe('00000000-0000-0000-0000-000000000000');
    // Not one of the Yeoman template's well-known ids.
    expect(info.id).not.toBe('05c2e1c9-3e1d-406e-9a91-e9ac64854143');
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.displayName).toBe('CMRT Review');
    expect(info.description).toMatch(/supplier/i);
    expect(info.description).toMatch(/buyer/i);
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(info.supportUrl).toMatch(/^https:\/\//);
    expect(info.iconUrl).toMatch(/^https:\/\/.*\.png$/);
    expect(info.highResolutionIconUrl).toMatch(/^https:\/\/.*\.png$/);
  });

  test('XML structure: TaskPaneApp, Workbook host, ExcelApi 1.7 requirement, ReadWriteDocument', () => {
    expect(root.local).toBe('OfficeApp');
    expect(root.uri).toBe(NS.app);
    expect(xsiType(root)).toBe('TaskPaneApp');
    expect(child(root, 'Id')?.text.trim()).toMatch(GUID);

    const hosts = child(root, 'Hosts')?.children.map((h) => attr(h, 'Name'));
    expect(hosts).toEqual(['Workbook']);

    const sets = child(child(root, 'Requirements')!, 'Sets')!.children.filter((c) => c.local === 'Set');
    expect(sets.map((s) => [attr(s, 'Name'), attr(s, 'MinVersion')])).toEqual([['ExcelApi', '1.7']]);

    expect(child(root, 'Permissions')?.text.trim()).toBe('ReadWriteDocument');
  });

  test('element order of the base manifest follows the schema sequence', () => {
    const order = [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'AllowSnapshot',
      'VersionOverrides',
    ];
    const seen = root.children.map((c) => c.local);
    for (const name of seen) expect(order).toContain(name);
    const positions = seen.map((n) => order.indexOf(n));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test('string lengths are within the manifest limits', () => {
    const displayName = attr(child(root, 'DisplayName')!, 'DefaultValue')!;
    const description = attr(child(root, 'Description')!, 'DefaultValue')!;
    expect(displayName.length).toBeLessThanOrEqual(30);
    expect(description.length).toBeLessThanOrEqual(250);
    for (const [id, r] of resources(root)) {
      if (r.kind === 'ShortStrings') expect([id, r.value.length <= 125]).toEqual([id, true]);
      if (r.kind === 'LongStrings') expect([id, r.value.length <= 250]).toEqual([id, true]);
      if (r.kind === 'Urls' || r.kind === 'Images') expect([id, r.value.length <= 2048]).toEqual([id, true]);
    }
  });

  test('a Home tab button opens the task pane', () => {
    const vo = child(root, 'VersionOverrides')!;
    expect(vo.uri).toBe(NS.ov);
    expect(xsiType(vo)).toBe('VersionOverridesV1_0');
    const host = child(child(vo, 'Hosts')!, 'Host')!;
    expect(xsiType(host)).toBe('Workbook');
    const tab = [...walk(host)].find((n) => n.local === 'OfficeTab');
    expect(attr(tab!, 'id')).toBe('TabHome');
    const buttons = [...walk(tab!)].filter((n) => n.local === 'Control' && xsiType(n) === 'Button');
    expect(buttons).toHaveLength(1);
    const action = child(buttons[0]!, 'Action')!;
    expect(xsiType(action)).toBe('ShowTaskpane');
    const resid = attr(child(action, 'SourceLocation')!, 'resid')!;
    expect(resources(root).get(resid)?.value).toBe(`${DEV_ORIGIN}/taskpane.html`);
  });

  test('every resid resolves to a resource of the right kind, and resource ids are unique', () => {
    const res = resources(root);
    const ids = [...walk(root)]
      .filter((n) => n.uri === NS.bt && ['Image', 'Url', 'String'].includes(n.local) && attr(n, 'id') !== undefined)
      .map((n) => attr(n, 'id'));
    expect(new Set(ids).size).toBe(ids.length);

    const kindFor: Record<string, string[]> = {
      Image: ['Images'],
      SourceLocation: ['Urls'],
      LearnMoreUrl: ['Urls'],
      FunctionFile: ['Urls'],
      Label: ['ShortStrings'],
      Title: ['ShortStrings'],
      Description: ['LongStrings'],
    };
    const refs = [...walk(root)].filter((n) => attr(n, 'resid') !== undefined);
    expect(refs.length).toBeGreaterThan(5);
    for (const n of refs) {
      const resid = attr(n, 'resid')!;
      const target = res.get(resid);
      expect([n.name, resid, target !== undefined]).toEqual([n.name, resid, true]);
      const expected = kindFor[n.local];
      if (expected) expect([n.name, resid, expected.includes(target!.kind)]).toEqual([n.name, resid, true]);
    }
  });

  test('every icon exists at its declared pixel size', () => {
    const declared: Array<{ url: string; size: number; where: string }> = [];
    const res = resources(root);
    // Ribbon icons: <bt:Image size="N" resid="..."/>
    for (const n of walk(root)) {
      if (n.local === 'Image' && n.uri === NS.bt && attr(n, 'resid')) {
        declared.push({ url: res.get(attr(n, 'resid')!)!.value, size: Number(attr(n, 'size')), where: attr(n, 'resid')! });
      }
    }
    // Image resources named Icon.NNxNN.
    for (const [id, r] of res) {
      const m = /^Icon\.(\d+)x(\d+)$/.exec(id);
      if (r.kind === 'Images') {
        expect([id, m !== null]).toEqual([id, true]);
        declared.push({ url: r.value, size: Number(m![1]), where: id });
      }
    }
    // Base manifest icons: 32 px and 64 px.
    declared.push({ url: attr(child(root, 'IconUrl')!, 'DefaultValue')!, size: 32, where: 'IconUrl' });
    declared.push({ url: attr(child(root, 'HighResolutionIconUrl')!, 'DefaultValue')!, size: 64, where: 'HighResolutionIconUrl' });

    const sizes = new Set<number>();
    for (const d of declared) {
      const rel = assetPathForUrl(d.url, DEV_ORIGIN);
      const file = join(ROOT, rel);
      expect([d.where, rel, existsSync(file)]).toEqual([d.where, rel, true]);
      const header = readPngHeader(readFileSync(file));
      expect([d.where, header.width, header.height]).toEqual([d.where, d.size, d.size]);
      sizes.add(d.size);
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 64, 80, 128]);
  });

  test('the other URLs name files the build produces', () => {
    const built = new Set(['taskpane.html', 'support.html']);
    for (const url of urlsIn(root)) {
      const rel = assetPathForUrl(url, DEV_ORIGIN);
      if (rel.startsWith('assets/')) continue; // checked above
      expect(built.has(rel) ? rel : `${rel} (not built)`).toBe(rel);
    }
    expect(existsSync(join(ROOT, 'src/taskpane/taskpane.html'))).toBe(true);
    expect(existsSync(join(ROOT, 'assets/support.html'))).toBe(true);
  });
});

describe('icons', () => {
  test.each(ICON_SIZES.map((s) => [s]))('assets/icon-%i.png is the drawing from scripts/icon-raster.ts', (size) => {
    const png = decodePng(readFileSync(join(ROOT, `assets/icon-${size}.png`)));
    expect([png.width, png.height]).toEqual([size, size]);
    // Identical pixels: rerun `npm run icons` after changing the drawing.
    expect(Buffer.from(png.rgba).equals(Buffer.from(renderIcon(size)))).toBe(true);
  });

  test('the icon is not a flat placeholder: several distinct colours, transparent corners, opaque centre', () => {
    const size = 64;
    const rgba = renderIcon(size);
    const colours = new Set<number>();
    for (let i = 0; i < rgba.length; i += 4) if (rgba[i + 3] === 255) colours.add((rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!);
    expect(colours.size).toBeGreaterThan(20);
    expect(rgba[3]).toBe(0); // top-left corner is outside the rounded tile
    const centre = ((size / 2) * size + size / 2) * 4;
    expect(rgba[centre + 3]).toBe(255);
  });
});

describe('production manifest (build/manifest.js, as used by webpack)', () => {
  const PROD = 'https://addins.contoso-minerals.example/cmrt-review';

  test('no localhost left; every URL is https on the production origin', async () => {
    const prodXml = toProductionManifest(MANIFEST, PROD);
    expect(prodXml).not.toMatch(/localhost|127\.0\.0\.1/i);
    const root = await parseXml(prodXml);
    const urls = urlsIn(root);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      const u = new URL(url);
      expect([url, u.protocol, u.origin]).toEqual([url, 'https:', 'https://addins.contoso-minerals.example']);
      expect(url.startsWith(`${PROD}/`)).toBe(true);
    }
    // Same structure: only URLs changed.
    expect(prodXml.replaceAll(PROD, DEV_ORIGIN)).toBe(MANIFEST);
  });

  test('the production manifest still reads as a valid add-in manifest', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('fs');
    const { tmpdir } = await import('os');
    const dir = mkdtempSync(join(tmpdir(), 'cmrt-manifest-'));
    try {
      const file = join(dir, 'manifest.xml');
      writeFileSync(file, toProductionManifest(MANIFEST, PROD));
      const info = await OfficeAddinManifest.readManifestFile(file);
      expect(info.defaultSettings?.sourceLocation).toBe(`${PROD}/taskpane.html`);
      expect(info.iconUrl).toBe(`${PROD}/assets/icon-32.png`);
      expect(info.hosts).toEqual(['Workbook']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the default production URL comes from package.json config.prod_url, ADDIN_PUBLIC_URL wins', () => {
    expect(resolvePublicUrl({})).toBe(normalizePublicUrl(PKG.config.prod_url));
    expect(resolvePublicUrl({ ADDIN_PUBLIC_URL: 'https://x.example/' })).toBe('https://x.example');
    const prodXml = toProductionManifest(MANIFEST, resolvePublicUrl({}));
    expect(prodXml).not.toContain('localhost');
  });

  test('rejects URLs Office cannot load from', () => {
    expect(() => normalizePublicUrl('http://example.com')).toThrow(/https/);
    expect(() => normalizePublicUrl('not a url')).toThrow();
    expect(() => normalizePublicUrl('https://localhost:3000')).toThrow(/local/);
    expect(() => normalizePublicUrl('https://example.com/?q=1')).toThrow();
    expect(normalizePublicUrl('  https://Example.com/a/b/  ')).toBe('https://example.com/a/b');
    expect(() => toProductionManifest('<x a="http://localhost:8080/"/>', 'https://example.com')).toThrow(/local address/);
  });

  test('npm scripts build with webpack and test as the README says', () => {
    expect(PKG.scripts.build).toMatch(/webpack.*--mode production/);
    expect(PKG.scripts.test).toBe('npm run lint && npm run typecheck && npm run build:cli && jest');
  });
});

describe('build configuration (webpack.config.js)', () => {
  type Page = { name: string; entry: string; template: string; devOnly?: boolean };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpackConfig = require('../webpack.config.js') as ((env: object, argv: object) => Promise<import('webpack').Configuration>) & {
    PAGES: Page[];
  };

  test('production: ES modules for es2020, a vendors chunk, the task pane page, the production manifest', async () => {
    const config = await webpackConfig({}, { mode: 'production' });
    expect(config.mode).toBe('production');
    expect(config.target).toEqual(['web', 'es2020']);
    expect(config.experiments?.outputModule).toBe(true);
    expect(config.output?.module).toBe(true);
    expect(Object.keys(config.entry as object)).toEqual(['taskpane']);
    const splitChunks = config.optimization?.splitChunks;
    expect(splitChunks && splitChunks.cacheGroups && (splitChunks.cacheGroups as Record<string, { name?: string }>).vendors?.name).toBe(
      'vendors',
    );
    expect((config as { devServer?: unknown }).devServer).toBeUndefined();
    const tsRule = (config.module?.rules ?? []).find((r) => r && typeof r === 'object' && String(r.test) === String(/\.tsx?$/)) as {
      use: { loader: string; options?: { transpileOnly: boolean } }[];
    };
    // Loaders run last to first: ts-loader, then Griffel's ahead-of-time transform of makeStyles.
    expect(tsRule.use.map((u) => u.loader)).toEqual(['@griffel/webpack-loader', 'ts-loader']);
    expect(tsRule.use[1]!.options!.transpileOnly).toBe(true);
  });

  test('development-only pages never enter a production build', async () => {
    webpackConfig.PAGES.push({ name: 'preview', entry: './src/preview/index.tsx', template: './src/taskpane/taskpane.html', devOnly: true });
    try {
      const prod = await webpackConfig({}, { mode: 'production' });
      const dev = await webpackConfig({}, { mode: 'development' });
      expect(Object.keys(prod.entry as object)).not.toContain('preview');
      expect(Object.keys(dev.entry as object)).toContain('preview');
    } finally {
      webpackConfig.PAGES.pop();
    }
  });

  test('the task pane HTML loads office.js from Microsoft\'s CDN and nothing else external', () => {
    const html = readFileSync(join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
    const external = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]!).filter((u) => /^(https?:)?\/\//i.test(u));
    expect(external).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  });
});
