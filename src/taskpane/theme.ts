/**
 * Light or dark, following Office: Office.context.officeTheme.bodyBackgroundColor decides, and the pane follows
 * theme changes where Office reports them (Office.EventType.OfficeThemeChanged) and otherwise when it gets focus. Pure helpers plus two sources: Office's
 * and a settable one for the preview harness.
 */

export interface ThemeSource {
  /** True when the host's theme is dark. */
  isDark(): boolean;
  /** Calls `listener` when the host's theme changes; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** "#RRGGBB", "#RGB" or "RRGGBB" to [r, g, b] (0-255); null when not a colour. */
export function parseHexColor(color: string | null | undefined): [number, number, number] | null {
  if (!color) return null;
  let hex = color.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(hex)) return null;
  return [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)];
}

/** Relative luminance (WCAG) of an sRGB colour, 0 (black) .. 1 (white). */
export function luminance([r, g, b]: [number, number, number]): number {
  const lin = (v: number): number => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Whether a background colour is dark (Office's dark gray and black themes are; white and colorful are not). */
export function isDarkBackground(color: string | null | undefined): boolean {
  const rgb = parseHexColor(color);
  return rgb !== null && luminance(rgb) < 0.25;
}

/** Office's theme, when office.js is loaded and the host exposes it; light otherwise. */
export function officeThemeSource(): ThemeSource {
  const read = (): boolean => {
    try {
      return typeof Office !== 'undefined' && isDarkBackground(Office.context?.officeTheme?.bodyBackgroundColor);
    } catch {
      return false;
    }
  };
  return {
    isDark: read,
    subscribe(listener) {
      let active = true;
      let last = read();
      const handler = (): void => {
        if (!active) return;
        const now = read();
        if (now === last) return;
        last = now;
        listener();
      };
      const cleanups: (() => void)[] = [];
      // Where Office does not raise OfficeThemeChanged, a changed theme is noticed when the pane gets focus or is
      // shown again (the user changes the theme in File > Account, outside the pane).
      if (typeof window !== 'undefined') {
        window.addEventListener('focus', handler);
        document.addEventListener('visibilitychange', handler);
        cleanups.push(() => {
          window.removeEventListener('focus', handler);
          document.removeEventListener('visibilitychange', handler);
        });
      }
      try {
        const doc = typeof Office !== 'undefined' ? Office.context?.document : undefined;
        const type = typeof Office !== 'undefined' ? Office.EventType?.OfficeThemeChanged : undefined;
        if (doc && type && typeof doc.addHandlerAsync === 'function') {
          doc.addHandlerAsync(type, handler, () => undefined);
          cleanups.push(() => {
            try {
              doc.removeHandlerAsync(type, { handler }, () => undefined);
            } catch {
              /* ignore */
            }
          });
        }
      } catch {
        /* not supported here */
      }
      return () => {
        active = false;
        for (const c of cleanups) c();
      };
    },
  };
}

/** A theme source the preview harness sets by hand (its "Office theme" switch, or ?theme=dark). */
export function settableThemeSource(initialDark: boolean): ThemeSource & { setDark(dark: boolean): void } {
  let dark = initialDark;
  const listeners = new Set<() => void>();
  return {
    isDark: () => dark,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    setDark(next) {
      if (next === dark) return;
      dark = next;
      for (const l of [...listeners]) l();
    },
  };
}
