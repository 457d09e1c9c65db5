import { createHash } from 'node:crypto';
import { msInterval, type PostgresDatabase } from '../database/postgres.js';
import { newSecretToken, type StaffSession, type StaffSessionStore } from './sessions.js';

const IDLE = msInterval('$2');

/** The database keeps only a hash of each session id: a copy of the table lets nobody log in. */
const hashOf = (id: string) => createHash('sha256').update(id).digest('base64url');

/** Staff sessions in the shared PostgreSQL; past `maxSessions`, those closest to expiry go first. */
export class PostgresStaffSessions implements StaffSessionStore {
  constructor(
    private readonly database: PostgresDatabase,
    private readonly idleMs: number,
    private readonly maxSessions = 1000,
  ) {}

  async create(username: string): Promise<{ id: string; session: StaffSession }> {
    const id = newSecretToken();
    const session = { username, csrfToken: newSecretToken() };
    await this.database.transaction(async (client) => {
      await client.query(`INSERT INTO staff_sessions (id_hash, username, csrf_token, expires_at) VALUES ($1, $3, $4, now() + ${IDLE})`, [
        hashOf(id),
        this.idleMs,
        username,
        session.csrfToken,
      ]);
      await client.query('DELETE FROM staff_sessions WHERE id_hash IN (SELECT id_hash FROM staff_sessions ORDER BY expires_at DESC OFFSET $1)', [
        this.maxSessions,
      ]);
    });
    return { id, session };
  }

  async get(id: string | undefined): Promise<StaffSession | undefined> {
    if (!id) return undefined;
    const { rows } = await this.database.query<{ username: string; csrf_token: string }>(
      `UPDATE staff_sessions SET expires_at = now() + ${IDLE} WHERE id_hash = $1 AND expires_at > now() RETURNING username, csrf_token`,
      [hashOf(id), this.idleMs],
    );
    return rows[0] && { username: rows[0].username, csrfToken: rows[0].csrf_token };
  }

  async destroy(id: string | undefined): Promise<void> {
    if (id) await this.database.query('DELETE FROM staff_sessions WHERE id_hash = $1', [hashOf(id)]);
  }
}
