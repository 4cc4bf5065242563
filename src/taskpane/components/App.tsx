/**
 * The task pane: what the workbook is, Check, the summary, Mark in sheet / Clear marks, and the tabs
 * (Completeness, Smelters, Follow-up, Settings). Follow-up and Settings load on first use.
 */
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useHost } from '../context';
import { BUSY_LABELS, usePane } from '../use-pane';
import { summarize } from '../view-model';
import { PaneBoundary } from './PaneBoundary';
import { StatusBar } from './StatusBar';
import { SummaryCard } from './SummaryCard';
import { WorkbookCard } from './WorkbookCard';

// Loaded after the first paint: the result panes when a check starts, Follow-up and Settings on first use. One chunk
// ("panes") for all of them: fewer requests, and it compresses better than several. Made again after a failed load
// (React.lazy remembers a failure), so that "Try again" really tries again.
const loadResults = () => import(/* webpackChunkName: "panes" */ './results');
function lazyPanes() {
  return {
    CompletenessPane: lazy(() => loadResults().then((m) => ({ default: m.CompletenessPane }))),
    SmeltersPane: lazy(() => loadResults().then((m) => ({ default: m.SmeltersPane }))),
    FollowUpPane: lazy(() => import(/* webpackChunkName: "panes" */ './FollowUpPane')),
    SettingsPane: lazy(() => import(/* webpackChunkName: "panes" */ './SettingsPane')),
  };
}

export type TabValue = 'completeness' | 'smelters' | 'followup' | 'settings';

const TABS: { value: TabValue; label: string }[] = [
  { value: 'completeness', label: 'Completeness' },
  { value: 'smelters', label: 'Smelters' },
  { value: 'followup', label: 'Follow-up' },
  { value: 'settings', label: 'Settings' },
];

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: '640px',
    minWidth: '260px',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  tabs: { flexWrap: 'wrap', marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: '120px' },
  prompt: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  busy: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  inlineButton: {
    minWidth: 0,
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    height: 'auto',
    verticalAlign: 'baseline',
    color: tokens.colorBrandForegroundLink,
  },
});

function Loading({ label }: { label: string }) {
  return <Spinner size="small" label={label} />;
}

