import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import { setTaglineInputSchema, validateTagline, type TaglineResult } from '../universal/tagline.ts';

/** Sets (or, with null or blank text, clears) the learner's tagline, stored NFC-normalised. */
export async function setTagline(
  em: EntityManager,
  userId: number,
  raw: string | null,
): Promise<TaglineResult> {
  const input = parseInput(setTaglineInputSchema, { tagline: raw });
  const checked = validateTagline(input.tagline);
  if (!checked.ok) {
    const { code, kind, message, details } = checked.problem;
    throw new DomainError(code, kind, message, details);
  }
  return em.transactional(async (tx) => {
    const updated = await tx.execute<{ tagline: string | null }[]>(
      'update users set tagline = ? where id = ? returning tagline',
      [checked.tagline, userId],
    );
    const row = updated[0];
    if (!row) throw new DomainError('USER_NOT_FOUND', 'NOT_FOUND', 'No such user');
    return { tagline: row.tagline };
  });
}
