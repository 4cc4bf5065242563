/**
 * A Fluent MessageBar for an outcome or a problem: title, what to do next, optional action and dismiss.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { PaneMessage } from '../messages';

export function StatusBar({
  message,
  onDismiss,
  action,
}: {
  message: PaneMessage;
  onDismiss?: () => void;
  action?: { label: string; onClick: () => void };
}) {
  return (
    <MessageBar intent={message.intent} layout="multiline" politeness={message.intent === 'error' ? 'assertive' : 'polite'}>
      <MessageBarBody>
        <MessageBarTitle>{message.title}</MessageBarTitle>
        {message.text}
      </MessageBarBody>
      {(action || onDismiss) && (
        <MessageBarActions
          containerAction={
            onDismiss ? (
              <Button appearance="transparent" size="small" aria-label={`Dismiss: ${message.title}`} onClick={onDismiss}>
                ✕
              </Button>
            ) : undefined
          }
        >
          {action ? (
            <Button size="small" onClick={action.onClick}>
              {action.label}
            </Button>
          ) : null}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
