/**
 * What the workbook is: family, version, company, scope and effective date.
 */
import { Caption1, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { WorkbookInfo } from '../engine';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  head: { display: 'flex', flexDirection: 'column' },
  title: { margin: 0 },
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(88px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  missing: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  hint: { color: tokens.colorNeutralForeground3 },
});

const FAMILY_NAMES: Record<string, string> = {
  CMRT: 'Conflict Minerals Reporting Template',
  EMRT: 'Extended Minerals Reporting Template',
  CRT: 'Cobalt Reporting Template',
  AMRT: 'Additional Minerals Reporting Template',
};

export function WorkbookCard({ info }: { info: WorkbookInfo }) {
  const s = useStyles();
  const value = (v: string | null, missing = 'Not filled in') => (v ? <Text>{v}</Text> : <Text className={s.missing}>{missing}</Text>);
  return (
    <section className={s.card} aria-labelledby="workbook-title" data-testid="workbook-card">
      <div className={s.head}>
        <Subtitle2 as="h2" id="workbook-title" className={s.title}>
          {info.family} {info.version}
        </Subtitle2>
        <Caption1>
          {FAMILY_NAMES[info.family] ?? 'RMI reporting template'}
          {info.releaseDate ? `, released ${info.releaseDate}` : ''}
          {info.language && info.language !== 'English' ? ` · display language ${info.language}` : ''}
        </Caption1>
      </div>
      <dl className={s.list}>
        <dt className={s.term}>
          <Caption1>Company</Caption1>
        </dt>
        <dd className={s.value}>{value(info.companyName)}</dd>
        <dt className={s.term}>
          <Caption1>Scope</Caption1>
        </dt>
        <dd className={s.value}>{value(info.scope)}</dd>
        <dt className={s.term}>
          <Caption1>Effective date</Caption1>
        </dt>
        <dd className={s.value}>
          {value(info.effectiveDate)}
          {info.effectiveDate && !info.effectiveDateIsDate ? <Caption1 className={s.hint}> (not a date)</Caption1> : null}
        </dd>
      </dl>
      {info.newerVersion ? (
        <Caption1 className={s.hint}>
          {info.family} {info.newerVersion} is newer; some customers ask for the latest version.
        </Caption1>
      ) : null}
    </section>
  );
}
