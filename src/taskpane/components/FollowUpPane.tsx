/**
 * Follow-up (loaded on first use): a preview of the request to the supplier (buyer) or of the list of what to fix
 * before sending (supplier), with Copy, Open email draft (mailto:) and Insert as sheet; for a buyer also the
 * request's details (part numbers, contact, due date) and "Add to review log".
 */
import { useMemo, useState } from 'react';
import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import {
  appendLogRows,
  buildFollowUp,
  DEFAULT_DUE_DAYS,
  FOLLOW_UP_SHEET,
  followUpSheetRows,
  mailtoUrl,
  MAX_DUE_DAYS,
  renderText,
  REVIEW_LOG_SHEET,
  reviewLogRow,
} from '../../core/followup';
import { LabeledInput } from './LabeledInput';
import type { Review } from '../engine';
import { useHost } from '../context';
import { copyText } from '../clipboard';
import { errorMessage, type PaneMessage } from '../messages';
import type { PaneSettings } from '../settings';
import { ADDIN_VERSION } from '../version';

const FOLLOW_UP_KEY = 'cmrt-review:followup:v1';

interface FollowUpPrefs {
  partNumbers: string;
  contactName: string;
  contactEmail: string;
  dueDays: number;
}

/** The follow-up builder's functions (imported by name, so that only these are bundled). */
const FOLLOW_UP = {
  appendLogRows,
  buildFollowUp,
  DEFAULT_DUE_DAYS,
  FOLLOW_UP_SHEET,
  followUpSheetRows,
  mailtoUrl,
  MAX_DUE_DAYS,
  renderText,
  REVIEW_LOG_SHEET,
  reviewLogRow,
};
type FollowUp = typeof FOLLOW_UP;

