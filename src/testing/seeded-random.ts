// Tests that generate their input (random bytes, ids, texts) draw it from here, seeded, so that a failing case
// comes back on every run and can be printed and replayed.

/** Pseudo-random integers below 2^31 from a linear congruential generator: the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648);
}

/** `count` texts, each up to `maxPieces - 1` pieces drawn from `pieces`: the same texts for the same seed. */
export function generatedTexts(pieces: readonly string[], { count, maxPieces, seed }: { count: number; maxPieces: number; seed: number }): string[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let text = "";
    const length = next() % maxPieces;
    for (let i = 0; i < length; i++) text += pieces[next() % pieces.length];
    return text;
  });
}
