import type { Assistant } from './assistant.js';
import type { KnowledgeBase } from './knowledge/load.js';
import type { Logger } from './logger.js';
import type { Retrieval, RetrievalStatus } from './startup.js';

export interface RetrievalBuilders {
  /** The knowledge base and the lexical path: quick, and enough to answer. */
  lexical: () => Promise<Retrieval>;
  /** The same retrieval with the dense path added (or with the reason it is off). */
  dense: (base: Retrieval) => Promise<Retrieval>;
}

/**
 * The retrieval in service, replaceable without downtime. A start or a reload first builds the lexical path (in time
 * slices, so questions and /healthz are served meanwhile) and swaps it in, so questions are answered at once; the
 * dense path is then built in the background and swapped in when ready. A reload that arrives meanwhile wins: a
 * dense build for an older knowledge base is discarded. A build that fails (an invalid entry, say) leaves the old
 * retrieval in place. Callers read `assistant` at each use.
 */
export class LiveRetrieval {
  private reloading: Promise<RetrievalStatus> | undefined;
  private generation = 0;
  private denseBuild: Promise<void> = Promise.resolve();

  constructor(
    private current: Retrieval,
    private readonly builders: RetrievalBuilders,
    private readonly log: Logger,
    private readonly onSwap: (status: RetrievalStatus) => void = () => undefined,
  ) {
    onSwap(current.status);
    this.addDense(current, this.generation);
  }

  get assistant(): Assistant {
    return this.current.assistant;
  }

  get kb(): KnowledgeBase {
    return this.current.kb;
  }

  get status(): RetrievalStatus & { reloading: boolean } {
    return { ...this.current.status, reloading: this.reloading !== undefined };
  }

  /** Settles when the background dense build of the current generation has finished (or failed). */
  denseSettled(): Promise<void> {
    return this.denseBuild;
  }

  private swap(next: Retrieval): void {
    this.current = next;
    this.onSwap(next.status);
  }

  private addDense(base: Retrieval, generation: number): void {
    if (base.status.dense.state !== 'building') return;
    this.denseBuild = this.builders
      .dense(base)
      .then((next) => {
        if (generation === this.generation) this.swap(next);
        else this.log.info('dense index for an older knowledge base finished after a reload; discarded');
      })
      .catch((error: unknown) => {
        this.log.error({ err: error }, 'dense path could not be built; still answering with the lexical path');
        if (generation === this.generation) {
          const { model } = base.status.dense;
          this.swap({ ...base, status: { ...base.status, dense: { state: 'off', model, reason: (error as Error).message, since: new Date().toISOString() } } });
        }
      });
  }

  /** Rebuilds and swaps; concurrent calls share one rebuild. Rejects (keeping the old retrieval) on failure. */
  reload(): Promise<RetrievalStatus> {
    this.reloading ??= this.builders
      .lexical()
      .then((next) => {
        this.generation++;
        this.swap(next);
        this.addDense(next, this.generation);
        this.log.info({ entries: next.status.entries, hash: next.status.knowledgeHash }, 'knowledge base reloaded');
        return next.status;
      })
      .catch((error: unknown) => {
        this.log.error({ err: error }, 'knowledge base reload failed; still serving the previous one');
        throw error;
      })
      .finally(() => {
        this.reloading = undefined;
      });
    return this.reloading;
  }
}
