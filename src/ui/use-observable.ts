import { useEffect, useState } from 'preact/hooks';
import type { Observable } from '../state/observable';

export function useObservable<T>(observable: Observable<T>): T {
  const [value, setValue] = useState(observable.get());
  useEffect(() => {
    const unsubscribe = observable.subscribe(setValue);
    // As useViewState: a change between the first render and the subscription is not lost.
    setValue(observable.get());
    return unsubscribe;
  }, [observable]);
  return value;
}
