import type { Assistant } from './assistant.js';
import type { KnowledgeBase } from './knowledge/load.js';
import type { Logger } from './logger.js';
import type { Retrieval, RetrievalStatus } from './startup.js';

/**
 * The retrieval in service, replaceable without downtime: a reload builds the new knowledge base and indexes
 * aside, then swaps one reference. Questions asked during the build are answered by the old one; a build that
 * fails (an invalid entry, say) leaves the old one in place. Callers read `assistant` at each use, never keep it.
 */
export class LiveRetrieval {
  private reloading: Promise<RetrievalStatus> | undefined;

  constructor(
    private current: Retrieval,
    private readonly build: () => Promise<Retrieval>,
    private readonly log: Logger,
    private readonly onSwap: (status: RetrievalStatus) => void = () => undefined,
  ) {
    onSwap(current.status);
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

  /** Rebuilds and swaps; concurrent calls share one rebuild. Rejects (keeping the old retrieval) on failure. */
  reload(): Promise<RetrievalStatus> {
    this.reloading ??= this.build()
      .then((next) => {
        this.current = next;
        this.onSwap(next.status);
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
