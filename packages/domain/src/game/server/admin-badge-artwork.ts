import type { EntityManager } from '@mikro-orm/postgresql';
import type { AdminActor } from '../../audit/server/record-admin-action.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import type { AdminBadge } from '../universal/admin-badges.ts';
import {
  artworkProblem,
  describeArtworkProblem,
  uploadArtworkInputSchema,
  type UploadArtworkInput,
} from '../universal/artwork.ts';
import { patchBadge, requireAdminBadge } from './admin-badges.ts';
import { storeArtwork } from './artwork-store.ts';

/**
 * Sets a badge's 64×64 art (or its 16×16 tag-badge art) from uploaded PNG bytes: the PNG
 * signature and the IHDR size are checked before anything is stored, the file is kept by content
 * hash, and the badge's URL changes in an audited transaction. A file stored for a badge update
 * that then fails stays unreferenced, and is harmless: it is only ever served by its hash.
 */
export async function uploadBadgeArtwork(
  em: EntityManager,
  actor: AdminActor,
  rawInput: UploadArtworkInput,
): Promise<AdminBadge> {
  const input = parseInput(uploadArtworkInputSchema, rawInput);
  const bytes = Buffer.from(input.pngBase64, 'base64');
  const problem = artworkProblem(bytes, input.size);
  if (problem) {
    throw new DomainError(problem.code, 'BAD_INPUT', describeArtworkProblem(problem, input.size), {
      ...problem,
      path: ['pngBase64'],
    });
  }
  // An unknown badge is refused before a file is written for it.
  await requireAdminBadge(em, input.badgeId, 'badgeId');
  const url = await storeArtwork(bytes);
  const column = input.size === 64 ? 'icon_url_64' : 'icon_url_16';
  return patchBadge(em, actor, input.badgeId, 'badgeId', 'badge.artwork', { [column]: url });
}
