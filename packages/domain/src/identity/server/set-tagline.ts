import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import { setTaglineInputSchema, validateTagline, type TaglineResult } from '../universal/tagline.ts';

/** The tagline as stored (NFC, trimmed; null clears it), or the rule it breaks as a DomainError. */
export function taglineToStore(raw: string | null): string | null {
  const checked = validateTagline(raw);
  if (checked.ok) return checked.tagline;
  const { code, kind, message, details } = checked.problem;
  throw new DomainError(code, kind, message, details);
}

/** Sets (or, with null or blank text, clears) the learner's tagline, stored NFC-normalised. */
export async function setTagline(
  em: EntityManager,
  userId: number,
  raw: string | null,
): Promise<TaglineResult> {
  const input = parseInput(setTaglineInputSchema, { tagline: raw });
  const tagline = taglineToStore(input.tagline);
  return em.transactional(async (tx) => {
    const updated = await tx.execute<{ tagline: string | null }[]>(
      'update users set tagline = ? where id = ? returning tagline',
      [tagline, userId],
    );
    const row = updated[0];
    if (!row) throw new DomainError('USER_NOT_FOUND', 'NOT_FOUND', 'No such user');
    return { tagline: row.tagline };
  });
}
