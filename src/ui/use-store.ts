import { useEffect, useState } from 'preact/hooks';
import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';

/** The current view state, re-rendering the component on every change. */
export function useViewState(store: Store): ViewState {
  const [state, setState] = useState(store.get());
  useEffect(() => store.subscribe((next) => setState(next)), [store]);
  return state;
}
