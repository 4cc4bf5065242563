/**
 * Shown when the pane is opened outside Excel (office.js missing or another Office app): what it is and how to
 * open it in Excel.
 */
import {
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Title3,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    padding: tokens.spacingHorizontalM,
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

export function NoExcel() {
  const s = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={s.root}>
      <Title3 as="h1">CMRT Review</Title3>
      <Text as="p">Checks RMI conflict minerals reporting templates before you send them, or the ones your suppliers send you.</Text>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Open it in Excel</MessageBarTitle>
          This page is the CMRT Review task pane and runs inside Excel. Open a template in Excel and choose Home &gt; CMRT Review.
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}
