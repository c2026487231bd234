import { useEffect, useState } from 'preact/hooks';

/** A current value with change notifications: an Observable, or the Store. */
export interface Watchable<T> {
  get(): T;
  subscribe(listener: (value: T) => void): () => void;
}

/** The source's current value, re-rendering the component on every change. */
export function useObservable<T>(source: Watchable<T>): T {
  const [value, setValue] = useState(source.get());
  useEffect(() => {
    const unsubscribe = source.subscribe((next) => setValue(next));
    // Effects run after the frame: a change between the first render and here (a click on the 2D map) is read now.
    setValue(source.get());
    return unsubscribe;
  }, [source]);
  return value;
}
