import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DENSE_FEATURES, LEXICAL_FEATURES, type DecisionCalibration } from './retrieval/decide.js';
import { PASSWORD_HASH_PATTERN } from './staff/passwords.js';

/** Thrown when an environment variable holds a bad value; the message names the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The prefixes an embedding model family was trained with; e5 models embed worse without them. */
export function promptPrefixes(modelId: string): { queryPrefix: string; passagePrefix: string } {
  return /(^|[/-])e5-/i.test(modelId) ? { queryPrefix: 'query: ', passagePrefix: 'passage: ' } : { queryPrefix: '', passagePrefix: '' };
}

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const port = z.coerce.number().int().min(0).max(65535);
const unitInterval = z.coerce.number().min(0).max(1);

/**
 * Every setting the product reads, keyed by its environment variable. This is the only place that reads
 * `process.env`; everything else is handed a `Config`.
 */
const EnvSchema = z.object({
  PORT: port.default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The public origin users reach us at; the bot's replies are posted back there by the Direct Line channel. */
  PUBLIC_URL: z.url().optional(),
  KNOWLEDGE_DIR: z.string().min(1).default('knowledge'),
  LOCALES_DIR: z.string().min(1).default('locales'),
  DATA_DIR: z.string().min(1).default('data'),
  MODELS_DIR: z.string().min(1).default('models'),
  EMBEDDING_MODEL: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'must look like org/name').default('intfloat/multilingual-e5-small'),
  /** The Hugging Face hub, or a mirror of it (the hub is blocked in mainland China); used by `npm run models:download`. */
  HF_ENDPOINT: z.url({ protocol: /^https?$/ }).default('https://huggingface.co'),
  /** Download the model from the Hugging Face hub when it is not in MODELS_DIR. Off by default: we run offline. */
  ALLOW_REMOTE_MODELS: booleanFlag.default(false),
  /** Use the int8 model file (onnx/model_quantized.onnx): 4x smaller and faster, with nearly the same quality. */
  EMBEDDING_QUANTIZED: booleanFlag.default(true),
  /** Set to false to run the lexical path alone even when a model is present. */
  DENSE_ENABLED: booleanFlag.default(true),
  /** The calibrated answer / did-you-mean / fallback models, written by `npm run eval -- --tune`. */
  DECISION_CALIBRATION: z.string().min(1).default('config/decision.json'),
  /** What the assistant does not cover: other places, out-of-scope example questions. */
  SCOPE_DIR: z.string().min(1).default('scope'),
  /** Lexical ranking: coverage of the question plus this weight times the BM25 score relative to the best hit. */
  LEXICAL_BM25_WEIGHT: z.coerce.number().min(0).max(10).default(1),
  /** Reciprocal-rank-fusion weight of each retrieval path. */
  LEXICAL_WEIGHT: z.coerce.number().min(0).max(10).default(1),
  DENSE_WEIGHT: z.coerce.number().min(0).max(10).default(1),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().default(''),
  /** Behind a load balancer or reverse proxy, how many proxy hops to trust for the client address. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  MAX_BODY_KB: z.coerce.number().int().min(1).max(1024).default(64),
  MAX_JSON_DEPTH: z.coerce.number().int().min(2).max(100).default(32),
  /** Longer questions are cut to this many characters, and the user is told. */
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(50).max(10_000).default(1000),
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_CONVERSATION_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Origins of the portals that may embed the widget, comma-separated; `*` only for local development. */
  WIDGET_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(z.union([z.literal('*'), z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin)]))),
  /** Bearer token for POST /admin/reload (reload the knowledge base); unset: no admin route. */
  ADMIN_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Prometheus metrics are served on their own port, on loopback by default, never on the public one. */
  METRICS_PORT: port.default(9464),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_ENABLED: booleanFlag.default(true),
  /** On SIGTERM, how long requests in flight may take to finish before the process exits anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(300).default(10),
  /** Days feedback, staff flags and (redacted) unanswered questions are kept. */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** Signs Direct Line tokens; set the same value on every instance. Unset: a random key per process. */
  /** How long a conversation remembers what it was about, for follow-ups ("and their address?"), after its last answer. */
  CONVERSATION_CONTEXT_IDLE_MINUTES: z.coerce.number().min(1).max(24 * 60).default(30),
  DIRECTLINE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DIRECTLINE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(1800),
  DIRECTLINE_MAX_CONVERSATIONS: z.coerce.number().int().min(1).default(10_000),
  DIRECTLINE_IDLE_MINUTES: z.coerce.number().min(1).default(30),
  DIRECTLINE_MAX_ACTIVITIES: z.coerce.number().int().min(10).default(200),
  /** Stored activities per conversation, in KiB of JSON: the oldest go first past it. */
  DIRECTLINE_CONVERSATION_KB: z.coerce.number().int().min(16).default(256),
  /** All conversations kept in this process's memory, in MiB of JSON: the least recently used go first past it. */
  DIRECTLINE_MEMORY_MB: z.coerce.number().int().min(1).default(32),
  /** New conversations (tokens) one client address may start per minute, and within DIRECTLINE_IDLE_MINUTES. */
  DIRECTLINE_TOKENS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  DIRECTLINE_CONVERSATIONS_PER_IP: z.coerce.number().int().min(1).default(200),
  /** Polls per conversation per minute: counted per token, not per address, so many residents can share one. */
  DIRECTLINE_POLLS_PER_MINUTE: z.coerce.number().int().min(10).default(300),
  /**
   * Hotline staff accounts, `name=<hash>` separated by `;`, where the hash comes from `npm run staff:hash-password`.
   * No accounts, no staff console.
   */
  STAFF_ACCOUNTS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const accounts = new Map<string, string>();
      for (const item of value.split(';').map((part) => part.trim()).filter(Boolean)) {
        const [name, hash] = item.split('=');
        if (!/^[\w.@-]{1,64}$/.test(name ?? '') || !PASSWORD_HASH_PATTERN.test(hash ?? '')) {
          ctx.addIssue({ code: 'custom', message: `"${item.slice(0, 20)}…" is not name=<scrypt hash>` });
          return z.NEVER;
        }
        accounts.set(name, hash);
      }
      return accounts;
    }),
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().min(1).default(480),
  /** Send the staff session cookie only over HTTPS (browsers treat http://localhost as secure too). */
  STAFF_COOKIE_SECURE: booleanFlag.default(true),
  STAFF_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  STAFF_LOGIN_WINDOW_MINUTES: z.coerce.number().min(1).default(15),
  /** Login attempts one client address may make within the window, whatever names it tries. */
  STAFF_LOGIN_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  /**
   * The PostgreSQL every instance shares: conversation state, Direct Line conversations, staff sessions, rate-limit
   * counters and feedback. Unset: one process, with memory and SQLite in DATA_DIR.
   */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  /**
   * Processes serving the port (node:cluster), each with its own copy of the indexes. Default: one per core with
   * DATABASE_URL; 1 without, because memory state belongs to one process.
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** How long a conversation's bot state (its language) is kept in PostgreSQL after its last turn. */
  CONVERSATION_STATE_TTL_HOURS: z.coerce.number().min(1).max(24 * 90).default(24),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.input<typeof EnvSchema>;

