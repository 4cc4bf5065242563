/**
 * Settings (loaded on first use): role, reference data (shipped sources with their dates; the user's RMI facility
 * list and watch list, imported from files in the browser), and the policy for smelters of interest.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { INTEREST_CATEGORIES } from '../../core/policy';
import type { ImportMessage, SourceInfo } from '../../core/reference/types';
import { useHost } from '../context';
import { CATEGORY_DESCRIPTIONS, CATEGORY_LABELS, type PaneSettings } from '../settings';
import { chosenFile, importFacilityFile, importWatchlistFile } from '../import-file';
import { errorMessage } from '../messages';
import { LabeledInput } from './LabeledInput';
import { RollupSection } from './RollupSection';
import { loadEngine } from '../load-engine';
import { plural } from '../view-model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  divided: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', opacity: 0, overflow: 'hidden', pointerEvents: 'none' },
  switchLabel: { display: 'flex', flexDirection: 'column' },
});

type ListKind = 'facility' | 'watchlist';

interface ImportOutcome {
  kind: ListKind;
  messages: ImportMessage[];
}

function ListImport({
  kind,
  title,
  noun,
  hint,
  accept,
  source,
  count,
  busy,
  onFile,
  onRemove,
}: {
  kind: ListKind;
  title: string;
  /** "RMI facility list", "watch list": in the button labels. */
  noun: string;
  hint: string;
  accept: string;
  source: SourceInfo | null;
  count: number;
  busy: boolean;
  onFile: (f: File) => void;
  onRemove: () => void;
}) {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <div className={s.section} data-testid={`import-${kind}`}>
      <Text weight="semibold" id={`${id}-title`}>
        {title}
      </Text>
      <Text size={200} data-testid={`${kind}-status`}>
        {source ? `${source.name}, dated ${source.date}: ${plural(count, 'entry', 'entries')}.` : hint}
      </Text>
      <div className={s.row}>
        <input
          ref={input}
          type="file"
          accept={accept}
          className={s.hiddenInput}
          aria-labelledby={`${id}-title`}
          tabIndex={-1}
          data-testid={`${kind}-file`}
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (f) onFile(f);
          }}
        />
        <Button onClick={() => input.current?.click()} disabled={busy}>
          {source ? `Replace the ${noun}…` : `Import the ${noun}…`}
        </Button>
        {source ? <Button onClick={onRemove}>Remove the {noun}</Button> : null}
        {busy ? <Spinner size="tiny" label="Importing…" /> : null}
      </div>
    </div>
  );
}

