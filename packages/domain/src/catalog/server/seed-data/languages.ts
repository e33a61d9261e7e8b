import type { SeedLanguage } from './types.ts';

/** The languages the catalog knows about (as a course's "from" or "to" language). */
export const SEED_LANGUAGES: readonly SeedLanguage[] = [
  { code: 'en', englishName: 'English', nativeName: 'English', flag: '🇬🇧' },
  { code: 'es', englishName: 'Spanish', nativeName: 'Español', flag: '🇪🇸' },
  { code: 'fr', englishName: 'French', nativeName: 'Français', flag: '🇫🇷' },
  { code: 'de', englishName: 'German', nativeName: 'Deutsch', flag: '🇩🇪' },
  { code: 'it', englishName: 'Italian', nativeName: 'Italiano', flag: '🇮🇹' },
  { code: 'pt', englishName: 'Portuguese', nativeName: 'Português', flag: '🇵🇹' },
  { code: 'nl', englishName: 'Dutch', nativeName: 'Nederlands', flag: '🇳🇱' },
  { code: 'ru', englishName: 'Russian', nativeName: 'Русский', flag: '🇷🇺' },
  { code: 'ja', englishName: 'Japanese', nativeName: '日本語', flag: '🇯🇵' },
  { code: 'ko', englishName: 'Korean', nativeName: '한국어', flag: '🇰🇷' },
];
