import type pg from 'pg';

/** publishProgress without Redis, as the API runs here: the learner's cached profile stats go. */
export async function rawPublishProgress(pool: pg.Pool, userId: number): Promise<void> {
  await pool.query('delete from user_stats_cache where user_id = $1', [userId]);
}
