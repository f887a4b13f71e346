import { act, render, screen } from '@testing-library/react';
import { theme } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../LocaleProvider';

/** A matchMedia whose "prefers-reduced-motion: reduce" answer the test sets, and can change. */
function systemMotion(reduce: boolean) {
  const listeners = new Set<() => void>();
  const state = { reduce };
  const original = window.matchMedia;
  window.matchMedia = (query: string) =>
    ({
      matches: query === '(prefers-reduced-motion: reduce)' && state.reduce,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: (_: string, l: () => void) => listeners.add(l),
      removeEventListener: (_: string, l: () => void) => listeners.delete(l),
      dispatchEvent: () => false,
    }) as unknown as MediaQueryList;
  return {
    set(next: boolean) {
      state.reduce = next;
      listeners.forEach((l) => l());
    },
    restore() {
      window.matchMedia = original;
    },
  };
}

function MotionToken() {
  const { token } = theme.useToken();
  return <span data-testid="motion">{String(token.motion)}</span>;
}

function renderMotionToken() {
  render(
    <LocaleProvider>
      <MotionToken />
    </LocaleProvider>,
  );
}

describe('reduced motion', () => {
  let system: ReturnType<typeof systemMotion> | undefined;
  afterEach(() => system?.restore());

  it('switches antd motion off while the system asks for reduced motion, and on again', () => {
    system = systemMotion(true);
    renderMotionToken();
    expect(screen.getByTestId('motion')).toHaveTextContent('false');
    act(() => system!.set(false));
    expect(screen.getByTestId('motion')).toHaveTextContent('true');
  });

  it('keeps motion when the system does not ask', () => {
    system = systemMotion(false);
    renderMotionToken();
    expect(screen.getByTestId('motion')).toHaveTextContent('true');
  });
});
