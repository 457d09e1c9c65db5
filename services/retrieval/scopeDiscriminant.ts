/**
 * Which way a question leans: toward what the knowledge base answers, or toward the out-of-scope examples
 * (scope/out-of-scope.yaml). Fisher's linear discriminant over the dense index's own points, the entries' passages
 * on one side and the out-of-scope examples on the other. The nearest out-of-scope example (another decision
 * feature) says how close one example comes; the discriminant weighs every direction in which the two sets differ,
 * so a question asking for a ranking, a price comparison or a translation leans out of scope even when no example
 * is near it (ADR 2). Fitted where the index is built, and saved beside it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CholeskyDecomposition, Matrix } from 'ml-matrix';

export interface ScopeDiscriminant {
  weights: number[];
  /** Puts zero halfway between the two sets' means: a positive lean is nearer what we answer. */
  offset: number;
}

/**
 * w = (S + λI)⁻¹ (mean in scope − mean out of scope), with S the pooled within-set covariance. λ, the mean
 * variance of one dimension, keeps the solve stable: the index has tens of thousands of points but few
 * out-of-scope ones, and some directions barely vary. With either set empty, the discriminant is zero.
 */
export function fitScopeDiscriminant(vectors: readonly Float32Array[], inScope: readonly boolean[]): ScopeDiscriminant {
  if (vectors.length !== inScope.length) throw new Error('each vector needs exactly one side');
  const dimensions = vectors[0]?.length ?? 0;
  const sides = [true, false].map((side) => {
    const members = vectors.filter((_, i) => inScope[i] === side);
    const mean = new Float64Array(dimensions);
    for (const vector of members) vector.forEach((value, i) => (mean[i] += value / members.length));
    return { members, mean };
  });
  if (sides.some((side) => side.members.length === 0)) return { weights: new Array<number>(dimensions).fill(0), offset: 0 };

  // The upper triangle of the scatter matrix, summed in one pass (tens of thousands of points: no copies).
  const scatter = new Float64Array(dimensions * dimensions);
  const centred = new Float64Array(dimensions);
  for (const { members, mean } of sides) {
    for (const vector of members) {
      for (let i = 0; i < dimensions; i++) centred[i] = vector[i] - mean[i];
      for (let i = 0; i < dimensions; i++) {
        const row = i * dimensions;
        const value = centred[i];
        for (let j = i; j < dimensions; j++) scatter[row + j] += value * centred[j];
      }
    }
  }
  const degrees = Math.max(1, vectors.length - 2);
  let trace = 0;
  for (let i = 0; i < dimensions; i++) trace += scatter[i * dimensions + i] / degrees;
  const ridge = trace / dimensions || 1e-6;
  const covariance = Matrix.zeros(dimensions, dimensions);
  for (let i = 0; i < dimensions; i++) {
    for (let j = i; j < dimensions; j++) {
      const value = scatter[i * dimensions + j] / degrees + (i === j ? ridge : 0);
      covariance.set(i, j, value);
      covariance.set(j, i, value);
    }
  }
  const [inside, outside] = sides.map((side) => side.mean);
  const difference = Matrix.columnVector(Array.from(inside, (value, i) => value - outside[i]));
  const weights = new CholeskyDecomposition(covariance).solve(difference).getColumn(0);
  const midpoint = weights.reduce((sum, w, i) => sum + (w * (inside[i] + outside[i])) / 2, 0);
  return { weights, offset: -midpoint };
}

export function scopeLean(discriminant: ScopeDiscriminant, vector: Float32Array): number {
  return discriminant.weights.reduce((sum, w, i) => sum + w * vector[i], discriminant.offset);
}

const fileOf = (dir: string, key: string) => join(dir, `${key}.scope.json`);

/** Written under a temporary name, then renamed, like the index itself. */
export async function saveScopeDiscriminant(dir: string, key: string, discriminant: ScopeDiscriminant): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = fileOf(dir, key);
  await writeFile(`${file}.tmp-${process.pid}`, JSON.stringify(discriminant));
  await rename(`${file}.tmp-${process.pid}`, file);
}

/** The saved discriminant, or undefined when there is none for this key. Throws if the file is corrupt. */
export async function loadScopeDiscriminant(dir: string, key: string, dimensions: number): Promise<ScopeDiscriminant | undefined> {
  const file = fileOf(dir, key);
  if (!existsSync(file)) return undefined;
  const saved = JSON.parse(await readFile(file, 'utf8')) as ScopeDiscriminant;
  if (!Array.isArray(saved.weights) || saved.weights.length !== dimensions || typeof saved.offset !== 'number') {
    throw new Error(`the scope discriminant ${file} does not fit an index of ${dimensions} dimensions`);
  }
  return saved;
}
