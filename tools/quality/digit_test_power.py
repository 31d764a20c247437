#!/usr/bin/env python3
"""Power of the digit tests of `zhizao quality` (docs/methodology.md, "Data quality").

Monte Carlo: for each history length n, draw n figures under the null (Benford: log-uniform over
three orders of magnitude; last digit: uniform) and under an alternative, run Pearson's
chi-square test at alpha = 0.001 as src/quality/digit_tests.cc does, and count rejections.
Alternatives: first digits equally likely (a person inventing figures); last digits where a
share h of the figures was rounded to end in 0 or 5. Standard library only; deterministic seed.
Usage: python3 tools/quality/digit_test_power.py [REPETITIONS]
"""
import math
import random
import sys

CRITICAL = {8: 26.1245, 9: 27.8772}  # chi-square upper 0.001 points (NIST/SEMATECH table)
BENFORD = [math.log10(1 + 1 / d) for d in range(1, 10)]


def chi_square(counts, shares, n):
    return sum((c - n * p) ** 2 / (n * p) for c, p in zip(counts, shares))


def benford_rejects(rng, n, fabricated):
    counts = [0] * 9
    for _ in range(n):
        if fabricated:
            d = rng.randrange(1, 10)
        else:
            x = 10 ** (1 + 3 * rng.random())
            d = int(str(f"{x:.6e}")[0])
        counts[d - 1] += 1
    return chi_square(counts, BENFORD, n) > CRITICAL[8]


def last_digit_rejects(rng, n, heaped):
    counts = [0] * 10
    for _ in range(n):
        if rng.random() < heaped:
            counts[rng.choice((0, 5))] += 1
        else:
            counts[rng.randrange(10)] += 1
    return chi_square(counts, [0.1] * 10, n) > CRITICAL[9]


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    rng = random.Random(20261206)
    print(f"repetitions: {reps}, alpha = 0.001")
    print("first digit vs Benford   n  size(null)  power(uniform digits)")
    for n in (30, 45, 60, 90, 120, 180):
        size = sum(benford_rejects(rng, n, False) for _ in range(reps)) / reps
        power = sum(benford_rejects(rng, n, True) for _ in range(reps)) / reps
        print(f"{'':24}{n:4d}  {size:10.4f}  {power:10.3f}")
    print("last digit vs uniform    n  size(null)  power(h=0.2)  power(h=0.3)  power(h=0.5)")
    for n in (30, 45, 60, 90, 120, 180):
        size = sum(last_digit_rejects(rng, n, 0) for _ in range(reps)) / reps
        powers = [sum(last_digit_rejects(rng, n, h) for _ in range(reps)) / reps
                  for h in (0.2, 0.3, 0.5)]
        print(f"{'':24}{n:4d}  {size:10.4f}  " + "  ".join(f"{p:12.3f}" for p in powers))


if __name__ == "__main__":
    main()
