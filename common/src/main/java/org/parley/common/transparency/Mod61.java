package org.parley.common.transparency;

/**
 * Arithmetic modulo the prime 2<sup>61</sup>−1, in which the elimination of small counts works: exact for
 * every combination whose coefficients it does not divide, and a product needs no division.
 */
final class Mod61 {

    static final long P = (1L << 61) - 1;

    private Mod61() {
    }

    static long add(long a, long b) {
        long s = a + b;
        return s >= P ? s - P : s;
    }

    /** −a: P − a, and 0 for 0 (P itself is no residue). */
    static long negate(long a) {
        return a == 0 ? 0 : P - a;
    }

    /** a · b mod 2^61−1, for a, b &lt; 2^61: the high bits fold back in since 2^61 ≡ 1. */
    static long multiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        long folded = (low & P) + (low >>> 61) + (high << 3);
        folded = (folded & P) + (folded >>> 61);
        return folded >= P ? folded - P : folded;
    }

    /** a<sup>−1</sup>, by Fermat: a<sup>P−2</sup>. */
    static long inverse(long a) {
        long result = 1;
        long base = a;
        long exponent = P - 2;
        while (exponent > 0) {
            if ((exponent & 1) != 0) {
                result = multiply(result, base);
            }
            base = multiply(base, base);
            exponent >>= 1;
        }
        return result;
    }
}
