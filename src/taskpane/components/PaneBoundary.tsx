/**
 * Catches a pane that failed to load (a lazily loaded chunk that did not arrive) or to render, and says what to do
 * instead of leaving the task pane blank.
 */
import { Component, type ReactNode } from 'react';
import { errorMessage } from '../messages';
import { StatusBar } from './StatusBar';

interface State {
  error: unknown;
}

export class PaneBoundary extends Component<{ children: ReactNode; onRetry?: () => void }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <StatusBar
        message={errorMessage('load', this.state.error)}
        action={{
          label: 'Try again',
          onClick: () => {
            this.setState({ error: null });
            this.props.onRetry?.();
          },
        }}
      />
    );
  }
}
