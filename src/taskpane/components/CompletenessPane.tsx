/**
 * Findings grouped by area. Choosing one selects its cell in the sheet and shows how to fix it.
 */
import { useMemo, useState } from 'react';
import { Badge, Button, Caption1, makeStyles, mergeClasses, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { Review } from '../engine';
import { groupFindings, SEVERITY_LABELS, type FindingItem, type Target } from '../view-model';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: {
    width: '100%',
    height: 'auto',
    justifyContent: 'flex-start',
    alignItems: 'flex-start',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    columnGap: tokens.spacingHorizontalS,
  },
  selected: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, whiteSpace: 'normal', overflowWrap: 'anywhere' },
  where: { color: tokens.colorNeutralForeground3 },
  badge: { flexShrink: 0, marginTop: '2px' },
  fix: {
    marginLeft: tokens.spacingHorizontalXXL,
    marginTop: tokens.spacingVerticalXXS,
    marginBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `2px solid ${tokens.colorBrandStroke1}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline', marginBottom: tokens.spacingVerticalXS },
  heading: { margin: 0 },
});

const BADGE_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export function CompletenessPane({ review, onGoTo }: { review: Review; onGoTo: (target: Target) => Promise<boolean> }) {
  const s = useStyles();
  const groups = useMemo(() => groupFindings(review), [review]);
  const [selected, setSelected] = useState<string | null>(null);
  const [went, setWent] = useState<string | null>(null);

  if (!groups.length) {
    return <Text as="p">Nothing is missing: every required item is filled in and no problem was found.</Text>;
  }

  const choose = async (item: FindingItem) => {
    setSelected(item.key);
    setWent(null);
    if (item.target && (await onGoTo(item.target))) setWent(item.key);
  };

  return (
    <div className={s.groups}>
      {groups.map((g) => (
        <section key={g.area} aria-labelledby={`area-${g.area}`} data-testid={`area-${g.area}`}>
          <div className={s.header}>
            <Subtitle2 as="h3" id={`area-${g.area}`} className={s.heading}>
              {g.label}
            </Subtitle2>
            <Caption1 className={s.where}>
              {[
                g.errors ? `${g.errors} to fix` : '',
                g.warnings ? `${g.warnings} to check` : '',
                g.infos ? `${g.infos} ${g.infos === 1 ? 'note' : 'notes'}` : '',
              ]
                .filter(Boolean)
                .join(', ')}
            </Caption1>
          </div>
          <ul className={s.list} aria-labelledby={`area-${g.area}`}>
            {g.items.map((item) => {
              const f = item.finding;
              const isSelected = selected === item.key;
              return (
                <li key={item.key}>
                  <Button
                    appearance="subtle"
                    className={mergeClasses(s.item, isSelected && s.selected)}
                    aria-expanded={isSelected}
                    onClick={() => void choose(item)}
                    data-testid="finding"
                  >
                    <Badge className={s.badge} size="small" appearance="tint" color={BADGE_COLOR[f.severity]}>
                      {SEVERITY_LABELS[f.severity]}
                    </Badge>
                    <span className={s.text}>
                      <Text size={200}>{f.message}</Text>
                      <Caption1 className={s.where}>{item.location}</Caption1>
                    </span>
                  </Button>
                  {isSelected ? (
                    <div className={s.fix} role="region" aria-label="How to fix">
                      <Text size={200} weight="semibold">
                        How to fix
                      </Text>
                      <Text size={200} data-testid="fix-text">
                        {f.fix ?? f.message}
                      </Text>
                      {went === item.key && item.target ? (
                        <Caption1 className={s.where}>
                          Selected {item.target.sheet}!{item.target.cell} in the workbook.
                        </Caption1>
                      ) : null}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
