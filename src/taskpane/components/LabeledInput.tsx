/**
 * A Fluent Input with its Fluent Label (and an optional hint), associated by id. Lighter than Field, which the pane
 * needs no validation states from.
 */
import { useId } from 'react';
import { Caption1, Input, Label, makeStyles, tokens, type InputProps } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function LabeledInput({ label, hint, ...input }: InputProps & { label: string; hint?: string }) {
  const s = useStyles();
  const id = useId();
  return (
    <div className={s.root}>
      <Label htmlFor={id}>{label}</Label>
      <Input {...input} id={id} className={s.input} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint ? (
        <Caption1 id={`${id}-hint`} className={s.hint}>
          {hint}
        </Caption1>
      ) : null}
    </div>
  );
}
