import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../services/config.js';
import { FLAG_REASONS, type FeedbackStore } from '../services/feedback/store.js';
import type { Localizer } from '../services/i18n.js';
import { LANGS } from '../services/languages.js';
import type { LiveRetrieval } from '../services/liveRetrieval.js';
import type { Logger } from '../services/logger.js';
import { hashPassword, verifyPassword } from '../services/staff/passwords.js';
import { staffSearch } from '../services/staff/search.js';
import { sameSecret } from './http/security.js';
import type { WindowCounters } from '../services/limits/counters.js';
import { LoginThrottle, newSecretToken, type StaffSession, type StaffSessionStore } from '../services/staff/sessions.js';

const COOKIE = 'staff_session';

const LoginBody = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
const SearchQuery = z.object({ q: z.string().trim().min(1).max(500), callerLang: z.enum(LANGS).default('en') });
const FlagBody = z.strictObject({ entryId: z.string().min(1).max(100), reason: z.enum(FLAG_REASONS), comment: z.string().trim().max(2000).default('') });

export interface StaffRouteDependencies {
  config: Config['staff'];
  retrieval: LiveRetrieval;
  localizer: Localizer;
  store: FeedbackStore;
  sessions: StaffSessionStore;
  counters: WindowCounters;
  log: Logger;
}

type StaffRequest = Request & { staff?: StaffSession };

/**
 * The staff console's API: login with configured accounts (scrypt hashes), an httpOnly SameSite=Strict session
 * cookie, a CSRF token required on every state-changing call, throttled logins, search and flags.
 */
export function staffRouter({ config, retrieval, localizer, store, sessions, counters, log }: StaffRouteDependencies): Router {
  const router = Router();
  const throttle = new LoginThrottle(counters, { maxFailures: config.loginMaxFailures, maxPerAddress: config.loginMaxPerAddress, windowMs: config.loginWindowMs });
  const unknownUserHash = hashPassword(newSecretToken());

  const requireSession = async (req: StaffRequest, res: Response, next: NextFunction) => {
    const session = await sessions.get(req.cookies?.[COOKIE] as string | undefined);
    if (!session) {
      res.status(401).json({ error: 'Please log in.' });
      return;
    }
    req.staff = session;
    next();
  };
  const requireCsrf = (req: StaffRequest, res: Response, next: NextFunction) => {
    if (!sameSecret(req.get('x-csrf-token') ?? '', req.staff!.csrfToken)) {
      res.status(403).json({ error: 'Missing or wrong CSRF token.' });
      return;
    }
    next();
  };

  router.post('/staff/api/login', async (req, res) => {
    const body = LoginBody.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({ error: 'username and password are required' });
      return;
    }
    const { username, password } = body.data;
    const admission = await throttle.admit(username, req.ip ?? 'unknown');
    if (!admission.admitted) {
      res.status(429).set('retry-after', String(Math.ceil(admission.retryAfterMs / 1000))).json({ error: 'Too many failed logins; try again later.' });
      return;
    }
    const hash = config.accounts.get(username);
    // An unknown name costs a password check too, so the response time does not tell which names exist.
    const verified = await verifyPassword(password, hash ?? (await unknownUserHash));
    if (!hash || !verified) {
      // The typed name is not logged: it may be a password typed into the wrong field.
      log.warn({ knownUser: Boolean(hash), ip: req.ip }, 'staff login failed');
      res.status(401).json({ error: 'Wrong username or password.' });
      return;
    }
    await throttle.succeeded(username);
    const { id, session } = await sessions.create(username);
    res.cookie(COOKIE, id, { httpOnly: true, secure: config.cookieSecure, sameSite: 'strict', path: '/staff', maxAge: config.sessionIdleMs });
    // Who logged in is for the debug log only: at info level, logs hold no user names.
    log.info('staff login');
    log.debug({ username }, 'staff login: account');
    res.json({ username, csrfToken: session.csrfToken });
  });

  router.get('/staff/api/session', requireSession, (req: StaffRequest, res) => {
    res.json({ username: req.staff!.username, csrfToken: req.staff!.csrfToken });
  });

  router.post('/staff/api/logout', requireSession, requireCsrf, async (req, res) => {
    await sessions.destroy(req.cookies?.[COOKIE] as string | undefined);
    res.clearCookie(COOKIE, { path: '/staff' });
    res.status(204).end();
  });

  router.get('/staff/api/search', requireSession, async (req, res) => {
    const query = SearchQuery.safeParse(req.query);
    if (!query.success) {
      res.status(400).json({ error: `q (1-500 characters) is required; callerLang is one of ${LANGS.join(' ')}` });
      return;
    }
    const started = performance.now();
    const result = await staffSearch(retrieval.assistant, localizer, query.data.q, query.data.callerLang);
    res.json({ ...result, ms: Math.round((performance.now() - started) * 10) / 10 });
  });

  router.post('/staff/api/flags', requireSession, requireCsrf, async (req: StaffRequest, res) => {
    const body = FlagBody.safeParse(req.body);
    if (!body.success || !retrieval.assistant.entry(body.data.entryId)) {
      res.status(400).json({ error: `entryId must name an entry; reason is one of ${FLAG_REASONS.join(', ')}` });
      return;
    }
    res.status(201).json(await store.recordFlag({ ...body.data, username: req.staff!.username }));
  });

  router.get('/staff/api/flags', requireSession, async (_req, res) => {
    res.json({ flags: await store.flags(500) });
  });

  return router;
}