function loadPrefs(stored: unknown, f: FollowUp): FollowUpPrefs {
  const p = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Record<keyof FollowUpPrefs, unknown>>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const due = typeof p.dueDays === 'number' && p.dueDays >= 1 && p.dueDays <= f.MAX_DUE_DAYS ? Math.round(p.dueDays) : f.DEFAULT_DUE_DAYS;
  return { partNumbers: str(p.partNumbers), contactName: str(p.contactName), contactEmail: str(p.contactEmail), dueDays: due };
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  previewLabel: { fontWeight: tokens.fontWeightSemibold },
  preview: {
    margin: 0,
    maxHeight: '360px',
    overflow: 'auto',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  muted: { color: tokens.colorNeutralForeground3 },
  twoCol: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

interface Props {
  review: Review;
  settings: PaneSettings;
  now: () => Date;
  onReport: (m: PaneMessage | null) => void;
}

export default function FollowUpPane(props: Props) {
  return <FollowUpView {...props} f={FOLLOW_UP} />;
}

function FollowUpView({ review, settings, now, onReport, f }: Props & { f: FollowUp }) {
  const s = useStyles();
  const host = useHost();
  const [prefs, setPrefs] = useState<FollowUpPrefs>(() => loadPrefs(host.settings.load(FOLLOW_UP_KEY), f));
  const [busy, setBusy] = useState<'insert' | 'log' | null>(null);
  const buyer = settings.role === 'buyer';

  const update = (p: Partial<FollowUpPrefs>) => {
    const next = { ...prefs, ...p };
    setPrefs(next);
    host.settings.save(FOLLOW_UP_KEY, next);
  };

  const request = useMemo(
    () =>
      f.buildFollowUp(review, {
        role: settings.role,
        now: now(),
        dueDays: prefs.dueDays,
        partNumbers: prefs.partNumbers.split(/[,;\n]/),
        contact: prefs.contactName || prefs.contactEmail ? { name: prefs.contactName, email: prefs.contactEmail } : undefined,
      }),
    [review, settings.role, prefs, now],
  );
  const text = useMemo(() => f.renderText(request), [request]);
  const mail = useMemo(() => f.mailtoUrl(request), [request]);

  const copy = async () => {
    onReport(
      (await copyText(text))
        ? { intent: 'success', title: 'Copied', text: 'The request is on the clipboard; paste it into an email or a ticket.' }
        : errorMessage('copy', null),
    );
  };

  const insert = async () => {
    setBusy('insert');
    try {
      const r = await host.writeSheet(f.FOLLOW_UP_SHEET, f.followUpSheetRows(request));
      onReport({
        intent: 'success',
        title: r.created ? 'Sheet inserted' : 'Sheet updated',
        text: `The ${buyer ? 'request' : 'list'} is on the "${f.FOLLOW_UP_SHEET}" sheet.`,
      });
    } catch (e) {
      onReport(errorMessage('insert', e));
    } finally {
      setBusy(null);
    }
  };

  const log = async () => {
    setBusy('log');
    try {
      const row = f.reviewLogRow(review, {
        addinVersion: ADDIN_VERSION,
        now: now(),
        reference: { facilityList: settings.facilityList, watchlist: settings.watchlist },
      });
      const first = await host.writeSheet(f.REVIEW_LOG_SHEET, [row], { append: true });
      if (first.created) {
        // A new log: write it again with its header.
        await host.writeSheet(f.REVIEW_LOG_SHEET, f.appendLogRows([], [row]).rows);
      }
      onReport({ intent: 'success', title: 'Added to the review log', text: `One row was added to the "${f.REVIEW_LOG_SHEET}" sheet.` });
    } catch (e) {
      onReport(errorMessage('insert', e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className={s.root}>
      <Text size={200} className={s.muted}>
        {buyer
          ? request.needsFollowUp
            ? 'A request to the supplier about the smelters of interest and the gaps found.'
            : 'Nothing to ask: the note below tells the supplier the declaration was reviewed.'
          : request.needsFollowUp
            ? 'What to fix before you send the template.'
            : 'Nothing to fix before sending.'}
      </Text>
      {buyer ? (
        <div className={s.twoCol}>
          <LabeledInput
            label="Our part numbers"
            hint="Separated by commas"
            value={prefs.partNumbers}
            onChange={(_, d) => update({ partNumbers: d.value })}
          />
          <LabeledInput
            label="Reply due in (days)"
            type="number"
            min={1}
            max={f.MAX_DUE_DAYS}
            step={1}
            defaultValue={String(prefs.dueDays)}
            onChange={(_, d) => {
              const v = Number(d.value);
              if (d.value.trim() && Number.isFinite(v) && v >= 1 && v <= f.MAX_DUE_DAYS) update({ dueDays: Math.round(v) });
            }}
          />
          <LabeledInput label="Our contact name" value={prefs.contactName} onChange={(_, d) => update({ contactName: d.value })} />
          <LabeledInput label="Our contact email" type="email" value={prefs.contactEmail} onChange={(_, d) => update({ contactEmail: d.value })} />
        </div>
      ) : null}
      <div>
        <Text as="h3" size={300} id="followup-preview-label" className={s.previewLabel} style={{ margin: `0 0 ${tokens.spacingVerticalXS}` }}>
          {buyer ? 'Request preview' : 'Fix list preview'}
        </Text>
        <pre className={s.preview} tabIndex={0} role="region" aria-labelledby="followup-preview-label" data-testid="followup-preview">
          {text}
        </pre>
      </div>
      <div className={s.row}>
        <Button appearance="primary" onClick={() => void copy()}>
          Copy
        </Button>
        <Button as="a" href={mail.url} target="_blank" rel="noreferrer" data-testid="mailto">
          Open email draft
        </Button>
        <Button onClick={() => void insert()} disabled={busy !== null}>
          {busy === 'insert' ? 'Inserting…' : 'Insert as sheet'}
        </Button>
        {buyer ? (
          <Button onClick={() => void log()} disabled={busy !== null}>
            {busy === 'log' ? 'Adding…' : 'Add to review log'}
          </Button>
        ) : null}
      </div>
      {mail.truncated ? (
        <Caption1 className={s.muted}>The request is too long for an email link: the draft asks you to paste it. Choose Copy first.</Caption1>
      ) : null}
    </div>
  );
}
