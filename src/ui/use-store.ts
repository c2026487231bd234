import type { Store } from '../state/store';
import type { ViewState } from '../state/view-state';
import { useObservable } from './use-observable';

/** The current view state, re-rendering the component on every change. */
export function useViewState(store: Store): ViewState {
  return useObservable(store);
}