const ConfidenceModelSchema = z
  .strictObject({
    features: z.array(z.string()),
    weights: z.array(z.number()),
    bias: z.number(),
    answer: unitInterval,
    clarify: unitInterval,
  })
  .refine((m) => m.weights.length === m.features.length, { message: 'needs one weight per feature' })
  .refine((m) => m.clarify <= m.answer, { message: 'clarify must not exceed answer' });

const CalibrationSchema = z.strictObject({
  /** How and when it was fitted: for people, not read by the code. */
  fitted: z.record(z.string(), z.unknown()).optional(),
  dense: ConfidenceModelSchema.refine((m) => m.features.join() === DENSE_FEATURES.join(), { message: `features must be ${DENSE_FEATURES.join(', ')}` }),
  lexical: ConfidenceModelSchema.refine((m) => m.features.join() === LEXICAL_FEATURES.join(), { message: `features must be ${LEXICAL_FEATURES.join(', ')}` }),
  emergencySimilarity: unitInterval,
});

function readCalibration(file: string): DecisionCalibration {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  DECISION_CALIBRATION: ${file} cannot be read as JSON (${(error as Error).message})`);
  }
  const parsed = CalibrationSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration:\n  DECISION_CALIBRATION: ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

function toConfig(env: z.output<typeof EnvSchema>) {
  return {
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL,
    knowledgeDir: resolve(env.KNOWLEDGE_DIR),
    localesDir: resolve(env.LOCALES_DIR),
    scopeDir: resolve(env.SCOPE_DIR),
    dataDir: resolve(env.DATA_DIR),
    embedding: {
      enabled: env.DENSE_ENABLED,
      modelId: env.EMBEDDING_MODEL,
      modelsDir: resolve(env.MODELS_DIR),
      allowRemote: env.ALLOW_REMOTE_MODELS,
      hubEndpoint: env.HF_ENDPOINT,
      quantized: env.EMBEDDING_QUANTIZED,
      ...promptPrefixes(env.EMBEDDING_MODEL),
    },
    decisionCalibrationFile: resolve(env.DECISION_CALIBRATION),
    decision: readCalibration(resolve(env.DECISION_CALIBRATION)),
    weights: { lexical: env.LEXICAL_WEIGHT, dense: env.DENSE_WEIGHT },
    lexicalBm25Weight: env.LEXICAL_BM25_WEIGHT,
    botAuth: {
      MicrosoftAppId: env.MicrosoftAppId,
      MicrosoftAppPassword: env.MicrosoftAppPassword,
      MicrosoftAppType: env.MicrosoftAppType,
      MicrosoftAppTenantId: env.MicrosoftAppTenantId,
    },
    http: {
      trustProxyHops: env.TRUST_PROXY_HOPS,
      maxBodyBytes: env.MAX_BODY_KB * 1024,
      maxJsonDepth: env.MAX_JSON_DEPTH,
      maxMessageChars: env.MAX_MESSAGE_CHARS,
      ratePerIpPerMinute: env.RATE_LIMIT_IP_PER_MINUTE,
      ratePerConversationPerMinute: env.RATE_LIMIT_CONVERSATION_PER_MINUTE,
      widgetOrigins: env.WIDGET_ALLOWED_ORIGINS,
    },
    directLine: {
      secret: env.DIRECTLINE_SECRET,
      tokenTtlSeconds: env.DIRECTLINE_TOKEN_TTL_SECONDS,
      maxConversations: env.DIRECTLINE_MAX_CONVERSATIONS,
      idleMs: env.DIRECTLINE_IDLE_MINUTES * 60_000,
      maxActivities: env.DIRECTLINE_MAX_ACTIVITIES,
      maxConversationBytes: env.DIRECTLINE_CONVERSATION_KB * 1024,
      maxMemoryBytes: env.DIRECTLINE_MEMORY_MB * 1024 * 1024,
      tokensPerIpPerMinute: env.DIRECTLINE_TOKENS_PER_IP_PER_MINUTE,
      conversationsPerIp: env.DIRECTLINE_CONVERSATIONS_PER_IP,
      pollsPerMinute: env.DIRECTLINE_POLLS_PER_MINUTE,
    },
    staff: {
      accounts: env.STAFF_ACCOUNTS,
      sessionIdleMs: env.STAFF_SESSION_IDLE_MINUTES * 60_000,
      cookieSecure: env.STAFF_COOKIE_SECURE,
      loginMaxFailures: env.STAFF_LOGIN_MAX_FAILURES,
      loginWindowMs: env.STAFF_LOGIN_WINDOW_MINUTES * 60_000,
      loginMaxPerAddress: env.STAFF_LOGIN_MAX_PER_ADDRESS,
    },
    databaseUrl: env.DATABASE_URL,
    workers: env.WEB_CONCURRENCY ?? (env.DATABASE_URL ? availableParallelism() : 1),
    conversationStateTtlMs: Math.round(env.CONVERSATION_STATE_TTL_HOURS * 3_600_000),
    conversationContextIdleMs: env.CONVERSATION_CONTEXT_IDLE_MINUTES * 60_000,
    retentionDays: env.RETENTION_DAYS,
    adminToken: env.ADMIN_TOKEN,
    metrics: { enabled: env.METRICS_ENABLED, port: env.METRICS_PORT, host: env.METRICS_HOST },
    shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
    logLevel: env.LOG_LEVEL,
  };
}

export type Config = ReturnType<typeof toConfig>;

/** Reads and validates the configuration once. A bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(result.data.HOST);
  if (result.data.WIDGET_ALLOWED_ORIGINS.includes('*') && !loopback) {
    throw new ConfigError('Invalid configuration:\n  WIDGET_ALLOWED_ORIGINS: "*" is for local development only; list the portal origins');
  }
  if ((result.data.WEB_CONCURRENCY ?? 1) > 1 && !result.data.DATABASE_URL) {
    throw new ConfigError('Invalid configuration:\n  WEB_CONCURRENCY: several workers share conversations and sessions through DATABASE_URL; set it, or use 1');
  }
  return toConfig(result.data);
}
