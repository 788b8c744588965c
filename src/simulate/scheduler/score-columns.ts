/**
 * Where each pod's scores are kept until its verdicts are read: one column per scoring plugin over
 * the feasible nodes. Every pod keeps them, so they are small and cut from larger blocks (one
 * allocation for many columns). A score of 0..255 takes a byte; a pod with a score outside that
 * (odd input only) keeps weighted scores as 16-bit integers instead ("wide"), as the
 * straightforward scoring does, so that even such values come out the same.
 */

/** Typed arrays cut from larger blocks: one allocation for many small arrays that live as long. */
class Blocks<A extends Uint8Array | Int16Array> {
  private block: A | undefined;
  private used = 0;

  constructor(private readonly allocate: (length: number) => A) {}

  /** A zeroed array of `length`. */
  take(length: number): A {
    if (!this.block || this.used + length > this.block.length) {
      this.block = this.allocate(Math.max(length, 1 << 20));
      this.used = 0;
    }
    this.used += length;
    return this.block.subarray(this.used - length, this.used) as A;
  }
}

export class ScoreColumns {
  private readonly bytes = new Blocks((length) => new Uint8Array(length));
  private readonly shorts = new Blocks((length) => new Int16Array(length));

  /** A zeroed column of `length`: bytes for scores, or (`wide`) 16-bit integers for weighted scores. */
  take(length: number, wide: boolean): Uint8Array | Int16Array {
    return wide ? this.shorts.take(length) : this.bytes.take(length);
  }
}

/** What a stored value is the score times: 1, or (`wide`) the plugin's weight. */
export function storedScale(weight: number, wide: boolean): number {
  return wide ? weight : 1;
}

/** Bits above the lowest 8 in scores ORed together: one of them does not fit a byte. */
export function outsideByte(bits: number): boolean {
  return (bits & ~0xff) !== 0;
}
