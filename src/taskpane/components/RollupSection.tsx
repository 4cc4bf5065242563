/**
 * "Review several files…": a buyer picks several received templates; each is read in the browser, reviewed with the
 * current role, reference data and policy, and the roll-up (suppliers, unique smelters, findings) is written to the
 * add-in's sheets of the open workbook. Nothing is uploaded. Lives in the lazily loaded "panes" chunk; the roll-up
 * itself runs in the engine chunk.
 */
import { useId, useRef, useState } from 'react';
import { Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useHost } from '../context';
import { loadEngine } from '../load-engine';
import type { PaneMessage } from '../messages';
import { rollUpFiles, rollupMessage, type RollupProgress } from '../rollup-files';
import type { PaneSettings } from '../settings';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', opacity: 0, overflow: 'hidden', pointerEvents: 'none' },
});

export function RollupSection({ settings, now }: { settings: PaneSettings; now: () => Date }) {
  const s = useStyles();
  const host = useHost();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [progress, setProgress] = useState<RollupProgress | null>(null);
  const [message, setMessage] = useState<PaneMessage | null>(null);

  const run = async (files: File[]) => {
    setMessage(null);
    setProgress({ done: 0, total: files.length, current: null });
    try {
      const engine = await loadEngine();
      const outcome = await rollUpFiles(files, {
        engine,
        settings,
        now: now(),
        writeSheet: (name, rows) => host.writeSheet(name, rows),
        onProgress: setProgress,
      });
      setMessage(rollupMessage(outcome));
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      setMessage({
        intent: 'error',
        title: 'Could not write the roll-up',
        text: `${detail} ${/protect/i.test(detail) ? 'Unprotect the workbook structure (Review > Protect Workbook) and try again.' : 'Choose Review several files… again.'}`,
      });
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <div className={s.section} data-testid="rollup">
      <Text size={200} className={s.muted} id={`${id}-hint`}>
        Received several templates? Review them together: one sheet of suppliers, one of unique smelters and one of
        findings are written to this workbook. The files are read on this computer; nothing is uploaded.
      </Text>
      <div className={s.row}>
        <input
          ref={input}
          type="file"
          multiple
          accept=".xlsx,.xlsm"
          className={s.hiddenInput}
          aria-label="Template files to review together"
          aria-describedby={`${id}-hint`}
          tabIndex={-1}
          data-testid="rollup-files"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (files.length) void run(files);
          }}
        />
        <Button onClick={() => input.current?.click()} disabled={busy}>
          Review several files…
        </Button>
      </div>
      {progress ? (
        <Field
          validationState="none"
          validationMessage={
            progress.current ? `Reviewing ${progress.done + 1} of ${progress.total}: ${progress.current}` : `Writing the roll-up sheets (${progress.total} files)…`
          }
        >
          <ProgressBar value={progress.total ? progress.done / progress.total : 0} aria-label="Roll-up progress" data-testid="rollup-progress" />
        </Field>
      ) : null}
      {message ? (
        <MessageBar intent={message.intent} layout="multiline" data-testid="rollup-result">
          <MessageBarBody>
            <MessageBarTitle>{message.title}</MessageBarTitle>
            {message.text}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {!busy && !message ? <Caption1 className={s.muted}>Uses the role, reference data and policy set below.</Caption1> : null}
    </div>
  );
}
