import { useEffect, useState } from 'preact/hooks';
import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';

/** The current view state, re-rendering the component on every change. */
export function useViewState(store: Store): ViewState {
  const [state, setState] = useState(store.get());
  useEffect(() => {
    const unsubscribe = store.subscribe((next) => setState(next));
    // Effects run after the frame: a change between the first render and here (a click on the 2D map) is read now.
    setState(store.get());
    return unsubscribe;
  }, [store]);
  return state;
}
