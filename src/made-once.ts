/** Where {@link madeOnce} keeps what it made: a Map, or a WeakMap for values that live with an object. */
interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * What `make` gives for `key`, made the first time it is asked for and kept in `store` for every
 * later call: what a run reads many times (a catalogue's rows, a bundle's file) is computed once.
 */
export function madeOnce<K, V>(store: Store<K, V>, key: K, make: (key: K) => V): V {
  let value = store.get(key);
  if (value === undefined) {
    value = make(key);
    store.set(key, value);
  }
  return value;
}
