import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fitScopeDiscriminant, loadScopeDiscriminant, saveScopeDiscriminant, scopeLean } from '../../services/retrieval/scopeDiscriminant.js';

/** A deterministic cloud of unit vectors around `centre`, varying most along the last dimension. */
function cloud(centre: number[], count: number, seed: number): Float32Array[] {
  let state = seed;
  const noise = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5);
  return Array.from({ length: count }, () => {
    const v = centre.map((c, i) => c + noise() * (i === centre.length - 1 ? 1 : 0.2));
    const norm = Math.hypot(...v);
    return Float32Array.from(v, (x) => x / norm);
  });
}

const inScope = cloud([1, 0.2, 0, 0], 200, 1);
const outOfScope = cloud([0.2, 1, 0, 0], 40, 2);
const discriminant = fitScopeDiscriminant([...inScope, ...outOfScope], [...inScope.map(() => true), ...outOfScope.map(() => false)]);

describe('the scope discriminant', () => {
  it('leans new points of each set to its own side, with zero halfway between', () => {
    for (const v of cloud([1, 0.2, 0, 0], 20, 3)) expect(scopeLean(discriminant, v)).toBeGreaterThan(0);
    for (const v of cloud([0.2, 1, 0, 0], 20, 4)) expect(scopeLean(discriminant, v)).toBeLessThan(0);
    const halfway = Float32Array.from([0.6, 0.6, 0, 0]);
    expect(Math.abs(scopeLean(discriminant, halfway))).toBeLessThan(Math.abs(scopeLean(discriminant, inScope[0])));
  });

  it('discounts the direction in which both sets vary most', () => {
    // The last dimension carries most of the noise and no difference between the sets.
    expect(Math.abs(discriminant.weights[3])).toBeLessThan(Math.abs(discriminant.weights[1]) / 10);
  });

  it('leans nowhere when one set is empty', () => {
    const none = fitScopeDiscriminant(inScope, inScope.map(() => true));
    expect(none.weights).toEqual([0, 0, 0, 0]);
    expect(scopeLean(none, inScope[0])).toBe(0);
  });

  describe('saved beside the index', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scope-discriminant-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reads back what it saved, and nothing for a key it never saved', async () => {
      await saveScopeDiscriminant(dir, 'k1', discriminant);
      expect(await loadScopeDiscriminant(dir, 'k1', 4)).toEqual(discriminant);
      expect(await loadScopeDiscriminant(dir, 'k2', 4)).toBeUndefined();
    });

    it('refuses a file that does not fit the index', async () => {
      await expect(loadScopeDiscriminant(dir, 'k1', 384)).rejects.toThrow(/does not fit an index of 384 dimensions/);
      writeFileSync(join(dir, 'k3.scope.json'), '{"weights":');
      await expect(loadScopeDiscriminant(dir, 'k3', 4)).rejects.toThrow();
    });
  });
});
