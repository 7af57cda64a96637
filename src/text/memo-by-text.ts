// Pure readings of a text that several rules ask for again (a page's quantities by the
// percentage and the money rule, a sentence's measures by every goal reader): each is
// computed once and shared. Shared answers are frozen, so no caller can change what the
// next one reads; the cache is emptied when full, so a long run keeps a bounded set.

/** The capacity of one cache: texts are pages and sentences, so a few thousand cover a document. */
const DEFAULT_CAPACITY = 4096;

export function memoByText<T extends object>(read: (text: string) => T[], capacity = DEFAULT_CAPACITY): (text: string) => readonly Readonly<T>[] {
  const known = new Map<string, readonly Readonly<T>[]>();
  return (text) => {
    let found = known.get(text);
    if (found === undefined) {
      if (known.size >= capacity) known.clear();
      const items = read(text);
      for (const item of items) Object.freeze(item);
      found = Object.freeze(items);
      known.set(text, found);
    }
    return found;
  };
}

/** The same for a reading whose answer is a plain value (a string, a flag): one answer per text. */
export function memoValueByText<T extends string | number | boolean | null>(read: (text: string) => T, capacity = DEFAULT_CAPACITY): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    if (known.size >= capacity) known.clear();
    const value = read(text);
    known.set(text, value);
    return value;
  };
}
