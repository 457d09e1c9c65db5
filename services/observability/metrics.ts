import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Decision } from '../assistant.js';
import type { Lang } from '../languages.js';
import type { RetrievalStatus } from '../startup.js';

/** Latency buckets in seconds, from 1 ms (a lexical lookup) to 10 s (a stuck request). */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

/**
 * The Prometheus metrics: request latency per route, decisions per language and kind, retrieval latency per
 * path, and the knowledge and model state. One registry per process (not prom-client's global one), so tests
 * can build several apps. Under node:cluster the primary sums the workers' metrics; the state gauges, which every
 * worker holds alike, take the lowest value instead (a worker still building shows).
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requestSeconds = new Histogram({
    name: 'http_request_duration_seconds', help: 'HTTP request latency', labelNames: ['method', 'route', 'status'], buckets: BUCKETS, registers: [this.registry],
  });
  private readonly decisions = new Counter({
    name: 'assistant_decisions_total', help: 'Answers, did-you-means, fallbacks and emergencies, per language', labelNames: ['lang', 'kind'], registers: [this.registry],
  });
  private readonly retrievalSeconds = new Histogram({
    name: 'retrieval_duration_seconds', help: 'Retrieval latency per path', labelNames: ['path'], buckets: BUCKETS, registers: [this.registry],
  });
  private readonly entries = new Gauge({ name: 'knowledge_entries', help: 'Knowledge entries loaded', aggregator: 'min', registers: [this.registry] });
  private readonly indexSize = new Gauge({ name: 'retrieval_index_documents', help: 'Documents per retrieval index', labelNames: ['path'], aggregator: 'min', registers: [this.registry] });
  private readonly denseOn = new Gauge({ name: 'dense_model_loaded', help: '1 when the embedding model is loaded and the dense path answers', labelNames: ['model'], aggregator: 'min', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Question-embedding cache hits and misses, read from the live dense path at each scrape. */
  observeEmbeddingCache(read: () => { hits: number; misses: number } | undefined): void {
    for (const [name, field, help] of [
      ['embedding_cache_hits', 'hits', 'Questions whose embedding came from the cache (since the dense path went live)'],
      ['embedding_cache_misses', 'misses', 'Questions embedded by the model (since the dense path went live)'],
    ] as const) {
      new Gauge({ name, help, registers: [this.registry], collect() { this.set(read()?.[field] ?? 0); } });
    }
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requestSeconds.observe({ method, route, status: String(status) }, seconds);
  }

  observeDecision(lang: Lang, decision: Decision, timings: { lexicalMs: number; denseMs: number }, dense: boolean): void {
    this.decisions.inc({ lang, kind: decision.kind === 'clarify' ? 'did-you-mean' : decision.kind });
    if (decision.kind === 'answer' || decision.kind === 'clarify' || decision.kind === 'fallback') {
      this.retrievalSeconds.observe({ path: 'lexical' }, timings.lexicalMs / 1000);
      if (dense) this.retrievalSeconds.observe({ path: 'dense' }, timings.denseMs / 1000);
    }
  }

  setRetrievalStatus(status: RetrievalStatus): void {
    this.entries.set(status.entries);
    this.indexSize.set({ path: 'lexical' }, status.lexicalDocuments);
    this.denseOn.reset();
    this.denseOn.set({ model: status.dense.model }, status.dense.state === 'on' ? 1 : 0);
    if (status.dense.state === 'on') this.indexSize.set({ path: 'dense' }, status.dense.passages);
  }
}
