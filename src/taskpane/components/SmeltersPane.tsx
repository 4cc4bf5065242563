/**
 * The smelters: metal, name, ID, country and reason badges; a filter to smelters of interest; each row goes to its
 * row on the Smelter List and shows its reasons with their sources.
 */
import { useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Review } from '../engine';
import { CATEGORY_LABELS } from '../settings';
import { plural, smelterRows, smelterTarget, type SmelterRowView, type Target } from '../view-model';

const PAGE = 100;

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  table: { tableLayout: 'auto', width: '100%' },
  cell: {
    verticalAlign: 'top',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    overflowWrap: 'break-word',
    overflow: 'visible',
  },
  metal: { width: '56px' },
  country: { width: '25%' },
  why: { width: '96px' },
  id: { whiteSpace: 'nowrap', color: tokens.colorNeutralForeground3 },
  badge: { whiteSpace: 'nowrap', maxWidth: 'none' },
  row: { cursor: 'pointer' },
  selected: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  nameButton: {
    height: 'auto',
    minWidth: 0,
    padding: 0,
    textAlign: 'left',
    justifyContent: 'flex-start',
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
    color: tokens.colorBrandForegroundLink,
    ':hover': { textDecorationLine: 'underline' },
  },
  badges: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  detail: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function RowDetail({ row, review }: { row: SmelterRowView; review: Review }) {
  const s = useStyles();
  const a = row.assessment;
  const target = smelterTarget(review, row.row);
  return (
    <div className={s.detail} role="region" aria-label={`Reasons for ${row.name}`} data-testid="smelter-detail">
      <Text weight="semibold" size={200}>
        {row.name} {row.id !== '—' ? `(${row.id})` : ''} · {target.sheet} row {row.row}
      </Text>
      {a.reasons.length ? (
        <ul className={s.reasons}>
          {a.reasons.map((r, i) => (
            <li key={i}>
              <Text size={200}>
                <strong>{CATEGORY_LABELS[r.category]}:</strong> {r.message}{' '}
              </Text>
              <Caption1 className={s.muted}>
                Source: {r.source.name} ({r.source.date})
              </Caption1>
            </li>
          ))}
        </ul>
      ) : (
        <Text size={200}>Not a smelter of interest under your policy.</Text>
      )}
      {a.notes.length ? (
        <>
          <Caption1 className={s.muted}>Not counted under your policy:</Caption1>
          <ul className={s.reasons}>
            {a.notes.map((r, i) => (
              <li key={i}>
                <Caption1>
                  {CATEGORY_LABELS[r.category]}: {r.message} ({r.source.name}, {r.source.date})
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function SmeltersPane({
  review,
  onGoTo,
  defaultOnlyInterest,
}: {
  review: Review;
  onGoTo: (target: Target) => Promise<boolean>;
  defaultOnlyInterest: boolean;
}) {
  const s = useStyles();
  const [onlyInterest, setOnlyInterest] = useState(defaultOnlyInterest);
  const [selected, setSelected] = useState<number | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const rows = useMemo(() => smelterRows(review, { onlyInterest }), [review, onlyInterest]);
  const summary = review.smelterSummary;
  const selectedRow = rows.find((r) => r.row === selected) ?? null;

  const go = (r: SmelterRowView) => {
    setSelected(r.row);
    void onGoTo(smelterTarget(review, r.row));
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS }}>
      <div className={s.bar}>
        <Switch checked={onlyInterest} onChange={(_, d) => setOnlyInterest(d.checked)} label={`Only smelters of interest (${summary.ofInterest})`} />
        <Caption1 className={s.muted} data-testid="smelter-count">
          {onlyInterest ? `${rows.length} of ${plural(summary.total, 'smelter')}` : plural(summary.total, 'smelter')}
        </Caption1>
      </div>
      {summary.messages.slice(0, -1).map((m) => (
        <Caption1 key={m} className={s.muted}>
          {m}
        </Caption1>
      ))}
      {rows.length === 0 ? (
        <Text as="p">{summary.total === 0 ? 'The Smelter List has no smelters.' : 'No smelter of interest under your policy.'}</Text>
      ) : (
        <Table size="extra-small" className={s.table} aria-label="Smelters">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={s.metal}>Metal</TableHeaderCell>
              <TableHeaderCell>Smelter and ID</TableHeaderCell>
              <TableHeaderCell className={s.country}>Country</TableHeaderCell>
              <TableHeaderCell className={s.why}>Why</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.slice(0, limit).map((r) => (
              <TableRow
                key={r.key}
                className={mergeClasses(s.row, selected === r.row && s.selected)}
                onClick={() => go(r)}
                aria-selected={selected === r.row}
                data-testid="smelter-row"
              >
                <TableCell className={s.cell}>
                  <Caption1>{r.metal}</Caption1>
                </TableCell>
                <TableCell className={s.cell}>
                  <Button
                    appearance="transparent"
                    size="small"
                    className={s.nameButton}
                    aria-label={`${r.name}, go to row ${r.row}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      go(r);
                    }}
                  >
                    {r.name}
                  </Button>
                  <Caption1 block className={s.id}>
                    {r.id}
                  </Caption1>
                </TableCell>
                <TableCell className={s.cell}>
                  <Caption1>{r.country}</Caption1>
                </TableCell>
                <TableCell className={s.cell}>
                  <span className={s.badges}>
                    {r.badges.map((b) => (
                      <Badge key={b.category} size="small" appearance="tint" color={b.color} className={s.badge}>
                        {b.label}
                      </Badge>
                    ))}
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {rows.length > limit ? <Button onClick={() => setLimit((l) => l + PAGE)}>Show {Math.min(PAGE, rows.length - limit)} more</Button> : null}
      {selectedRow ? <RowDetail row={selectedRow} review={review} /> : null}
    </div>
  );
}
