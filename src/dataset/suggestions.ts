/**
 * "Did you mean" for unknown references, at a bounded cost: each collection's ids are normalised
 * once, and only the first MAX_SUGGESTIONS unknown references get a suggestion. A file of
 * thousands of wrong references otherwise compared each with every id (a 1.9 MB file ran for more
 * than 15 minutes); past the first few, one more suggestion helps nobody.
 */
import { NameIndex } from '../domain/names';

export const MAX_SUGGESTIONS = 50;

export class Suggestions<K extends string> {
  private readonly indexes = new Map<K, NameIndex<string>>();
  private given = 0;

  constructor(private readonly idsOf: (collection: K) => string[]) {}

  /** The id nearest to `id` in the collection, or undefined (none near, or suggestions used up). */
  nearest(collection: K, id: string): string | undefined {
    if (this.given >= MAX_SUGGESTIONS) return undefined;
    this.given++;
    let index = this.indexes.get(collection);
    if (!index) {
      index = new NameIndex(this.idsOf(collection).map((c) => ({ key: c, value: c })));
      this.indexes.set(collection, index);
    }
    return index.closest(id, 1)[0];
  }
}