export default function SettingsPane({
  settings,
  update,
  now,
}: {
  settings: PaneSettings;
  update: (u: (s: PaneSettings) => PaneSettings) => void;
  now: () => Date;
}) {
  const s = useStyles();
  const host = useHost();
  const [shipped, setShipped] = useState<SourceInfo[] | null>(null);
  const [busy, setBusy] = useState<ListKind | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  useEffect(() => {
    let live = true;
    void loadEngine().then((e) => live && setShipped(e.shippedSources()));
    return () => {
      live = false;
    };
  }, []);

  const importFile = async (kind: ListKind, file: File) => {
    setBusy(kind);
    setOutcome(null);
    try {
      const chosen = await chosenFile(file);
      if (kind === 'facility') {
        const r = await importFacilityFile(chosen, now(), settings.policy.facilityListMaxAgeDays);
        if (r.list) update((x) => ({ ...x, facilityList: r.list }));
        setOutcome({ kind, messages: r.messages });
      } else {
        const r = await importWatchlistFile(chosen);
        if (r.list) update((x) => ({ ...x, watchlist: r.list }));
        setOutcome({ kind, messages: r.messages });
      }
    } catch (e) {
      const m = errorMessage('import', e);
      setOutcome({ kind, messages: [{ severity: 'error', code: 'read-failed', message: `${m.title}: ${m.text}` }] });
    } finally {
      setBusy(null);
    }
  };

  const policy = settings.policy;
  const setPolicy = (p: Partial<typeof policy>) => update((x) => ({ ...x, policy: { ...x.policy, ...p } }));

  const messages = (kind: ListKind) =>
    outcome?.kind === kind
      ? outcome.messages.map((m, i) => (
          <MessageBar key={i} intent={m.severity} layout="multiline">
            <MessageBarBody>{m.message}</MessageBarBody>
          </MessageBar>
        ))
      : null;

  return (
    <div className={s.root}>
      <section className={s.section} aria-labelledby="settings-rollup">
        <Subtitle2 as="h3" id="settings-rollup" className={s.heading}>
          Several files
        </Subtitle2>
        <RollupSection settings={settings} now={now} />
      </section>

      <section className={mergeClasses(s.section, s.divided)} aria-labelledby="settings-role">
        <Subtitle2 as="h3" id="settings-role" className={s.heading}>
          Role
        </Subtitle2>
        <RadioGroup
          aria-labelledby="settings-role"
          value={settings.role}
          onChange={(_, d) => update((x) => ({ ...x, role: d.value === 'buyer' ? 'buyer' : 'supplier' }))}
        >
          <Radio value="supplier" label="Supplier: I check my own template before sending it" />
          <Radio value="buyer" label="Buyer: I review templates my suppliers send me" />
        </RadioGroup>
      </section>

      <section className={mergeClasses(s.section, s.divided)} aria-labelledby="settings-reference">
        <Subtitle2 as="h3" id="settings-reference" className={s.heading}>
          Reference data
        </Subtitle2>
        <Text size={200} weight="semibold">
          Shipped with the add-in
        </Text>
        {shipped ? (
          <ul className={s.list} data-testid="shipped-sources">
            {shipped.map((x) => (
              <li key={x.name}>
                <Caption1>
                  {x.name} — {x.date}
                </Caption1>
              </li>
            ))}
          </ul>
        ) : (
          <Spinner size="tiny" label="Loading…" />
        )}
        <ListImport
          kind="facility"
          title="RMI facility list"
          noun="RMI facility list"
          hint="Not imported: audit status stays unknown. Import RMI's facility list export (CSV or XLSX) from the RMI member site."
          accept=".csv,.txt,.xlsx,.xlsm,text/csv"
          source={settings.facilityList?.source ?? null}
          count={settings.facilityList?.entries.size ?? 0}
          busy={busy === 'facility'}
          onFile={(f) => void importFile('facility', f)}
          onRemove={() => {
            setOutcome(null);
            update((x) => ({ ...x, facilityList: null }));
          }}
        />
        {messages('facility')}
        <ListImport
          kind="watchlist"
          title="Watch list"
          noun="watch list"
          hint='Not imported. A CSV (or XLSX) of "id,reason" lines, e.g. CID000123,Open grievance.'
          accept=".csv,.txt,.xlsx,.xlsm,text/csv"
          source={settings.watchlist?.source ?? null}
          count={settings.watchlist?.entries.size ?? 0}
          busy={busy === 'watchlist'}
          onFile={(f) => void importFile('watchlist', f)}
          onRemove={() => {
            setOutcome(null);
            update((x) => ({ ...x, watchlist: null }));
          }}
        />
        {messages('watchlist')}
      </section>

      <section className={mergeClasses(s.section, s.divided)} aria-labelledby="settings-policy">
        <Subtitle2 as="h3" id="settings-policy" className={s.heading}>
          Smelters of interest
        </Subtitle2>
        <Caption1 className={s.muted}>A smelter is of interest when any of the categories switched on applies.</Caption1>
        {INTEREST_CATEGORIES.map((c) => (
          <Switch
            key={c}
            checked={policy.categories[c]}
            onChange={(_, d) => setPolicy({ categories: { ...policy.categories, [c]: d.checked } })}
            label={
              <span className={s.switchLabel}>
                <Text size={200}>{CATEGORY_LABELS[c]}</Text>
                <Caption1 className={s.muted}>{CATEGORY_DESCRIPTIONS[c]}</Caption1>
              </span>
            }
          />
        ))}
        <Switch
          checked={policy.activeAcceptable}
          onChange={(_, d) => setPolicy({ activeAcceptable: d.checked })}
          label={
            <span className={s.switchLabel}>
              <Text size={200}>Accept RMI &quot;Active&quot;</Text>
              <Caption1 className={s.muted}>Count smelters whose assessment is under way as acceptable</Caption1>
            </span>
          }
        />
        <Switch
          checked={policy.cahraCountryLevel}
          onChange={(_, d) => setPolicy({ cahraCountryLevel: d.checked })}
          label={
            <span className={s.switchLabel}>
              <Text size={200}>Count country-level CAHRA signals</Text>
              <Caption1 className={s.muted}>A country with listed CAHRA regions counts even when the smelter&apos;s region is not listed</Caption1>
            </span>
          }
        />
        <LabeledInput
          label="Warn when the facility list is older than (days)"
          type="number"
          min={1}
          max={3650}
          step={1}
          defaultValue={String(policy.facilityListMaxAgeDays)}
          onChange={(_, d) => {
            const v = Number(d.value);
            if (d.value.trim() && Number.isFinite(v) && v >= 1 && v <= 3650) setPolicy({ facilityListMaxAgeDays: Math.round(v) });
          }}
        />
      </section>

      <Caption1 className={mergeClasses(s.muted, s.divided)}>{host.settings.description} Nothing is sent anywhere.</Caption1>
    </div>
  );
}
