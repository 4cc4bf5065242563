/**
 * The result of a check: for a supplier "Ready to send" or a to-do count; for a buyer the counts of missing items,
 * ID problems and smelters of interest (each a button to the tab that lists them).
 */
import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import type { SummaryView } from '../view-model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  details: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: tokens.spacingHorizontalS },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    height: 'auto',
    minWidth: 0,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    textAlign: 'left',
  },
  count: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  tileLabel: { whiteSpace: 'normal' },
});

export type SummaryTarget = 'completeness' | 'smelters';

export function SummaryCard({ summary, onShow }: { summary: SummaryView; onShow: (tab: SummaryTarget) => void }) {
  const s = useStyles();
  const c = summary.counts;
  return (
    <section className={s.root} aria-label="Check result">
      <MessageBar intent={summary.intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle data-testid="summary-headline">{summary.headline}</MessageBarTitle>
          {summary.details.length ? (
            <ul className={s.details}>
              {summary.details.map((d) => (
                <li key={d}>
                  <Text size={200}>{d}</Text>
                </li>
              ))}
            </ul>
          ) : null}
        </MessageBarBody>
      </MessageBar>
      {summary.role === 'buyer' ? (
        <div className={s.tiles}>
          <Button appearance="subtle" className={s.tile} onClick={() => onShow('completeness')} data-testid="count-missing">
            <span className={s.count}>{c.missing}</span>
            <Caption1 className={s.tileLabel}>{c.missing === 1 ? 'missing item' : 'missing items'}</Caption1>
          </Button>
          <Button appearance="subtle" className={s.tile} onClick={() => onShow('completeness')} data-testid="count-id-problems">
            <span className={s.count}>{c.idProblems}</span>
            <Caption1 className={s.tileLabel}>{c.idProblems === 1 ? 'ID problem' : 'ID problems'}</Caption1>
          </Button>
          <Button appearance="subtle" className={s.tile} onClick={() => onShow('smelters')} data-testid="count-interest">
            <span className={s.count}>{c.smeltersOfInterest}</span>
            <Caption1 className={s.tileLabel}>{c.smeltersOfInterest === 1 ? 'smelter of interest' : 'smelters of interest'}</Caption1>
          </Button>
        </div>
      ) : null}
    </section>
  );
}