export function App({ now: nowProp }: { now?: () => Date }) {
  const s = useStyles();
  const host = useHost();
  const now = useMemo(() => nowProp ?? (() => new Date()), [nowProp]);
  const [state, actions] = usePane(host, now);
  const [tab, setTab] = useState<TabValue>('completeness');
  const [attempt, setAttempt] = useState(0);
  // New lazy components per attempt (see lazyPanes).
  const { CompletenessPane, SmeltersPane, FollowUpPane, SettingsPane } = useMemo(() => lazyPanes(), [attempt]);
  const { review, settings, busy, info } = state;
  const summary = useMemo(() => (review ? summarize(review, settings.role) : null), [review, settings.role]);
  const isTemplate = state.phase === 'template';

  const chooseRole = useCallback((role: 'supplier' | 'buyer') => actions.updateSettings((x) => ({ ...x, role })), [actions]);

  const notReviewed = (what: string) => (
    <Text as="p" className={s.muted}>
      {state.phase === 'not-template' ? 'Open a reporting template to see its ' + what + '.' : `Choose Check template to see ${what}.`}
    </Text>
  );

  return (
    <main className={s.pane} aria-busy={busy !== null}>
      <header className={s.header}>
        <Title3 as="h1" className={s.title}>
          CMRT Review
        </Title3>
        {host.kind === 'preview' ? <Caption1 className={s.muted}>Preview</Caption1> : null}
      </header>

      {info ? <WorkbookCard info={info} /> : null}
      {state.notTemplate ? <StatusBar message={state.notTemplate} action={{ label: 'Check again', onClick: () => void actions.check() }} /> : null}

      {state.firstRun && isTemplate ? (
        <MessageBar intent="info" layout="multiline" aria-label="Choose your role">
          <MessageBarBody className={s.prompt}>
            <MessageBarTitle>Are you sending this template or reviewing one you received?</MessageBarTitle>
            <div className={s.actions}>
              <Button size="small" onClick={() => chooseRole('supplier')}>
                I&apos;m sending it (supplier)
              </Button>
              <Button size="small" onClick={() => chooseRole('buyer')}>
                I received it (buyer)
              </Button>
            </div>
            <Caption1>You can change this later in Settings.</Caption1>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {state.phase !== 'not-template' ? (
        <div className={s.actions}>
          <Button
            appearance="primary"
            onClick={() => {
              void loadResults().catch(() => undefined);
              void actions.check();
            }}
            disabled={busy !== null || state.phase === 'opening'}
          >
            {review ? 'Check again' : 'Check template'}
          </Button>
          <Caption1 className={s.muted}>
            As a {settings.role}.{' '}
            <Button
              appearance="transparent"
              size="small"
              className={s.inlineButton}
              onClick={() => setTab('settings')}
              aria-label="Change role in Settings"
            >
              Change
            </Button>
          </Caption1>
        </div>
      ) : null}

      {busy ? (
        <div className={s.busy} role="status">
          <Spinner size="tiny" label={BUSY_LABELS[busy]} labelPosition="after" />
        </div>
      ) : null}

      {state.error ? (
        <StatusBar
          message={state.error}
          onDismiss={actions.dismissError}
          action={
            state.error.retry
              ? { label: state.error.retry === 'open' ? 'Try again' : 'Try again', onClick: () => void actions[state.error!.retry!]() }
              : undefined
          }
        />
      ) : null}
      {state.notice ? <StatusBar message={state.notice} onDismiss={actions.dismissNotice} /> : null}
      {state.truncated.length ? <Caption1 className={s.muted}>Only the first 10,000 rows of {state.truncated.join(', ')} were read.</Caption1> : null}

      {summary ? <SummaryCard summary={summary} onShow={setTab} /> : null}

      {isTemplate ? (
        <div className={s.actions}>
          <Button onClick={() => void actions.mark()} disabled={!review || busy !== null}>
            Mark in sheet
          </Button>
          <Button onClick={() => void actions.clear()} disabled={busy !== null}>
            Clear marks
          </Button>
        </div>
      ) : null}

      <TabList className={s.tabs} size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabValue)} aria-label="Review sections">
        {TABS.map((t) => (
          <Tab key={t.value} value={t.value} id={`tab-${t.value}`} aria-controls={`panel-${t.value}`}>
            {t.label}
          </Tab>
        ))}
      </TabList>

      <section className={s.panel} role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        <PaneBoundary key={`${tab}-${attempt}`} onRetry={() => setAttempt((a) => a + 1)}>
          {tab === 'completeness' ? (
            review ? (
              <Suspense fallback={<Loading label="Loading…" />}>
                <CompletenessPane review={review} onGoTo={actions.goTo} />
              </Suspense>
            ) : (
              notReviewed('what is missing')
            )
          ) : null}
          {tab === 'smelters' ? (
            review ? (
              <Suspense fallback={<Loading label="Loading…" />}>
                <SmeltersPane key={settings.role} review={review} onGoTo={actions.goTo} defaultOnlyInterest={settings.role === 'buyer'} />
              </Suspense>
            ) : (
              notReviewed('the smelters')
            )
          ) : null}
          {tab === 'followup' ? (
            review ? (
              <Suspense fallback={<Loading label="Loading the follow-up…" />}>
                <FollowUpPane review={review} settings={settings} now={now} onReport={actions.report} />
              </Suspense>
            ) : (
              notReviewed('the follow-up')
            )
          ) : null}
          {tab === 'settings' ? (
            <Suspense fallback={<Loading label="Loading the settings…" />}>
              <SettingsPane settings={settings} update={actions.updateSettings} now={now} />
            </Suspense>
          ) : null}
        </PaneBoundary>
      </section>
    </main>
  );
}
