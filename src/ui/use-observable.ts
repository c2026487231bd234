import { useEffect, useState } from 'preact/hooks';
import type { Observable } from '../state/observable';

export function useObservable<T>(observable: Observable<T>): T {
  const [value, setValue] = useState(observable.get());
  useEffect(() => observable.subscribe(setValue), [observable]);
  return value;
}
