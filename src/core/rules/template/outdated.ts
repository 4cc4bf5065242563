import { createRule } from '../rule';
import { compareVersions, newestVersion } from '../../layouts';
import { rowOf } from '../declaration/common';

export default createRule({
  meta: {
    id: 'template/outdated',
    severity: 'info',
    doc:
      'Reports a template older than the newest version of its family this tool knows (e.g. a CMRT 6.22 when 6.5 is ' +
      'out). Older versions still read correctly, but they carry an older Smelter Look-up list, so recently listed ' +
      'smelters are missing from their dropdowns and some questions may differ; RMI asks that the latest version be ' +
      'used, and many buyers require it.',
  },
  check(ctx, report) {
    const t = ctx.declaration.template;
    const newest = newestVersion(t.family);
    if (!newest || !Number.isFinite(Number(t.version)) || compareVersions(t.version, newest) >= 0) return;
    const cell = ctx.layout.declaration.versionCell;
    const buyer = ctx.role === 'buyer';
    report({
      sheet: ctx.layout.declaration.sheet, cell, row: rowOf(cell),
      message: `This is ${t.family} ${t.version}; the newest ${t.family} is ${newest}.`,
      fix: buyer
        ? `Ask the supplier to send its next declaration on ${t.family} ${newest}.`
        : `Move your declaration to ${t.family} ${newest} (RMI publishes it on its website); customers may ask for the latest version.`,
      data: { family: t.family, version: t.version, newest },
    });
  },
});
