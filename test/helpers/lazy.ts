/**
 * A value made on first use, inside a test, rather than when the test file loads. Mutation testing
 * (Stryker, `npm run mutation`) ties code to the tests that run it; code run while a file loads
 * belongs to no test, so every mutant in it would need the whole suite (or be ignored).
 */
export function lazy<T extends object>(make: () => T): T {
  let value: T | undefined;
  const real = () => (value ??= make());
  return new Proxy({} as T, {
    get(_target, key) {
      const found = Reflect.get(real(), key);
      // Methods (a Map's get) must run on the real object.
      return typeof found === 'function' ? found.bind(real()) : found;
    },
    has: (_target, key) => Reflect.has(real(), key),
  });
}
