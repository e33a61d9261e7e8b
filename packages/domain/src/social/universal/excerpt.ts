import { splitGraphemes } from '../../identity/universal/tagline.ts';

export const EXCERPT_GRAPHEMES = 140;

/** The start of a post for a profile card, cut between user-perceived characters, never inside an emoji. */
export function excerptOf(body: string, maxGraphemes = EXCERPT_GRAPHEMES): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const graphemes = splitGraphemes(flat);
  if (graphemes.length <= maxGraphemes) return flat;
  return `${graphemes
    .slice(0, maxGraphemes - 1)
    .join('')
    .trimEnd()}…`;
}
