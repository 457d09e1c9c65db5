import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;
type HnswIndex = InstanceType<typeof HierarchicalNSW>;

/** HNSW build and search parameters (hnswlib defaults are M=16, ef=10; a larger ef trades speed for recall). */
const HNSW_M = 16;
const EF_CONSTRUCTION = 200;
const EF_SEARCH = 64;

export interface VectorHit<Label> {
  label: Label;
  /** Cosine similarity in [-1, 1]. */
  similarity: number;
}

interface SavedMeta<Label> {
  dimensions: number;
  labels: Label[];
}

/**
 * An approximate nearest-neighbour index (hnswlib-node, cosine space) whose points carry a label of any
 * JSON-serialisable type. Saved as two files: the HNSW graph and a JSON sidecar with the labels.
 */
export class VectorIndex<Label> {
  private constructor(
    private readonly index: HnswIndex,
    readonly dimensions: number,
    private readonly labels: Label[],
  ) {
    index.setEf(EF_SEARCH);
  }

  static build<Label>(vectors: readonly Float32Array[], labels: Label[], dimensions: number): VectorIndex<Label> {
    if (vectors.length !== labels.length) throw new Error('each vector needs exactly one label');
    const index = new HierarchicalNSW('cosine', dimensions);
    index.initIndex({ maxElements: Math.max(1, vectors.length), m: HNSW_M, efConstruction: EF_CONSTRUCTION });
    vectors.forEach((vector, i) => index.addPoint(Array.from(vector), i));
    return new VectorIndex(index, dimensions, labels);
  }

  get size(): number {
    return this.labels.length;
  }

  /** The k nearest points, or the k nearest whose label passes `filter` (hnswlib filters during the search). */
  search(vector: Float32Array, k: number, filter?: (label: Label) => boolean): VectorHit<Label>[] {
    const count = Math.min(k, this.labels.length);
    if (count === 0) return [];
    const { neighbors, distances } = filter
      ? this.index.searchKnn(Array.from(vector), count, (point: number) => filter(this.labels[point]))
      : this.index.searchKnn(Array.from(vector), count);
    // hnswlib's cosine space returns 1 - cosine similarity.
    return neighbors.map((point, i) => ({ label: this.labels[point], similarity: 1 - distances[i] }));
  }

  /** Writes both files under temporary names first, then renames them, so a crash never leaves half an index. */
  async save(dir: string, key: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    const { graph, meta } = VectorIndex.paths(dir, key);
    const suffix = `.tmp-${process.pid}`;
    await this.index.writeIndex(graph + suffix);
    const saved: SavedMeta<Label> = { dimensions: this.dimensions, labels: this.labels };
    await writeFile(meta + suffix, JSON.stringify(saved));
    await rename(graph + suffix, graph);
    await rename(meta + suffix, meta);
  }

  /** Loads a saved index, or returns undefined when there is none for this key. Throws if the files are corrupt. */
  static async load<Label>(dir: string, key: string): Promise<VectorIndex<Label> | undefined> {
    const { graph, meta } = VectorIndex.paths(dir, key);
    if (!existsSync(graph) || !existsSync(meta)) return undefined;
    const saved = JSON.parse(await readFile(meta, 'utf8')) as SavedMeta<Label>;
    const index = new HierarchicalNSW('cosine', saved.dimensions);
    await index.readIndex(graph);
    if (index.getCurrentCount() !== saved.labels.length) {
      throw new Error(`saved index ${key} has ${index.getCurrentCount()} points but ${saved.labels.length} labels`);
    }
    return new VectorIndex(index, saved.dimensions, saved.labels);
  }

  private static paths(dir: string, key: string) {
    return { graph: join(dir, `${key}.hnsw`), meta: join(dir, `${key}.labels.json`) };
  }
}
